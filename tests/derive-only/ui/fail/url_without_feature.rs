use modelbuild::Validate;

#[derive(Validate)]
struct Site {
    // Without modelbuild's `url` feature there is no URL parser to call.
    #[validate(url)]
    homepage: String,
}

fn main() {}
