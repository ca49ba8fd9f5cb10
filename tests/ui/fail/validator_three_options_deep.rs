use validator::Validate;

#[derive(Validate)]
struct Patch {
    #[validate(range(min = 1))]
    size: Option<Option<Option<u32>>>,
}

fn main() {}
