use modelbuild::Validate;

#[derive(Validate)]
struct Sid {
    #[validate(prefix)]
    sid: String,
}

fn main() {}
