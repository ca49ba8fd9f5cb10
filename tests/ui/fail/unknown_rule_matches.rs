use modelbuild::Validate;

#[derive(Validate)]
struct Signup {
    password: String,
    #[validate(matches(password))]
    password_confirm: String,
}

fn main() {}
