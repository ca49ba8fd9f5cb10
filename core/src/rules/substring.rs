//! `prefix = "..."`, `suffix = "..."`, `contains = "..."`, `does_not_contain = "..."`:
//! where a fixed piece of text stands in a string. Compared byte for byte: no case
//! folding, no Unicode normalization.

use crate::params::Params;
use crate::__private::{check_text, Site, Failure};
use crate::rules::input::StrInput;
use crate::{PathNode, ValidationErrors};

/// Which of the four rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Substring {
    /// `prefix`: the value starts with the text.
    Prefix,
    /// `suffix`: the value ends with the text.
    Suffix,
    /// `contains`: the text occurs in the value.
    Contains,
    /// `does_not_contain`: the text does not occur in the value.
    DoesNotContain,
}

impl Substring {
    /// The rule's name, which is its code.
    pub fn code(self) -> &'static str {
        match self {
            Substring::Prefix => "prefix",
            Substring::Suffix => "suffix",
            Substring::Contains => "contains",
            Substring::DoesNotContain => "does_not_contain",
        }
    }
}

/// Whether `value` passes the rule `kind` with the text `needle`.
///
/// ```
/// use modelbuild::rules::{has_substring, Substring};
///
/// assert!(has_substring("UG0123", Substring::Prefix, "UG"));
/// assert!(has_substring("report.pdf", Substring::Suffix, ".pdf"));
/// assert!(has_substring("nightly-build", Substring::Contains, "build"));
/// assert!(!has_substring("drop table", Substring::DoesNotContain, "drop"));
/// ```
// Inlined so that a literal needle and kind fold into the caller: `prefix = "UG"`
// becomes one two-byte compare.
#[inline]
pub fn has_substring(value: &str, kind: Substring, needle: &str) -> bool {
    match kind {
        Substring::Prefix => value.starts_with(needle),
        Substring::Suffix => value.ends_with(needle),
        Substring::Contains => contains(value, needle),
        Substring::DoesNotContain => !contains(value, needle),
    }
}

/// `str::contains`, but a one-byte needle (`"-"`, `"@"`) is a byte search, which
/// skips setting up the general substring searcher.
#[inline]
fn contains(value: &str, needle: &str) -> bool {
    match needle.as_bytes() {
        [byte] => value.as_bytes().contains(byte),
        _ => value.contains(needle),
    }
}

/// The message of a failed rule.
pub fn message(kind: Substring, needle: &str) -> String {
    match kind {
        Substring::Prefix => format!("must start with {needle:?}"),
        Substring::Suffix => format!("must end with {needle:?}"),
        Substring::Contains => format!("must contain {needle:?}"),
        Substring::DoesNotContain => format!("must not contain {needle:?}"),
    }
}

/// The derive's entry: reports a failed `prefix`, `suffix`, `contains` or
/// `does_not_contain` rule at `at`.
#[doc(hidden)]
pub fn check<M, T: StrInput<M> + ?Sized>(
    value: &T,
    kind: Substring,
    needle: &'static str,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
) {
    let valid = move |text: &str| has_substring(text, kind, needle);
    let params = move || Params::new().with(kind.code(), needle);
    check_text(value, at, errors, site, valid, Failure { code: kind.code(), params, message: move || message(kind, needle) });
}

/// Writes the rule into a JSON Schema (feature `schemars`): a `pattern` with the text
/// escaped (`^text`, `text$`, `text`), or for `does_not_contain`,
/// `not: {type: string, pattern: text}`, which lets a non-string (`null`) through as
/// the rule does.
///
/// ```
/// use modelbuild::rules::Substring;
///
/// let mut schema = schemars::json_schema!({"type": "string"});
/// modelbuild::rules::substring::json_schema(&mut schema, Substring::Suffix, ".pdf");
/// assert_eq!(schema.get("pattern").unwrap(), "\\.pdf$");
/// ```
#[cfg(feature = "schemars")]
pub fn json_schema(schema: &mut crate::schema::Schema, kind: Substring, text: &str) {
    use crate::schema::{add_pattern, ecma_escape, rust_escaped};
    let escaped = ecma_escape(text);
    match kind {
        Substring::Prefix => add_pattern(schema, format!("^{escaped}")),
        Substring::Suffix => add_pattern(schema, format!("{escaped}$")),
        Substring::Contains => {
            // schemars escapes `contains(pattern = ..)` for the regex crate, which
            // ECMA-262 may reject (`\-`): the ECMA-262 form replaces it.
            if schema.get("pattern").is_some_and(|p| *p == rust_escaped(text)) {
                schema.remove("pattern");
            }
            add_pattern(schema, escaped);
        }
        Substring::DoesNotContain => {
            let not = serde_json::json!({"not": {"type": "string", "pattern": escaped}});
            crate::schema::add_subschema(schema, not);
        }
    }
}
