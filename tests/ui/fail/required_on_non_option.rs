use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(required)]
    sid: String,
}

fn main() {}
