//! `pattern`: a string that matches a regular expression (the `regex` crate's syntax).

use std::sync::OnceLock;

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

/// Writes the rule into a JSON Schema (feature `schemars`): the regex as `pattern`,
/// unanchored as both the regex crate and JSON Schema search. Regex crate syntax beyond
/// ECMA-262's (named classes such as `[[:alpha:]]`, `(?i)` flags) is written as it is.
#[cfg(feature = "schemars")]
pub fn json_schema(schema: &mut crate::schema::Schema, regex: &str) {
    crate::schema::add_pattern(schema, regex.to_owned());
}
