//! `required`: an optional value that must be present.

/// Whether the optional value is present.
///
/// ```
/// use modelbuild::rules::is_present;
///
/// assert!(is_present(&Some("UG")));
/// assert!(!is_present::<&str>(&None));
/// ```
pub fn is_present<T>(value: &Option<T>) -> bool {
    value.is_some()
}

/// The message of a failed `required` rule.
pub const MESSAGE: &str = "is required";
