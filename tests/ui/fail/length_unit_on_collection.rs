use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(length(max = 64, unit = "bytes"))]
    tags: Vec<String>,
}

fn main() {}
