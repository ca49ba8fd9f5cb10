use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(uri)]
    url: String,
    #[validate(uri(schemes = ["https", "http"]))]
    status_callback: Option<String>,
}

fn main() {
    let ok = Build { url: "urn:x:y".into(), status_callback: Some("https://example.com".into()) };
    assert!(ok.validate().is_ok());
    let bad = Build { url: "/relative".into(), status_callback: Some("urn:x:y".into()) };
    assert_eq!(bad.validate().unwrap_err().len(), 2);
}
