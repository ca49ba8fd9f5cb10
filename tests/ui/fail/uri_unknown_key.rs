use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(uri(scheme = ["https"]))]
    url: String,
}

fn main() {}
