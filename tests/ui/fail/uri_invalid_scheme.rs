use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(uri(schemes = ["https", "1http", "web_hook"]))]
    url: String,
}

fn main() {}
