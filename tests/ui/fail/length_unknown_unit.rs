use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(length(max = 64, unit = "words"))]
    unique_name: String,
}

fn main() {}
