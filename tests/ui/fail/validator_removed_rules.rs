// validator 0.17 removed `phone`; 0.18 replaced `required_nested`.
use validator::Validate;

#[derive(Validate)]
struct Contact {
    #[validate(phone)]
    phone: String,
    #[validate(required_nested)]
    address: Option<Address>,
}

#[derive(Validate)]
struct Address {
    #[validate(length(min = 1))]
    city: String,
}

fn main() {}
