use modelbuild::Validate;

#[derive(Validate)]
struct Contact {
    #[validate(email = true)]
    email: String,
}

fn main() {}
