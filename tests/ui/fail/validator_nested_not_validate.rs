use validator::Validate;

#[derive(Validate)]
struct Build {
    #[validate(nested)]
    step: Step,
}

struct Step {
    sid: String,
}

fn main() {}
