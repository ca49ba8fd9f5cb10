use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(lowercase)]
    contact: String,
}

fn main() {}
