use modelbuild::Validate;

#[derive(Validate)]
struct Id {
    // Equal as f64, yet min > max: compared exactly.
    #[validate(range(min = 9007199254740993, max = 9007199254740992))]
    id: u64,
}

fn main() {}
