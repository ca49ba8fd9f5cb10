use modelbuild::Validate;

#[derive(Validate)]
struct Page {
    #[validate(nested(each))]
    items: Vec<Item>,
}

#[derive(Validate)]
struct Item;

fn main() {}
