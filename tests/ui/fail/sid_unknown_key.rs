use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(sid(prefx = "UG"))]
    sid: String,
}

fn main() {}
