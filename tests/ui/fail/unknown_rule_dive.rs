use modelbuild::Validate;

#[derive(Validate)]
struct Order {
    // garde spells it `dive`.
    #[validate(dive)]
    items: Vec<Item>,
}

#[derive(Validate)]
struct Item {}

fn main() {}
