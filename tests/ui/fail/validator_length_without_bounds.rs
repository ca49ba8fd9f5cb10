use validator::Validate;

#[derive(Validate)]
struct Build {
    #[validate(length())]
    unique_name: String,
}

fn main() {}
