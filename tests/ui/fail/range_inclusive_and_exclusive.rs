use modelbuild::Validate;

#[derive(Validate)]
struct Page {
    #[validate(range(min = 1, exclusive_min = 0))]
    page_size: u32,
}

fn main() {}
