use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(required)]
    sid: Option<String>,
    #[validate(required(code = "missing", message = "give a unique name"))]
    unique_name: Box<Option<String>>,
}

fn main() {
    let errors = Build { sid: None, unique_name: Box::new(None) }.validate().unwrap_err();
    assert_eq!(errors.iter().nth(1).unwrap().code(), "missing");
}
