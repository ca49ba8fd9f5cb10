use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(length(equal = 34, max = 40))]
    sid: String,
}

fn main() {}
