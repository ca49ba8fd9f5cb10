use modelbuild::Validate;

#[derive(Validate)]
struct Ratio {
    #[validate(range(min = 0.5, exclusive_max = 0.5))]
    value: f64,
}

fn main() {}
