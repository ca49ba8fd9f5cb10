use modelbuild::Validate;

#[derive(Validate)]
struct Page {
    #[validate(range(min = 1000, max = 1))]
    page_size: u32,
}

fn main() {}
