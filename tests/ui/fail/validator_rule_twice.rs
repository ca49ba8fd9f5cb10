use validator::Validate;

#[derive(Validate)]
struct Build {
    #[validate(length(min = 1))]
    #[validate(length(max = 64))]
    unique_name: String,
}

fn main() {}
