use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(pattern = "^[a-z]+$")]
    unique_name: String,
}

fn main() {}
