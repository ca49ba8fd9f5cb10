use modelbuild::Validate;

#[derive(Validate)]
struct Signup {
    pin: u32,
    #[validate(must_match(pin))]
    pin_confirm: String,
}

fn main() {}
