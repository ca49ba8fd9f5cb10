use validator::Validate;

#[derive(Validate)]
struct Build {
    #[validate(length(equal = 34, max = 64))]
    sid: String,
}

fn main() {}
