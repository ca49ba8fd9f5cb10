use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate]
    sid: String,
}

fn main() {}
