use validator::Validate;

#[derive(Validate)]
struct Signup {
    #[validate(must_match(other = "pasword"))]
    confirm: String,
    password: String,
}

fn main() {}
