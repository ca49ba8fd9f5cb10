use modelbuild::{RuleError, Validate};

fn at_most(_: &u32, _: u32) -> Result<(), RuleError> {
    Ok(())
}

#[derive(Validate)]
struct Build {
    // An argument of the wrong type.
    #[validate(custom(function = at_most, args("five")))]
    b: u32,
    // One argument too many.
    #[validate(custom(function = at_most, args(5, 6)))]
    c: u32,
}

fn main() {}
