use modelbuild::{RuleError, Validate};

fn check(_: &Signup) -> Result<(), RuleError> {
    Ok(())
}

#[derive(Validate)]
#[validate(schema(function = check, skip_on_field_error = false))]
struct Signup {
    name: String,
}

fn main() {}
