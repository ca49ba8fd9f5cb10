use modelbuild::Validate;

#[derive(Validate)]
struct Slug {
    // validator's `regex` takes a regex the program keeps: a literal goes in `pattern`.
    #[validate(regex = "^[a-z]+$")]
    slug: String,
}

fn main() {}
