use std::collections::BTreeMap;

use modelbuild::Validate;

#[derive(Validate)]
struct Signup {
    #[validate(email, length(max = 254))]
    email: String,
    #[validate(url(schemes = ["https", "HTTP"]))]
    homepage: Option<String>,
    #[validate(ip, ipv4(code = "v4"), ipv6(message = "v6 only"))]
    address: Box<str>,
    #[validate(prefix = "UG", suffix(value = "x"), contains = "-", does_not_contain(value = "..", code = "dots"))]
    tag: &'static str,
    #[validate(ascii, alphanumeric(message = "letters and digits"), non_control_character)]
    handle: String,
    #[validate(credit_card, phone)]
    numbers: Option<String>,
    password: String,
    #[validate(must_match(other = password, code = "again"))]
    confirm: String,
    #[validate(keys(length(max = 8), prefix = "x-"), each(email))]
    contacts: BTreeMap<String, String>,
    #[validate(skip)]
    notes: String,
    #[validate(range(exclusive_min = 0.5, max = 1e21))]
    ratio: f64,
}

fn main() {
    let _ = Signup::validate;
}
