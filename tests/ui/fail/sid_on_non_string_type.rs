use modelbuild::Validate;

struct Opaque;

#[derive(Validate)]
struct Build {
    #[validate(sid(prefix = "UG"))]
    sid: Opaque,
}

fn main() {}
