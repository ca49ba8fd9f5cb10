use validator::Validate;

#[derive(Validate)]
struct Page {
    #[validate(range(minimum = 1))]
    size: u32,
}

fn main() {}
