use validator::Validate;

#[derive(Validate)]
struct Page {
    #[validate(range(code = "size"))]
    size: u32,
}

fn main() {}
