use modelbuild::Validate;

#[derive(Validate)]
struct Comment {
    #[validate(does_not_contain(value = ""))]
    text: String,
}

fn main() {}
