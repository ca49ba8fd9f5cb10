use validator::Validate;

#[derive(Validate)]
struct Signup {
    #[validate(custom(use_context))]
    name: String,
}

fn main() {}
