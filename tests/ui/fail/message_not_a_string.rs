use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(required(message = 5))]
    sid: Option<String>,
}

fn main() {}
