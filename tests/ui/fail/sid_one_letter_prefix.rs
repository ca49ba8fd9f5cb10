use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(sid(prefix = "U"))]
    sid: String,
}

fn main() {}
