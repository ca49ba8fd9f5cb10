use modelbuild::Validate;

#[derive(Validate)]
struct Notes {
    #[validate(skip, length(max = 10))]
    notes: String,
}

fn main() {}
