//! `pattern`: a string that matches a regular expression (the `regex` crate's syntax).

use regex::Regex;

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
