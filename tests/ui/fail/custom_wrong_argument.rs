use modelbuild::{RuleError, Validate};

fn even(value: &u32) -> Result<(), RuleError> {
    if value % 2 == 0 { Ok(()) } else { Err("must be even".into()) }
}

#[derive(Validate)]
struct Build {
    #[validate(custom = even)]
    count: String,
}

fn main() {}
