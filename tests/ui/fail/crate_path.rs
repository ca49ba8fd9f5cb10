use modelbuild::Validate;

#[derive(Validate)]
#[validate(crate = "modelbuild_renamed")]
struct Signup {
    #[validate(length(max = 64))]
    name: String,
}

fn main() {}
