use modelbuild::Validate;

#[derive(Validate)]
struct Page {
    #[validate(range)]
    page_size: u32,
}

fn main() {}
