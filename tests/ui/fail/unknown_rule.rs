use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(email)]
    contact: String,
}

fn main() {}
