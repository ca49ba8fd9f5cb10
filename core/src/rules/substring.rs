//! `prefix = "..."`, `suffix = "..."`, `contains = "..."`, `does_not_contain = "..."`:
//! where a fixed piece of text stands in a string. Compared byte for byte: no case
//! folding, no Unicode normalization.
//!
//! A value passes `prefix` when it starts with the text, `suffix` when it ends with it,
//! `contains` when the text occurs in it, and `does_not_contain` when it does not. An
//! absent value (`None`) passes all four.
//!
//! # Attribute
//!
//! | form | passes when |
//! |---|---|
//! | `prefix = "UG"` | the value starts with `UG` |
//! | `suffix = ".pdf"` | the value ends with `.pdf` |
//! | `contains = "-"` | `-` occurs in the value |
//! | `does_not_contain = ".."` | `..` does not occur in the value |
//! | `prefix(value = "UG")`, and so for the other three | the same |
//! | `contains(pattern = "-")`, `does_not_contain(pattern = "..")` | the same: `pattern` is validator's name for the text, which is no regex |
//! | `prefix(value = "UG", code = "...", message = "...")`, and so for the other three | the same, reported with its own code and message |
//!
//! - The text (required): a non-empty string literal. `prefix` with no text is a compile
//!   error, and so is an empty text, which would make every value pass (or, for
//!   `does_not_contain`, fail). Giving both `value` and `pattern` is a compile error.
//! - `code = "..."` replaces the error's code. `message = "..."` replaces its message; it is
//!   a template over the parameter below, named after the rule (`"must start with
//!   {prefix}"`; `{{` and `}}` are braces), checked while compiling: a name the rule does
//!   not give is a compile error. [`Params::render`](crate::Params::render) fills it in.
//! - The rules apply to a string: a type that implements `AsRef<str>` (`String`, `&str`,
//!   `Box<str>`, `Cow<str>`, a newtype of yours), or an `Option`, `Box`, `Rc` or `Arc` of
//!   one ([`StrInput`]). On a field whose type is plainly no string
//!   (a number, `bool`, `char`, a `Vec`) a rule is a compile error at its name; any other
//!   such type fails to compile with "`T` cannot be checked as a string".
//! - Each of the four is a rule of its own: one field may carry `prefix` and `suffix`,
//!   but not `contains` twice. As for every rule, an unknown key (with a suggestion) and a
//!   key given twice are compile errors.
//! - schemars, when it reads the same attributes for its own derive, takes `contains`
//!   only as `contains(pattern = "...")`: on a type that also derives `JsonSchema`, write
//!   that form.
//!
//! # Error
//!
//! | rule | code | params | default message |
//! |---|---|---|---|
//! | `prefix` | `"prefix"` | `prefix`: text (`"UG"`) | `must start with "UG"` |
//! | `suffix` | `"suffix"` | `suffix`: text | `must end with ".pdf"` |
//! | `contains` | `"contains"` | `contains`: text | `must contain "-"` |
//! | `does_not_contain` | `"does_not_contain"` | `does_not_contain`: text | `must not contain ".."` |
//!
//! The default message quotes the text as Rust's `{:?}` writes a string: in double quotes,
//! with `"`, `\` and control characters escaped.
//!
//! # Example
//!
//! ```
//! use modelbuild::Validate;
//! use serde_json::json;
//!
//! #[derive(Validate)]
//! struct Upload {
//!     #[validate(prefix = "UG", suffix(value = ".pdf", code = "not_pdf"))]
//!     name: String,
//!     #[validate(contains = "@", does_not_contain(pattern = "..", message = "no {does_not_contain} please"))]
//!     owner: Option<String>,
//! }
//!
//! let upload = Upload { name: "ug-report.PDF".into(), owner: Some("ada..example.com".into()) };
//! let errors = upload.validate().unwrap_err();
//! let found: Vec<(String, &str, &str)> =
//!     errors.iter().map(|e| (e.path().to_string(), e.code(), e.message())).collect();
//! assert_eq!(found, [
//!     ("name".to_string(), "prefix", r#"must start with "UG""#),
//!     ("name".to_string(), "not_pdf", r#"must end with ".pdf""#),
//!     ("owner".to_string(), "contains", r#"must contain "@""#),
//!     ("owner".to_string(), "does_not_contain", "no .. please"),
//! ]);
//! let params: Vec<_> = errors.iter().map(|e| serde_json::to_value(e.params()).unwrap()).collect();
//! assert_eq!(params, [
//!     json!({"prefix": "UG"}),
//!     json!({"suffix": ".pdf"}),
//!     json!({"contains": "@"}),
//!     json!({"does_not_contain": ".."}),
//! ]);
//! ```
//!
//! # JSON Schema
//!
//! With the `schemars` feature, `prefix`, `suffix` and `contains` write a `pattern` with the
//! text escaped for ECMA-262 (`^UG`, `\.pdf$`, `-`), and `does_not_contain` writes
//! `not: {type: string, pattern: ...}`, which lets a `null` through as the rule does.
//!
//! The predicate is [`has_substring`], with a [`Substring`], and the default message
//! [`message`].

