use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(custom)]
    sid: String,
}

fn main() {}
