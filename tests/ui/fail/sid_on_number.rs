use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(sid(prefix = "UG"))]
    sid: u64,
}

fn main() {}
