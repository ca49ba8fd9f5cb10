use modelbuild::Validate;

#[derive(Validate)]
struct Comment {
    // `pattern` is validator's name for `value`: the text is given twice.
    #[validate(contains(value = "@", pattern = "#"))]
    text: String,
}

fn main() {}
