use modelbuild::{RuleError, Validate};

struct Names;

fn fits(_: &u32, _: &Names) -> Result<(), RuleError> {
    Ok(())
}

#[derive(Validate)]
#[validate(context = Names)]
struct Build {
    #[validate(custom = fits)]
    size: u32,
}

// No context to pass down to `Build`.
#[derive(Validate)]
struct Assistant {
    #[validate(nested)]
    build: Build,
}

fn main() {
    // And a type with a context has no plain `validate()`.
    let _ = Build { size: 1 }.validate();
}
