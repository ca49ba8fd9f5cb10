// validator writes the text as `contains(pattern = "...")`.
use validator::Validate;

#[derive(Validate)]
struct Signup {
    #[validate(contains = "@")]
    mail: String,
}

fn main() {}
