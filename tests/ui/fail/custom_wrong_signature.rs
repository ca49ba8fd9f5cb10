use modelbuild::{RuleError, Validate};

struct Names;

// Takes no context, but the type declares one.
fn no_context(_: &u32) -> Result<(), RuleError> {
    Ok(())
}

// The context has the wrong type.
fn other_context(_: &u32, _: &String) -> Result<(), RuleError> {
    Ok(())
}

// Returns no `Result`.
fn no_result(_: &u32, _: &Names) -> bool {
    true
}

#[derive(Validate)]
#[validate(context = Names)]
struct Build {
    #[validate(custom = no_context)]
    a: u32,
    #[validate(custom = other_context)]
    b: u32,
    #[validate(custom = no_result)]
    c: u32,
}

fn main() {}
