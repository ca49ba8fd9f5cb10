use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(sid(prefix = "UG"))]
    #[validate(sid(prefix = "UA"))]
    sid: String,
}

fn main() {}
