//! `pattern`: a string that matches a regular expression (the `regex` crate's syntax).
//!
//! A value passes when the regex matches somewhere in it: the match is a search, as
//! JSON Schema's `pattern` is, so anchor the regex with `^…$` to match the whole value.
//! The regex is checked while compiling and compiled once per call site, the first time
//! the rule runs. An absent value (`None`) passes.
//!
//! # Attribute
//!
//! | form | passes when |
//! |---|---|
//! | `pattern = "^[a-z]+$"` | the regex matches |
//! | `pattern(regex = "^[a-z]+$")` | the same |
//! | `pattern(regex = "^[a-z]+$", code = "...", message = "...")` | the same, reported with its own code and message |
//! | `regex(path = RE)`, `regex(path = *RE)`, `regex(path = "RE")` | validator's spelling: the regex the program keeps in `RE`, a `static` `Regex`, `LazyLock<Regex>` or `OnceLock<Regex>` ([`RegexSource`]); also with `code` and `message` |
//!
//! - The rule needs modelbuild's `pattern` feature, on by default; without it, `pattern`
//!   is a compile error that names the feature.
//! - `regex(path = RE)` takes a regex the program made itself: it is not checked while
//!   compiling but when first used (a `LazyLock` runs its initializer then, and panics
//!   there if that initializer does); its `pattern` parameter and message are the
//!   regex's own text; a `OnceLock` never set reports each value (see [`RegexSource`]).
//! - The regex (required): a string literal, raw or not (`r"^\d+$"`), in the `regex`
//!   crate's syntax. A regex that does not parse is a compile error with the parser's
//!   message, at the literal; `pattern` with no regex is a compile error too.
//! - `code = "..."` replaces the error's code. `message = "..."` replaces its message; it is
//!   a template over the parameters below (`"must match {pattern}"`; `{{` and `}}` are
//!   braces), checked while compiling: a name the rule does not give is a compile error.
//!   [`Params::render`](crate::Params::render) fills it in.
//! - The rule applies to a string: a type that implements `AsRef<str>` (`String`, `&str`,
//!   `Box<str>`, `Cow<str>`, a newtype of yours), or an `Option`, `Box`, `Rc` or `Arc` of
//!   one ([`StrInput`]). On a field whose type is plainly no string
//!   (a number, `bool`, `char`, a `Vec`) the rule is a compile error at its name; any other
//!   such type fails to compile with "`T` cannot be checked as a string".
//! - As for every rule, an unknown key (with a suggestion), a key given twice and
//!   `pattern` twice on one field are compile errors.
//!
//! # Error
//!
//! | code | params | default message |
//! |---|---|---|
//! | `"pattern"` | `pattern`: text, the regex as written (`"^[a-z]+$"`) | `must match the pattern ^[a-z]+$` |
//!
//! A regex that parses but exceeds the `regex` crate's size limit cannot be compiled at run
//! time. Every value the rule then meets is reported, rather than passed: code `"pattern"`,
//! no parameters, and the message `could not be checked: the pattern … does not compile: …`
//! with the crate's reason; the rule's own `code` and `message` do not apply to it.
//!
//! # Example
//!
//! ```
//! use modelbuild::Validate;
//! use serde_json::json;
//!
//! #[derive(Validate)]
//! struct Names {
//!     #[validate(pattern = "^[a-z][a-z0-9-]*$")]
//!     slug: String,
//!     #[validate(pattern(regex = r"^\d{4}$", code = "pin", message = "must be 4 digits"))]
//!     pin: Option<String>,
//!     #[validate(pattern = "[0-9]")] // not anchored: a digit anywhere
//!     password: String,
//! }
//!
//! let names = Names { slug: "Build-1".into(), pin: Some("12345".into()), password: "secret".into() };
//! let errors = names.validate().unwrap_err();
//! let found: Vec<(String, &str, &str)> =
//!     errors.iter().map(|e| (e.path().to_string(), e.code(), e.message())).collect();
//! assert_eq!(found, [
//!     ("slug".to_string(), "pattern", "must match the pattern ^[a-z][a-z0-9-]*$"),
//!     ("pin".to_string(), "pin", "must be 4 digits"),
//!     ("password".to_string(), "pattern", "must match the pattern [0-9]"),
//! ]);
//! let params: Vec<_> = errors.iter().map(|e| serde_json::to_value(e.params()).unwrap()).collect();
//! assert_eq!(params, [
//!     json!({"pattern": "^[a-z][a-z0-9-]*$"}),
//!     json!({"pattern": r"^\d{4}$"}),
//!     json!({"pattern": "[0-9]"}),
//! ]);
//!
//! let valid = Names { slug: "build-1".into(), pin: None, password: "secret7".into() };
//! assert!(valid.validate().is_ok());
//! ```
//!
//! # JSON Schema
//!
//! With the `schemars` feature, the rule writes the regex as `pattern`, unanchored as
//! both the `regex` crate and JSON Schema search. Syntax of the `regex` crate beyond
//! ECMA-262's (classes such as `[[:alpha:]]`, flags such as `(?i)`) is written as it is.
//!
//! The predicate is [`matches_pattern`], and the default message [`message`].

use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use crate::params::Params;
use crate::__private::{report, Failure, Site};
use crate::error::FieldError;
use crate::rules::input::StrInput;
use crate::{PathNode, ValidationErrors};

