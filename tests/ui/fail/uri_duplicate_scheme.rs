use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(uri(schemes = ["https", "HTTPS"]))]
    url: String,
}

fn main() {}
