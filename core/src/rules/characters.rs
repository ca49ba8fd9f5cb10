//! `ascii`, `alphanumeric`, `non_control_character`: which characters a string may
//! hold. The empty string passes all three (pair with `length(min = 1)` to refuse it).

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
