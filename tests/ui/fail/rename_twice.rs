use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(rename = "Sid", rename = "SID", sid(prefix = "UG"))]
    sid: String,
}

fn main() {}
