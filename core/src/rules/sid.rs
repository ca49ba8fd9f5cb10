//! `sid`: a Twilio SID, a two-letter prefix then 32 hexadecimal digits.
//!
//! A value passes when it is the rule's prefix, byte for byte, followed by exactly 32
//! hexadecimal digits (`0-9`, `a-f`, `A-F`) and nothing else: for `prefix = "UG"`, Twilio's
//! `^UG[0-9a-fA-F]{32}$`, 34 bytes in all. The prefix is case-sensitive (`ug…` fails); the
//! digits are not. An absent value (`None`) passes.
//!
//! # Attribute
//!
//! | form | passes when |
//! |---|---|
//! | `sid(prefix = "UG")` | the value is `UG` then 32 hex digits |
//! | `sid(prefix = "UG", code = "...", message = "...")` | the same, reported with its own code and message |
//!
//! - `prefix` (required): a string literal of exactly two uppercase ASCII letters (`"UG"`,
//!   `"AC"`, `"UA"`). `sid` with no prefix, `sid(prefix = "ug")` and `sid(prefix = "U")`
//!   are compile errors, at the rule or at the prefix.
//! - `code = "..."` replaces the error's code. `message = "..."` replaces its message; it is
//!   a template over the parameters below (`"needs a {prefix} SID"`; `{{` and `}}` are
//!   braces), checked while compiling: a name the rule does not give is a compile error.
//!   [`Params::render`](crate::Params::render) fills it in.
//! - The rule applies to a string: a type that implements `AsRef<str>` (`String`, `&str`,
//!   `Box<str>`, `Cow<str>`, a newtype of yours), or an `Option`, `Box`, `Rc` or `Arc` of
//!   one ([`StrInput`]). On a field whose type is plainly no string
//!   (a number, `bool`, `char`, a `Vec`) the rule is a compile error at its name; any other
//!   such type fails to compile with "`T` cannot be checked as a string".
//! - As for every rule, an unknown key (with a suggestion), a key given twice and `sid`
//!   twice on one field are compile errors.
//!
//! # Error
//!
//! | code | params | default message |
//! |---|---|---|
//! | `"sid"` | `prefix`: text, the prefix (`"UG"`) | `must be a SID: "UG" followed by 32 hexadecimal digits` |
//!
//! The error is a [`FieldError`](crate::FieldError) at the field's path; its parameters are
//! [`Params`], in JSON `{"prefix": "UG"}`.
//!
//! # Example
//!
//! ```
//! use modelbuild::Validate;
//! use serde_json::json;
//!
//! #[derive(Validate)]
//! struct Step {
//!     #[validate(sid(prefix = "UG"))]
//!     sid: String,
//!     #[validate(sid(prefix = "AC", code = "account", message = "needs an {prefix} SID"))]
//!     account_sid: Option<String>,
//! }
//!
//! let step = Step {
//!     sid: "ug0123456789abcdef0123456789abcdef".into(), // the prefix is case-sensitive
//!     account_sid: Some("AC0123".into()),
//! };
//! let errors = step.validate().unwrap_err();
//! let found: Vec<(String, &str, &str)> =
//!     errors.iter().map(|e| (e.path().to_string(), e.code(), e.message())).collect();
//! assert_eq!(found, [
//!     ("sid".to_string(), "sid", r#"must be a SID: "UG" followed by 32 hexadecimal digits"#),
//!     ("account_sid".to_string(), "account", "needs an AC SID"),
//! ]);
//! let params: Vec<_> = errors.iter().map(|e| serde_json::to_value(e.params()).unwrap()).collect();
//! assert_eq!(params, [json!({"prefix": "UG"}), json!({"prefix": "AC"})]);
//!
//! // The digits in either case pass, and so does `None`.
//! let valid = Step { sid: "UG0123456789abcdefABCDEF0123456789".into(), account_sid: None };
//! assert!(valid.validate().is_ok());
//! ```
//!
//! # JSON Schema
//!
//! With the `schemars` feature, the rule writes `pattern: ^UG[0-9a-fA-F]{32}$` and
//! `minLength`/`maxLength` 34 into the field's schema (this module's `json_schema`).
//!
//! The predicate is [`is_sid`], and the default message [`message`].

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
// Inlined so that a literal prefix folds into the caller's code.
#[inline]
pub fn is_sid(value: &str, prefix: &str) -> bool {
    let bytes = value.as_bytes();
    let Some(digits) = bytes.strip_prefix(prefix.as_bytes()) else {
        return false;
    };
    let Ok(digits) = <&[u8; 32]>::try_from(digits) else {
        return false;
    };
    // Every digit is checked, with no early exit: a fold over a fixed 32 bytes that
    // the compiler turns into a few vector operations.
    digits.iter().fold(true, |all, &byte| all & is_hex(byte))
}

/// Whether `byte` is `0-9`, `a-f` or `A-F`, without a branch: setting bit 5 maps
/// `A-F` onto `a-f` and leaves digits as they are.
#[inline(always)]
fn is_hex(byte: u8) -> bool {
    let lower = byte | 0x20;
    (byte.wrapping_sub(b'0') < 10) | (lower.wrapping_sub(b'a') < 6)
}

/// The message of a failed `sid` rule.
pub fn message(prefix: &str) -> String {
    format!("must be a SID: \"{prefix}\" followed by 32 hexadecimal digits")
}

site_entry!(sid [M, T: StrInput<M> + ?Sized] (value: &T, prefix: &'static str) => check);

/// The derive's entry: reports a failed `sid` rule at `at`.
#[doc(hidden)]
pub fn check<M, T: StrInput<M> + ?Sized>(
    value: &T,
    prefix: &'static str,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
) {
    // The failure's closures each take `prefix` only once they run, so that the one
    // passed down is the prefix alone, in two registers, rather than a structure on
    // the stack written before every check.
    let failure = move || Failure { code: "sid", params: move || Params::new().with("prefix", prefix), message: move || message(prefix) };
    check_text(value, at, errors, site, move |text| is_sid(text, prefix), failure);
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

#[cfg(test)]
mod tests {
    #[test]
    fn is_hex_is_std_is_ascii_hexdigit_on_every_byte() {
        for byte in 0..=u8::MAX {
            assert_eq!(super::is_hex(byte), byte.is_ascii_hexdigit(), "{byte:#04x}");
        }
    }
}
