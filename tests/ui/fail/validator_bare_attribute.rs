use validator::Validate;

#[derive(Validate)]
struct Signup {
    #[validate]
    name: String,
}

fn main() {}
