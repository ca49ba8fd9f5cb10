use modelbuild::Validate;

#[derive(Validate)]
struct Name {
    // JSON Schema says `maximum`; only this mistake is reported, no "needs a bound".
    #[validate(length(maximum = 64))]
    name: String,
}

fn main() {}
