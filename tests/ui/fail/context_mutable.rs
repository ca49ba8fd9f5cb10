// validator's `mutable` context: here rules share the context, and the error says so.
use modelbuild::{RuleError, Validate};

struct Counter(u32);

fn count(_: &str, _: &Counter) -> Result<(), RuleError> {
    Ok(())
}

#[derive(Validate)]
#[validate(context = Counter, mutable)]
struct Signup {
    #[validate(custom(function = count, use_context))]
    name: String,
}

fn main() {}
