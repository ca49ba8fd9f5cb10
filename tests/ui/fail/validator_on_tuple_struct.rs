use validator::Validate;

#[derive(Validate)]
struct Sid(#[validate(length(equal = 34))] String);

fn main() {}
