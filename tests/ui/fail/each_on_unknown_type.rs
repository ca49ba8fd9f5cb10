use modelbuild::Validate;

struct Bag;

#[derive(Validate)]
struct Build {
    #[validate(each(sid(prefix = "UG")))]
    sids: Bag,
}

fn main() {}
