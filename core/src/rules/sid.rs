//! `sid`: a Twilio SID, a two-letter prefix then 32 hexadecimal digits.

use crate::params::Params;
use crate::__private::{check_text, Site, Failure};
use crate::rules::input::StrInput;
use crate::{PathNode, ValidationErrors};

/// Whether `value` is `prefix` followed by exactly 32 hexadecimal digits (either case):
/// Twilio's `^UG[0-9a-fA-F]{32}$` for the prefix `"UG"`.
///
/// ```
/// use modelbuild::rules::is_sid;
///
/// assert!(is_sid("UG0123456789abcdefABCDEF0123456789", "UG"));
/// assert!(!is_sid("UA0123456789abcdefABCDEF0123456789", "UG")); // other prefix
/// assert!(!is_sid("UG0123456789abcdefABCDEF012345678", "UG"));  // 31 digits
/// assert!(!is_sid("ug0123456789abcdefABCDEF0123456789", "UG")); // prefix is case-sensitive
/// ```
pub fn is_sid(value: &str, prefix: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() == prefix.len() + 32
        && bytes.starts_with(prefix.as_bytes())
        && bytes[prefix.len()..].iter().all(u8::is_ascii_hexdigit)
}

/// The message of a failed `sid` rule.
pub fn message(prefix: &str) -> String {
    format!("must be a SID: \"{prefix}\" followed by 32 hexadecimal digits")
}

/// The derive's entry: reports a failed `sid` rule at `at`.
#[doc(hidden)]
pub fn check<M, T: StrInput<M> + ?Sized>(
    value: &T,
    prefix: &'static str,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: Site,
) {
    let params = || Params::new().with("prefix", prefix);
    check_text(value, at, errors, site, |text| is_sid(text, prefix), Failure { code: "sid", params, message: || message(prefix) });
}

/// Writes the rule into a JSON Schema (feature `schemars`): the prefix and 32 hex digits
/// as a `pattern`, and the length both ways.
///
/// ```
/// let mut schema = schemars::json_schema!({"type": "string"});
/// modelbuild::rules::sid::json_schema(&mut schema, "UG");
/// assert_eq!(schema.get("pattern").unwrap(), "^UG[0-9a-fA-F]{32}$");
/// assert_eq!(schema.get("maxLength").unwrap(), 34);
/// ```
#[cfg(feature = "schemars")]
pub fn json_schema(schema: &mut crate::schema::Schema, prefix: &str) {
    use crate::schema::{add_pattern, ecma_escape, set_bound, Bound};
    add_pattern(schema, format!("^{}[0-9a-fA-F]{{32}}$", ecma_escape(prefix)));
    let length = prefix.chars().count() + 32;
    set_bound(schema, "minLength", Bound::Lower, length.into());
    set_bound(schema, "maxLength", Bound::Upper, length.into());
}
