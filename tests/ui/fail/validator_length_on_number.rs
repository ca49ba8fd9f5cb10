use validator::Validate;

#[derive(Validate)]
struct Page {
    #[validate(length(max = 1000))]
    size: u32,
}

fn main() {}
