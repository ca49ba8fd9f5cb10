use modelbuild::Validate;

#[derive(Validate)]
#[validate(length(max = 3))]
struct Build {
    sid: String,
}

fn main() {}
