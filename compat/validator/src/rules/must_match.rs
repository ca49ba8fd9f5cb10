//! `must_match(other)`: two fields of one value are equal.

/// Whether `a` equals `b`: what `#[validate(must_match(other = b))]` checks, with both
/// fields by reference.
///
/// ```
/// # extern crate modelbuild_validator as validator;
/// assert!(validator::validate_must_match("secret", "secret"));
/// assert!(!validator::validate_must_match(&1, &2));
/// ```
#[must_use]
pub fn validate_must_match<T: Eq>(a: T, b: T) -> bool {
    a == b
}
