use modelbuild::Validate;

#[derive(Validate)]
struct Signup {
    password: String,
    #[validate(each(must_match(password)))]
    previous: Vec<String>,
}

fn main() {}
