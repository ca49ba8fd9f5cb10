use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(sid(prefix = "UG"))]
    sid: String,
    #[validate(sid(prefix = "UA"))]
    assistant_sid: Option<String>,
}

fn main() {
    let ok = Build { sid: "UG0123456789abcdef0123456789abcdef".into(), assistant_sid: None };
    assert!(ok.validate().is_ok());
    let bad = Build { sid: "UG".into(), assistant_sid: Some("AC0123456789abcdef0123456789abcdef".into()) };
    assert_eq!(bad.validate().unwrap_err().len(), 2);
}
