use modelbuild::Validate;

#[derive(Validate)]
struct Site {
    #[validate(url = "https")]
    homepage: String,
}

fn main() {}
