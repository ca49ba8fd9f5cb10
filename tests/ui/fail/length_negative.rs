use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(length(min = -1))]
    unique_name: String,
}

fn main() {}
