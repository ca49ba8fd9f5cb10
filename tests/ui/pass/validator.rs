// Every attribute form of validator 0.21 on one struct, through modelbuild-validator
// named `validator` as a switched program names it: no `crate = ...` needed.
use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use validator::{Validate, ValidateArgs, ValidationError};

static LOWER: LazyLock<Regex> = LazyLock::new(|| Regex::new("^[a-z]+$").unwrap());
const MAX: u64 = 64;

fn not_admin(name: &str) -> Result<(), ValidationError> {
    match name {
        "admin" => Err(ValidationError::new("reserved")),
        _ => Ok(()),
    }
}

fn distinct(signup: &Signup) -> Result<(), ValidationError> {
    match signup.mail == signup.backup.as_deref().unwrap_or_default() {
        true => Err(ValidationError::new("same")),
        false => Ok(()),
    }
}

#[derive(Validate, serde::Serialize)]
struct Address {
    #[validate(length(min = 1))]
    city: String,
}

#[derive(Validate)]
#[validate(schema(function = "distinct", skip_on_field_errors = false))]
struct Signup {
    #[validate(email, length(max = "MAX"), non_control_character)]
    mail: String,
    #[validate(email(message = "not an address", code = "backup"))]
    backup: Option<String>,
    #[validate(url, contains(pattern = "https"), does_not_contain(pattern = "localhost"))]
    site: Cow<'static, str>,
    #[validate(ip(v4))]
    host: String,
    #[validate(regex(path = *LOWER), custom(function = not_admin), custom(function = "not_admin", code = "x"))]
    name: String,
    #[validate(must_match(other = "name"))]
    name_again: String,
    #[validate(range(min = 18, exclusive_max = 150))]
    age: Option<u8>,
    #[validate(required, nested)]
    address: Option<Address>,
    #[validate(skip)]
    internal: u64,
}

struct Taken(Vec<&'static str>);

fn free(name: &str, taken: &mut Taken) -> Result<(), ValidationError> {
    taken.0.push("checked");
    match taken.0.contains(&name) {
        true => Err(ValidationError::new("taken")),
        false => Ok(()),
    }
}

#[derive(Validate)]
#[validate(context = Taken, mutable)]
struct Rename {
    #[validate(custom(function = free, use_context))]
    name: String,
}

fn main() {
    let signup = Signup {
        mail: "ada@example.com".into(),
        backup: None,
        site: Cow::Borrowed("https://example.com"),
        host: "10.0.0.1".into(),
        name: "ada".into(),
        name_again: "ada".into(),
        age: Some(36),
        address: Some(Address { city: "London".into() }),
        internal: 0,
    };
    assert!(signup.validate().is_ok());
    let mut taken = Taken(vec!["root"]);
    assert!(Rename { name: "root".into() }.validate_with_args(&mut taken).is_err());
    assert_eq!(taken.0.len(), 2);
}
