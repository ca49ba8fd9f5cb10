use modelbuild::{RuleError, Validate};

fn even(value: &u32) -> Result<(), RuleError> {
    if value % 2 == 0 { Ok(()) } else { Err("must be even".into()) }
}

#[derive(Validate)]
struct Step {
    #[validate(sid(prefix = "UG"))]
    sid: String,
}

#[derive(Validate)]
struct Build {
    #[validate(sid(prefix = "UA"), length(equal = 34))]
    assistant_sid: String,
    #[validate(uri(schemes = ["https"]))]
    url: Option<String>,
    #[validate(range(min = 1, max = 1000))]
    page_size: u32,
    #[validate(required)]
    token: Option<String>,
    #[validate(custom = even)]
    count: u32,
    #[validate(nested)]
    steps: Vec<Step>,
}

fn main() {
    let build = Build {
        assistant_sid: "UA".into(),
        url: Some("http://example.com".into()),
        page_size: 0,
        token: None,
        count: 1,
        steps: vec![Step { sid: "x".into() }],
    };
    let paths: Vec<String> = build.validate().unwrap_err().iter().map(|e| e.path().to_string()).collect();
    assert_eq!(
        paths,
        ["assistant_sid", "assistant_sid", "url", "page_size", "token", "count", "steps[0].sid"]
    );
    assert!(modelbuild::rules::is_sid("UG0123456789abcdef0123456789abcdef", "UG"));
}
