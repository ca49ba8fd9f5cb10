use validator::Validate;

#[derive(Validate)]
struct Signup {
    #[validate(email = "message")]
    mail: String,
}

fn main() {}