use crate::params::Params;
use crate::__private::{report, Failure, Site};
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
        [byte] => contains_byte(value.as_bytes(), *byte),
        _ => value.contains(needle),
    }
}

/// Whether `byte` occurs in `haystack`, tested eight bytes per step.
///
/// The values these rules see are mostly short (tags, names, identifiers): a byte
/// loop there costs a compare and a branch per byte, and the general `memchr` a call.
/// Here a haystack of up to 8 bytes is one word test, and a longer one a word test
/// per 8 bytes plus one for its last 8, so a short value takes no loop at all.
#[inline]
fn contains_byte(haystack: &[u8], byte: u8) -> bool {
    let word_at = |start: usize| {
        let bytes: [u8; 8] = haystack[start..start + 8].try_into().expect("eight bytes");
        u64::from_le_bytes(bytes)
    };
    let pair_at = |start: usize| {
        let bytes: [u8; 4] = haystack[start..start + 4].try_into().expect("four bytes");
        u64::from(u32::from_le_bytes(bytes))
    };
    let len = haystack.len();
    match len {
        0 => false,
        // Every byte of the word is a byte of the haystack: positions 0, len/2 and
        // len-1 cover all of 1 to 3 bytes, and the padding repeats one of them.
        1..=3 => {
            let (first, middle, last) = (haystack[0], haystack[len / 2], haystack[len - 1]);
            word_has_byte(u64::from_le_bytes([first, middle, last, first, first, first, first, first]), byte)
        }
        // The first four bytes and the last four overlap and cover 4 to 7.
        4..=7 => word_has_byte(pair_at(0) | pair_at(len - 4) << 32, byte),
        _ => {
            let whole_words = len / 8;
            (0..whole_words).any(|word| word_has_byte(word_at(word * 8), byte))
                || word_has_byte(word_at(len - 8), byte)
        }
    }
}

/// Whether any of the eight bytes of `word` is `byte`: XOR turns that byte into zero,
/// and `(x - 0x01..) & !x & 0x80..` is non-zero exactly when some byte of `x` is zero
/// (a borrow can only start at a zero byte).
#[inline]
fn word_has_byte(word: u64, byte: u8) -> bool {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    let x = word ^ (ONES * u64::from(byte));
    x.wrapping_sub(ONES) & !x & HIGHS != 0
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

site_entry!(substring [M, T: StrInput<M> + ?Sized] (value: &T, kind: Substring, needle: &'static str) => check);

/// The derive's entry: reports a failed `prefix`, `suffix`, `contains` or
/// `does_not_contain` rule at `at`.
#[doc(hidden)]
// Always inlined, so that `kind` is a constant where `has_substring` matches on it:
// left out of line (as LLVM did in the compare bench), every `prefix` paid for a
// runtime match and a call, 11 ns against 3.
#[inline(always)]
pub fn check<M, T: StrInput<M> + ?Sized>(
    value: &T,
    kind: Substring,
    needle: &'static str,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
) {
    if let Some(text) = value.str_input() {
        if !has_substring(text, kind, needle) {
            fail(kind, needle, at, errors, site);
        }
    }
}

/// The report of a failed check, out of line and given its arguments one by one: six
/// that travel in registers. Built in the caller, the report's closures were a
/// structure that LLVM wrote to the stack before the search, on valid values too
/// (half of a valid `contains` call in the compare bench).
#[inline(never)]
fn fail(kind: Substring, needle: &'static str, at: &PathNode<'_>, errors: &mut ValidationErrors, site: &'static Site) {
    let failure = move || Failure { code: kind.code(), params: move || Params::new().with(kind.code(), needle), message: move || message(kind, needle) };
    report(at, errors, site, 0, failure);
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
