use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(length(max = 1))]
    done: bool,
}

fn main() {}
