use modelbuild::{RuleError, Validate};

struct Taken;

fn free(_: &str) -> Result<(), RuleError> {
    Ok(())
}

#[derive(Validate)]
#[validate(context = Taken)]
struct Signup {
    #[validate(custom(function = free, use_context = false))]
    name: String,
}

fn main() {}
