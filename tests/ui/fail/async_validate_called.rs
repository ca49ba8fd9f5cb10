use modelbuild::{RuleError, Valid, Validate};

async fn available(_: &str) -> Result<(), RuleError> {
    Ok(())
}

#[derive(Validate)]
struct Signup {
    #[validate(custom(function = available, async))]
    username: String,
}

fn main() {
    let signup = Signup { username: "ada".into() };
    // Would skip the lookup: refused, and the error names `validate_async`.
    let _ = signup.validate();
    // The proof of validation too is made only with the async rules.
    let _ = Valid::new(signup);
}
