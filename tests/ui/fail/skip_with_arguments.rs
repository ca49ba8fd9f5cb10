use modelbuild::Validate;

#[derive(Validate)]
struct Notes {
    #[validate(skip(reason = "free text"))]
    notes: String,
}

fn main() {}
