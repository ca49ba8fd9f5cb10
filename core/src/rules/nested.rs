//! `nested`: the value's own rules, its errors' paths under the field's.

use crate::{PathNode, Validate, ValidationErrors};

/// The derive's entry: validates the inner value at `at`.
#[doc(hidden)]
pub fn check<T: Validate + ?Sized>(value: &T, at: &PathNode<'_>, errors: &mut ValidationErrors) {
    value.validate_at(at, errors);
}
