use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    #[validate(pattern = "^(UG[0-9a-f]{32}$")]
    sid: String,
}

fn main() {}
