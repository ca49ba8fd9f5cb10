use modelbuild::Validate;

// An exclusive bound goes by the rule's general entry, in a struct of bounds: a bound
// of the wrong type is still reported at the bound.
#[derive(Validate)]
struct Build {
    #[validate(range(exclusive_min = 0))]
    ratio: f64,
}

fn main() {}
