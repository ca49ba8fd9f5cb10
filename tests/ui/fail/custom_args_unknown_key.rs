use modelbuild::{RuleError, Validate};

fn at_most(_: &u32, _: u32) -> Result<(), RuleError> {
    Ok(())
}

#[derive(Validate)]
struct Build {
    #[validate(custom(function = at_most, arg(5)))]
    a: u32,
}

fn main() {}
