use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(pattern)]
    sid: String,
}

fn main() {}
