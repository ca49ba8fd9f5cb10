use modelbuild::Validate;

#[derive(Validate)]
struct Build {
    // `length(max)` gives `{max}` and `{unit}`, not `{min}`.
    #[validate(length(max = 64, message = "between {min} and {max}"))]
    unique_name: String,
    #[validate(range(min = 1, message = "at least {min"))]
    page_size: u32,
    #[validate(sid(prefix = "UG", message = "a {prefix} SID }"))]
    sid: String,
    #[validate(email(message = "not an {address}"))]
    email: String,
}

fn main() {}
