//! `ascii`, `alphanumeric`, `non_control_character`: which characters a string may
//! hold. The empty string passes all three (pair with `length(min = 1)` to refuse it).
//!
//! A value passes `ascii` when every character is ASCII (U+0000 to U+007F, control
//! characters included); `alphanumeric` when every character is a Unicode letter or number
//! (`char::is_alphanumeric`: `é` and `٣` pass, `_`, `-` and a space do not);
//! `non_control_character` when none is a control character (Unicode general category Cc,
//! `char::is_control`: U+0000 to U+001F and U+007F to U+009F, so a tab or a newline
//! fails). An absent value (`None`) passes.
//!
//! # Attribute
//!
//! | form | passes when |
//! |---|---|
//! | `ascii` | every character is ASCII |
//! | `alphanumeric` | every character is a letter or a number |
//! | `non_control_character` | no character is a control character |
//! | `ascii(code = "...", message = "...")` | the same, reported with its own code and message (so for the other two) |
//!
//! - The three rules take no arguments of their own; `ascii = true` is a compile error.
//! - `code = "..."` replaces the error's code and `message = "..."` its message. The rules
//!   give no parameters, so a `{name}` in the message is a compile error (`{{` and `}}`
//!   are braces).
//! - The rules apply to a string: a type that implements `AsRef<str>` (`String`, `&str`,
//!   `Box<str>`, `Cow<str>`, a newtype of yours), or an `Option`, `Box`, `Rc` or `Arc` of
//!   one ([`StrInput`]). On a field whose type is plainly no string
//!   (a number, `bool`, `char`, a `Vec`) a rule is a compile error at its name; any other
//!   such type fails to compile with "`T` cannot be checked as a string".
//! - As for every rule, an unknown key (with a suggestion) and a key given twice are
//!   compile errors, and so is one of the three twice on one field.
//!
//! # Error
//!
//! | rule | code | params | default message |
//! |---|---|---|---|
//! | `ascii` | `"ascii"` | none | `must contain only ASCII characters` |
//! | `alphanumeric` | `"alphanumeric"` | none | `must contain only letters and digits` |
//! | `non_control_character` | `"non_control_character"` | none | `must not contain control characters` |
//!
//! # Example
//!
//! ```
//! use modelbuild::Validate;
//! use serde_json::json;
//!
//! #[derive(Validate)]
//! struct Label {
//!     #[validate(ascii)]
//!     key: String,
//!     #[validate(alphanumeric(message = "letters and digits only"))]
//!     name: String,
//!     #[validate(non_control_character)]
//!     note: Option<String>,
//! }
//!
//! let label = Label { key: "bücher".into(), name: "build-42".into(), note: Some("line\nbreak".into()) };
//! let errors = label.validate().unwrap_err();
//! let found: Vec<(String, &str, &str)> =
//!     errors.iter().map(|e| (e.path().to_string(), e.code(), e.message())).collect();
//! assert_eq!(found, [
//!     ("key".to_string(), "ascii", "must contain only ASCII characters"),
//!     ("name".to_string(), "alphanumeric", "letters and digits only"),
//!     ("note".to_string(), "non_control_character", "must not contain control characters"),
//! ]);
//! let params: Vec<_> = errors.iter().map(|e| serde_json::to_value(e.params()).unwrap()).collect();
//! assert_eq!(params, [json!({}), json!({}), json!({})]);
//!
//! let valid = Label { key: "build-42".into(), name: "bücher42".into(), note: Some(String::new()) };
//! assert!(valid.validate().is_ok());
//! ```
//!
//! # JSON Schema
//!
//! With the `schemars` feature, each rule writes a `pattern` over every character, in
//! ECMA-262's Unicode syntax: `^[\x00-\x7F]*$`, `^[\p{Alphabetic}\p{N}]*$` (what
//! `char::is_alphanumeric` tests) and `^\P{Cc}*$`.
//!
//! The predicate is [`has_only`], with a [`Characters`], and the default message
//! [`message`].

use crate::params::Params;
use crate::__private::{check_text, Site, Failure};
use crate::rules::input::StrInput;
use crate::{PathNode, ValidationErrors};

/// Which of the three rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Characters {
    /// `ascii`: every character is ASCII (U+0000 to U+007F).
    Ascii,
    /// `alphanumeric`: every character is a Unicode letter or number
    /// (`char::is_alphanumeric`: `é` and `٣` pass, `_` and `-` do not).
    Alphanumeric,
    /// `non_control_character`: no character is a control character (Unicode
    /// general category Cc, `char::is_control`: U+0000 to U+001F and U+007F to U+009F).
    NonControl,
}

impl Characters {
    /// The rule's name, which is its code.
    pub fn code(self) -> &'static str {
        match self {
            Characters::Ascii => "ascii",
            Characters::Alphanumeric => "alphanumeric",
            Characters::NonControl => "non_control_character",
        }
    }
}

/// Whether every character of `value` is allowed by `kind`.
///
/// ```
/// use modelbuild::rules::{has_only, Characters};
///
/// assert!(has_only("build-42", Characters::Ascii));
/// assert!(!has_only("bücher", Characters::Ascii));
/// assert!(has_only("bücher42", Characters::Alphanumeric));
/// assert!(!has_only("build-42", Characters::Alphanumeric));
/// assert!(!has_only("line\nbreak", Characters::NonControl));
/// ```
pub fn has_only(value: &str, kind: Characters) -> bool {
    match kind {
        Characters::Ascii => value.is_ascii(),
        Characters::Alphanumeric => value.chars().all(char::is_alphanumeric),
        Characters::NonControl => !value.chars().any(char::is_control),
    }
}

/// The message of a failed rule.
pub fn message(kind: Characters) -> String {
    match kind {
        Characters::Ascii => "must contain only ASCII characters",
        Characters::Alphanumeric => "must contain only letters and digits",
        Characters::NonControl => "must not contain control characters",
    }
    .to_owned()
}

site_entry!(characters [M, T: StrInput<M> + ?Sized] (value: &T, kind: Characters) => check);

/// The derive's entry: reports a failed `ascii`, `alphanumeric` or
/// `non_control_character` rule at `at`.
#[doc(hidden)]
pub fn check<M, T: StrInput<M> + ?Sized>(
    value: &T,
    kind: Characters,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
) {
    check_text(value, at, errors, site, move |text| has_only(text, kind), move || Failure { code: kind.code(), params: Params::new, message: move || message(kind) });
}

/// Writes the rule into a JSON Schema (feature `schemars`) as a `pattern` over every
/// character: `[\x00-\x7F]`, `[\p{Alphabetic}\p{N}]` (what `char::is_alphanumeric`
/// tests) or `\P{Cc}`, in ECMA-262's Unicode syntax.
#[cfg(feature = "schemars")]
pub fn json_schema(schema: &mut crate::schema::Schema, kind: Characters) {
    let pattern = match kind {
        Characters::Ascii => r"^[\x00-\x7F]*$",
        Characters::Alphanumeric => r"^[\p{Alphabetic}\p{N}]*$",
        Characters::NonControl => r"^\P{Cc}*$",
    };
    crate::schema::add_pattern(schema, pattern.to_owned());
}
