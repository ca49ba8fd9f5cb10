use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(required = true)]
    sid: Option<String>,
}

fn main() {}
