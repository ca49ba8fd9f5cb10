use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(nested)]
    unique_name: Option<String>,
}

fn main() {}
