use modelbuild::Validate;

#[derive(Validate)]
struct Signup {
    password: String,
    #[validate(must_match)]
    password_confirm: String,
}

fn main() {}
