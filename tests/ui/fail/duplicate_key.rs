use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(length(min = 1, min = 2))]
    unique_name: String,
}

fn main() {}
