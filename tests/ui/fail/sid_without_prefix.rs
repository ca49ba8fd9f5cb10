use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(sid)]
    sid: String,
}

fn main() {}
