use modelbuild::Validate;

#[derive(Validate)]
struct Slug {
    // validator spells it `regex`: the suggestion names ours.
    #[validate(regex = "^[a-z]+$")]
    slug: String,
}

fn main() {}
