use modelbuild::Validate;

#[derive(Validate)]
struct Page {
    #[validate(range(min = 1))]
    page_token: String,
}

fn main() {}
