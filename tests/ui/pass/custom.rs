use modelbuild::{RuleError, Validate};

fn even(value: &u32) -> Result<(), RuleError> {
    if value % 2 == 0 { Ok(()) } else { Err(RuleError::new("even", "must be even")) }
}

fn not_blank(value: &str) -> Result<(), &'static str> {
    if value.trim().is_empty() { Err("must not be blank") } else { Ok(()) }
}

#[derive(Validate)]
#[validate(custom = ordered)]
struct Build {
    #[validate(custom = even)]
    count: u32,
    #[validate(custom(function = not_blank, code = "blank"))]
    name: Option<String>,
    low: u8,
    high: u8,
}

fn ordered(build: &Build) -> Result<(), String> {
    if build.low <= build.high { Ok(()) } else { Err(format!("{} > {}", build.low, build.high)) }
}

fn main() {
    let errors = Build { count: 1, name: Some(" ".into()), low: 2, high: 1 }.validate().unwrap_err();
    let codes: Vec<&str> = errors.iter().map(|e| e.code()).collect();
    assert_eq!(codes, ["even", "blank", "custom"]);
}
