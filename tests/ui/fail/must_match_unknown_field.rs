use modelbuild::Validate;

#[derive(Validate)]
struct Signup {
    password: String,
    #[validate(must_match(pasword))]
    password_confirm: String,
}

fn main() {}
