use modelbuild::Validate;

#[derive(Validate)]
struct Contact {
    #[validate(email)]
    email: u64,
}

fn main() {}
