// validator has no `sid` rule: modelbuild-validator takes validator's rules only.
use validator::Validate;

#[derive(Validate)]
struct Build {
    #[validate(sid(prefix = "UG"))]
    sid: String,
}

fn main() {}
