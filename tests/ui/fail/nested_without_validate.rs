use modelbuild::Validate;

struct Item;

#[derive(Validate)]
struct Page {
    #[validate(nested)]
    items: Vec<Item>,
}

fn main() {}
