use modelbuild::{RuleError, Validate};

async fn available(_: &str) -> Result<(), RuleError> {
    Ok(())
}

fn at_once(_: &str) -> Result<(), RuleError> {
    Ok(())
}

#[derive(Validate)]
struct Values {
    #[validate(custom(function = available, async = true))]
    a: String,
    #[validate(custom(function = available, async, async))]
    b: String,
}

// Nothing to wait for.
#[derive(Validate)]
#[validate(async)]
struct Plain {
    #[validate(length(max = 3))]
    name: String,
}

#[derive(Validate)]
#[validate(async, async)]
struct Twice {
    #[validate(nested)]
    values: Values,
}

#[derive(Validate)]
#[validate(async(now))]
struct WithArgs {
    #[validate(nested)]
    values: Values,
}

// A sync function marked `async`: it returns no future.
#[derive(Validate)]
struct NotAFuture {
    #[validate(custom(function = at_once, async))]
    name: String,
}

fn main() {}
