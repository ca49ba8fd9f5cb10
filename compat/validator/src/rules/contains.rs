//! `contains(pattern)` and `does_not_contain(pattern)`: a substring, or a map's key.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasher;

/// Whether a value holds `needle`: a string as a substring, a `HashMap` with `String`
/// keys as a key. A value that is absent (`None`) passes.
///
/// ```
/// # extern crate modelbuild_validator as validator;
/// use std::collections::HashMap;
/// use validator::ValidateContains;
///
/// assert!("validator".validate_contains("dat"));
/// assert!(HashMap::from([("id".to_string(), 1)]).validate_contains("id"));
/// assert!(None::<String>.validate_contains("x"));
/// ```
pub trait ValidateContains {
    /// Whether the value holds `needle` (or is absent).
    fn validate_contains(&self, needle: &str) -> bool;
}

impl ValidateContains for String {
    fn validate_contains(&self, needle: &str) -> bool {
        self.contains(needle)
    }
}

impl ValidateContains for &str {
    fn validate_contains(&self, needle: &str) -> bool {
        self.contains(needle)
    }
}

impl<T: ValidateContains> ValidateContains for Option<T> {
    fn validate_contains(&self, needle: &str) -> bool {
        self.as_ref().is_none_or(|value| value.validate_contains(needle))
    }
}

impl<T: ValidateContains> ValidateContains for &T {
    fn validate_contains(&self, needle: &str) -> bool {
        T::validate_contains(self, needle)
    }
}

impl<T> ValidateContains for Cow<'_, T>
where
    T: ToOwned + ?Sized,
    for<'a> &'a T: ValidateContains,
{
    fn validate_contains(&self, needle: &str) -> bool {
        self.as_ref().validate_contains(needle)
    }
}

impl<V, S: BuildHasher> ValidateContains for HashMap<String, V, S> {
    fn validate_contains(&self, needle: &str) -> bool {
        self.contains_key(needle)
    }
}

/// Whether a value lacks `needle`: the opposite of [`ValidateContains`], for every
/// type that implements it. An absent value (`None`) therefore fails, as in validator.
///
/// ```
/// # extern crate modelbuild_validator as validator;
/// use validator::ValidateDoesNotContain;
///
/// assert!("validator".validate_does_not_contain("x"));
/// assert!(!None::<String>.validate_does_not_contain("x"));
/// ```
pub trait ValidateDoesNotContain {
    /// Whether the value lacks `needle`.
    fn validate_does_not_contain(&self, needle: &str) -> bool;
}

impl<T: ValidateContains> ValidateDoesNotContain for T {
    fn validate_does_not_contain(&self, needle: &str) -> bool {
        !self.validate_contains(needle)
    }
}
