//! `phone`: a phone number in E.164 form, the form Twilio's APIs take: `+`, then 1 to
//! 15 digits, the first not `0` (`+14155552671`). No spaces, hyphens or brackets: a
//! number written for people must be normalized before it is sent.

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
