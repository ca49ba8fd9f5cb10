//! `credit_card`: a payment card number (a PAN) with a valid Luhn check digit.
//!
//! A value passes when it is 12 to 19 digits (ISO/IEC 7812's lengths) whose last is a
//! valid Luhn check digit, optionally in groups separated by single spaces or single
//! hyphens (`4111 1111 1111 1111`, `4111-1111-1111-1111`); no other character, and no
//! separator first, last or doubled. The issuer is not checked. An absent value (`None`)
//! passes.
//!
//! # Attribute
//!
//! | form | passes when |
//! |---|---|
//! | `credit_card` | the value is a card number with a valid check digit |
//! | `credit_card(code = "...", message = "...")` | the same, reported with its own code and message |
//!
//! - The rule takes no arguments of its own; `credit_card = true` is a compile error.
//! - `code = "..."` replaces the error's code and `message = "..."` its message. The rule
//!   gives no parameters, so a `{name}` in the message is a compile error (`{{` and `}}`
//!   are braces).
//! - The rule applies to a string: a type that implements `AsRef<str>` (`String`, `&str`,
//!   `Box<str>`, `Cow<str>`, a newtype of yours), or an `Option`, `Box`, `Rc` or `Arc` of
//!   one ([`StrInput`]). On a field whose type is plainly no string
//!   (a number, `bool`, `char`, a `Vec`) the rule is a compile error at its name; any other
//!   such type fails to compile with "`T` cannot be checked as a string".
//! - As for every rule, an unknown key (with a suggestion), a key given twice and
//!   `credit_card` twice on one field are compile errors.
//!
//! # Error
//!
//! | code | params | default message |
//! |---|---|---|
//! | `"credit_card"` | none | `must be a card number with a valid check digit` |
//!
//! # Example
//!
//! ```
//! use modelbuild::Validate;
//! use serde_json::json;
//!
//! #[derive(Validate)]
//! struct Payment {
//!     #[validate(credit_card)]
//!     card: String,
//!     #[validate(credit_card(code = "card"))]
//!     backup: Option<String>,
//! }
//!
//! let payment = Payment {
//!     card: "4111 1111 1111 1112".into(),         // wrong check digit
//!     backup: Some("4111--1111-1111-1111".into()), // doubled separator
//! };
//! let errors = payment.validate().unwrap_err();
//! let found: Vec<(String, &str, &str)> =
//!     errors.iter().map(|e| (e.path().to_string(), e.code(), e.message())).collect();
//! assert_eq!(found, [
//!     ("card".to_string(), "credit_card", "must be a card number with a valid check digit"),
//!     ("backup".to_string(), "card", "must be a card number with a valid check digit"),
//! ]);
//! let params: Vec<_> = errors.iter().map(|e| serde_json::to_value(e.params()).unwrap()).collect();
//! assert_eq!(params, [json!({}), json!({})]);
//!
//! let valid = Payment { card: "4111-1111-1111-1111".into(), backup: None };
//! assert!(valid.validate().is_ok());
//! ```
//!
//! # JSON Schema
//!
//! With the `schemars` feature, the rule writes nothing: JSON Schema cannot state a check
//! digit.
//!
//! The predicate is [`is_credit_card`], and the default message [`message`].

use crate::params::Params;
use crate::__private::{check_text, Site, Failure};
use crate::rules::input::StrInput;
use crate::{PathNode, ValidationErrors};

const MIN_DIGITS: usize = 12;
const MAX_DIGITS: usize = 19;

/// Whether `value` is a card number with a valid Luhn check digit.
///
/// ```
/// use modelbuild::rules::is_credit_card;
///
/// assert!(is_credit_card("4111111111111111"));
/// assert!(is_credit_card("4111 1111 1111 1111"));
/// assert!(is_credit_card("4111-1111-1111-1111"));
/// assert!(!is_credit_card("4111111111111112")); // wrong check digit
/// assert!(!is_credit_card("4111  1111 1111 1111")); // doubled separator
/// assert!(!is_credit_card("0000000000")); // too short
/// ```
pub fn is_credit_card(value: &str) -> bool {
    let bytes = value.as_bytes();
    if bytes.len() > MAX_DIGITS * 2 || !bytes.first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let (mut digits, mut sum, mut previous_was_separator) = (0, 0, false);
    // Luhn from the right: every second digit doubled, 9 taken off when over 9.
    for &b in bytes.iter().rev() {
        match b {
            b'0'..=b'9' => {
                let digit = u32::from(b - b'0');
                let doubled = if digits % 2 == 1 { digit * 2 } else { digit };
                sum += if doubled > 9 { doubled - 9 } else { doubled };
                digits += 1;
                previous_was_separator = false;
            }
            b' ' | b'-' if !previous_was_separator && digits > 0 => previous_was_separator = true,
            _ => return false,
        }
    }
    (MIN_DIGITS..=MAX_DIGITS).contains(&digits) && sum % 10 == 0
}

/// The message of a failed `credit_card` rule.
pub fn message() -> String {
    "must be a card number with a valid check digit".to_owned()
}

site_entry!(credit_card [M, T: StrInput<M> + ?Sized] (value: &T) => check);

/// The derive's entry: reports a failed `credit_card` rule at `at`.
#[doc(hidden)]
pub fn check<M, T: StrInput<M> + ?Sized>(value: &T, at: &PathNode<'_>, errors: &mut ValidationErrors, site: &'static Site) {
    check_text(value, at, errors, site, is_credit_card, move || Failure { code: "credit_card", params: Params::new, message });
}
