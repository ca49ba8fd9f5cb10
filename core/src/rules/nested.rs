//! `nested`: the value's own rules, its errors' paths under the field's.

use crate::{PathNode, Validate, ValidateWith, ValidationErrors};

/// The derive's entry: validates the inner value at `at`.
#[doc(hidden)]
pub fn check<T: Validate + ?Sized>(value: &T, at: &PathNode<'_>, errors: &mut ValidationErrors) {
    value.validate_at(at, errors);
}

/// The derive's entry in a type with a context: validates the inner value at `at`,
/// passing the context down.
#[doc(hidden)]
pub fn check_with<C: ?Sized, T: ValidateWith<C> + ?Sized>(
    value: &T,
    context: &C,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
) {
    value.validate_with_at(context, at, errors);
}
