use modelbuild::{RuleError, Validate};

struct Limits;
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

// `Build` needs `Names`; this type would hand it `Limits`.
#[derive(Validate)]
#[validate(context = Limits)]
struct Assistant {
    #[validate(nested)]
    builds: Vec<Build>,
}

fn main() {}
