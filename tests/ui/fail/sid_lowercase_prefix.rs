use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(sid(prefix = "ug"))]
    sid: String,
}

fn main() {}