/// Whether `regex` matches somewhere in `value`; anchor it with `^...$` to match the
/// whole value, as OpenAPI's `pattern` does.
///
/// ```
/// use modelbuild::rules::matches_pattern;
/// use regex::Regex;
///
/// let lower = Regex::new("^[a-z_]+$").unwrap();
/// assert!(matches_pattern("unique_name", &lower));
/// assert!(!matches_pattern("Unique Name", &lower));
/// ```
pub fn matches_pattern(value: &str, regex: &Regex) -> bool {
    regex.is_match(value)
}

/// The message of a failed `pattern` rule.
pub fn message(pattern: &str) -> String {
    format!("must match the pattern {pattern}")
}

/// A regex compiled the first time its call site runs, then shared.
#[doc(hidden)]
pub struct LazyRegex {
    pattern: &'static str,
    compiled: OnceLock<Result<Regex, regex::Error>>,
}

impl LazyRegex {
    /// A regex not compiled yet.
    pub const fn new(pattern: &'static str) -> Self {
        LazyRegex {
            pattern,
            compiled: OnceLock::new(),
        }
    }

    fn get(&self) -> &Result<Regex, regex::Error> {
        self.compiled.get_or_init(|| Regex::new(self.pattern))
    }
}

site_entry!(pattern [M, T: StrInput<M> + ?Sized] (value: &T, regex: &'static LazyRegex) => check);

/// The derive's entry: reports a failed `pattern` rule at `at`.
#[doc(hidden)]
pub fn check<M, T: StrInput<M> + ?Sized>(
    value: &T,
    regex: &'static LazyRegex,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
) {
    let Some(text) = value.str_input() else {
        return;
    };
    match regex.get() {
        Ok(compiled) if matches_pattern(text, compiled) => {}
        Ok(_) => {
            let failure = move || Failure { code: "pattern", params: move || Params::new().with("pattern", regex.pattern), message: move || message(regex.pattern) };
            report(at, errors, site, 0, failure)
        }
        // The syntax was checked at compile time; only the regex crate's size limit
        // can still refuse it. Say so rather than panic or let the value pass.
        Err(error) => {
            let message = format!("could not be checked: the pattern {} does not compile: {error}", regex.pattern);
            errors.push(FieldError::new(site.path(at), "pattern", message));
        }
    }
}

/// Where `regex(path = RE)` (validator's spelling, and ours for a regex the program
/// keeps) finds its regex: a `Regex`, a `LazyLock<Regex>` or a `OnceLock<Regex>`, in a
/// `static`, or a reference to one.
///
/// Such a regex is the program's own, made by its own code: it is not checked while
/// compiling, as `pattern = "..."` is, but when it is first used (a `LazyLock` runs its
/// initializer then). A `OnceLock` that was never set cannot check anything: each value
/// the rule meets is reported, code `"pattern"`, with the message `could not be
/// checked: the regex was never set`.
pub trait RegexSource {
    /// The regex, or `None` when it was never set.
    fn regex(&self) -> Option<&Regex>;
}

impl RegexSource for Regex {
    fn regex(&self) -> Option<&Regex> {
        Some(self)
    }
}

impl RegexSource for LazyLock<Regex> {
    fn regex(&self) -> Option<&Regex> {
        Some(LazyLock::force(self))
    }
}

impl RegexSource for OnceLock<Regex> {
    fn regex(&self) -> Option<&Regex> {
        self.get()
    }
}

impl<T: RegexSource + ?Sized> RegexSource for &T {
    fn regex(&self) -> Option<&Regex> {
        (**self).regex()
    }
}

site_entry!(pattern_from [M, T: StrInput<M> + ?Sized, R: RegexSource + ?Sized] (value: &T, regex: &'static R) => check_from);

/// The derive's entry for `regex(path = ...)`: reports a failed rule at `at`, with the
/// regex's own text as its `pattern`.
#[doc(hidden)]
pub fn check_from<M, T: StrInput<M> + ?Sized, R: RegexSource + ?Sized>(
    value: &T,
    regex: &'static R,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
) {
    let Some(text) = value.str_input() else {
        return;
    };
    match regex.regex() {
        Some(compiled) if matches_pattern(text, compiled) => {}
        Some(compiled) => {
            let pattern = compiled.as_str();
            let failure = move || Failure { code: "pattern", params: move || Params::new().with("pattern", pattern), message: move || message(pattern) };
            report(at, errors, site, 0, failure)
        }
        None => {
            let message = "could not be checked: the regex was never set";
            errors.push(FieldError::new(site.path(at), "pattern", message));
        }
    }
}

/// Writes a `regex(path = ...)` rule into a JSON Schema (feature `schemars`), as
/// [`json_schema`] does, when the regex is set.
#[cfg(feature = "schemars")]
pub fn json_schema_from<R: RegexSource + ?Sized>(schema: &mut crate::schema::Schema, regex: &R) {
    if let Some(regex) = regex.regex() {
        json_schema(schema, regex.as_str());
    }
}

/// Writes the rule into a JSON Schema (feature `schemars`): the regex as `pattern`,
/// unanchored as both the regex crate and JSON Schema search. Regex crate syntax beyond
/// ECMA-262's (named classes such as `[[:alpha:]]`, `(?i)` flags) is written as it is.
#[cfg(feature = "schemars")]
pub fn json_schema(schema: &mut crate::schema::Schema, regex: &str) {
    crate::schema::add_pattern(schema, regex.to_owned());
}
