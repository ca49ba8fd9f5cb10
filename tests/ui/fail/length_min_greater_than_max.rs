use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(length(min = 10, max = 5))]
    unique_name: String,
}

fn main() {}
