// validator's context borrows for `'v_a`, the lifetime of `validate_with_args`'s argument.
use validator::{Validate, ValidationError};

struct Names<'a>(&'a [&'a str]);

fn free(_: &str, _: &Names) -> Result<(), ValidationError> {
    Ok(())
}

#[derive(Validate)]
#[validate(context = "Names<'a>")]
struct Signup {
    #[validate(custom(function = free, use_context))]
    name: String,
}

fn main() {}
