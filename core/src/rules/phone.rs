//! `phone`: a phone number in E.164 form, the form Twilio's APIs take: `+`, then 1 to
//! 15 digits, the first not `0` (`+14155552671`). No spaces, hyphens or brackets: a
//! number written for people must be normalized before it is sent.
//!
//! A value passes when it is exactly that: `+`, then 1 to 15 ASCII digits, the first of
//! them not `0`. Whether the country code or the number exists is not checked. An absent
//! value (`None`) passes.
//!
//! # Attribute
//!
//! | form | passes when |
//! |---|---|
//! | `phone` | the value is an E.164 number |
//! | `phone(code = "...", message = "...")` | the same, reported with its own code and message |
//!
//! - The rule takes no arguments of its own; `phone = true` is a compile error.
//! - `code = "..."` replaces the error's code and `message = "..."` its message. The rule
//!   gives no parameters, so a `{name}` in the message is a compile error (`{{` and `}}`
//!   are braces).
//! - The rule applies to a string: a type that implements `AsRef<str>` (`String`, `&str`,
//!   `Box<str>`, `Cow<str>`, a newtype of yours), or an `Option`, `Box`, `Rc` or `Arc` of
//!   one ([`StrInput`]). On a field whose type is plainly no string
//!   (a number, `bool`, `char`, a `Vec`) the rule is a compile error at its name; any other
//!   such type fails to compile with "`T` cannot be checked as a string".
//! - As for every rule, an unknown key (with a suggestion), a key given twice and `phone`
//!   twice on one field are compile errors.
//!
//! # Error
//!
//! | code | params | default message |
//! |---|---|---|
//! | `"phone"` | none | ``must be a phone number in E.164 form: `+`, then up to 15 digits`` |
//!
//! # Example
//!
//! ```
//! use modelbuild::Validate;
//! use serde_json::json;
//!
//! #[derive(Validate)]
//! struct Contact {
//!     #[validate(phone)]
//!     mobile: String,
//!     #[validate(phone(message = "use the +E.164 form"))]
//!     landline: Option<String>,
//! }
//!
//! let contact = Contact { mobile: "+1 415 555 2671".into(), landline: Some("02071838750".into()) };
//! let errors = contact.validate().unwrap_err();
//! let found: Vec<(String, &str, &str)> =
//!     errors.iter().map(|e| (e.path().to_string(), e.code(), e.message())).collect();
//! assert_eq!(found, [
//!     ("mobile".to_string(), "phone", "must be a phone number in E.164 form: `+`, then up to 15 digits"),
//!     ("landline".to_string(), "phone", "use the +E.164 form"),
//! ]);
//! let params: Vec<_> = errors.iter().map(|e| serde_json::to_value(e.params()).unwrap()).collect();
//! assert_eq!(params, [json!({}), json!({})]);
//!
//! let valid = Contact { mobile: "+14155552671".into(), landline: Some("+442071838750".into()) };
//! assert!(valid.validate().is_ok());
//! ```
//!
//! # JSON Schema
//!
//! With the `schemars` feature, the rule writes `pattern: ^\+[1-9][0-9]{0,14}$`.
//!
//! The predicate is [`is_phone`], and the default message [`message`].

use crate::params::Params;
use crate::__private::{check_text, Site, Failure};
use crate::rules::input::StrInput;
use crate::{PathNode, ValidationErrors};

/// Whether `value` is an E.164 phone number.
///
/// ```
/// use modelbuild::rules::is_phone;
///
/// assert!(is_phone("+14155552671"));
/// assert!(is_phone("+442071838750"));
/// assert!(!is_phone("14155552671")); // no `+`
/// assert!(!is_phone("+1 415 555 2671")); // spaces
/// assert!(!is_phone("+0123456")); // no country code starts with 0
/// assert!(!is_phone("+1234567890123456")); // 16 digits
/// ```
pub fn is_phone(value: &str) -> bool {
    let Some(digits) = value.strip_prefix('+') else {
        return false;
    };
    (1..=15).contains(&digits.len())
        && !digits.starts_with('0')
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The message of a failed `phone` rule.
pub fn message() -> String {
    "must be a phone number in E.164 form: `+`, then up to 15 digits".to_owned()
}

site_entry!(phone [M, T: StrInput<M> + ?Sized] (value: &T) => check);

/// The derive's entry: reports a failed `phone` rule at `at`.
#[doc(hidden)]
pub fn check<M, T: StrInput<M> + ?Sized>(value: &T, at: &PathNode<'_>, errors: &mut ValidationErrors, site: &'static Site) {
    check_text(value, at, errors, site, is_phone, move || Failure { code: "phone", params: Params::new, message });
}

/// Writes the rule into a JSON Schema (feature `schemars`): `pattern`
/// `^\+[1-9][0-9]{0,14}$`.
#[cfg(feature = "schemars")]
pub fn json_schema(schema: &mut crate::schema::Schema) {
    crate::schema::add_pattern(schema, r"^\+[1-9][0-9]{0,14}$".to_owned());
}
