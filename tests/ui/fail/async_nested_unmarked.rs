use modelbuild::{RuleError, Validate};

async fn available(_: &str) -> Result<(), RuleError> {
    Ok(())
}

#[derive(Validate)]
struct Signup {
    #[validate(custom(function = available, async))]
    username: String,
}

// Nests a type with async rules, but does not say it has them to wait for.
#[derive(Validate)]
struct Team {
    #[validate(nested)]
    members: Vec<Signup>,
}

fn main() {}
