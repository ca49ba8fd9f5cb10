use validator::Validate;

#[derive(Validate)]
struct Signup {
    #[validate(custom(function = 42))]
    name: String,
}

fn main() {}
