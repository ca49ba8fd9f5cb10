use modelbuild::Validate;

#[derive(Validate)]
struct Ratio {
    #[validate(range(exclusive_min = 5, exclusive_max = 5))]
    value: i32,
}

fn main() {}
