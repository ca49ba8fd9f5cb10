use std::sync::LazyLock;

use modelbuild::Validate;

static LOWER: LazyLock<String> = LazyLock::new(String::new);

#[derive(Validate)]
struct Build {
    #[validate(regex(path = LOWER))]
    unique_name: String,
}

fn main() {}
