use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(pattern = r"^[a-z][a-z0-9_-]*$")]
    unique_name: String,
    #[validate(pattern(regex = "^\\d+$", message = "digits only"))]
    code: Option<String>,
}

fn main() {
    let ok = Build { unique_name: "nightly-1".into(), code: Some("42".into()) };
    assert!(ok.validate().is_ok());
    let bad = Build { unique_name: "Nightly".into(), code: Some("x".into()) };
    let errors = bad.validate().unwrap_err();
    assert_eq!(errors.iter().nth(1).unwrap().message(), "digits only");
}
