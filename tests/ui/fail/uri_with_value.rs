use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(uri = "https")]
    url: String,
}

fn main() {}
