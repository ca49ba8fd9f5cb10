use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(range(min = 0))]
    ratio: f64,
}

fn main() {}
