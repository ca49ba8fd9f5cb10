use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(pattern = "^[0-9]+$")]
    error_code: Option<i32>,
}

fn main() {}
