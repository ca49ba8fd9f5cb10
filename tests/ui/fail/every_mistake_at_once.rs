use modelbuild::Validate;

// One compile reports every mistake of the item, each at its own token.
#[derive(Validate)]
struct Build {
    #[validate(sid(prefix = "ug"), lenght(max = 64))]
    sid: String,
    #[validate(length(min = 9, max = 3), uri(schemes = ["ht tp"]))]
    url: String,
    #[validate(pattern = "[", range(min = 0))]
    unique_name: String,
}

fn main() {}
