//! What the derive's generated code names. Not public API: names here may change in any
//! release.

use std::borrow::Cow;

use crate::ValidationErrorsKind;
pub use crate::{ValidationError, ValidationErrors};

/// A failed rule's error: its code (the attribute's, or the rule's own) and the
/// attribute's message, if any.
pub fn error(code: &'static str, message: Option<&'static str>) -> ValidationError {
    let mut error = ValidationError::new(code);
    error.message = message.map(Cow::Borrowed);
    error
}

/// A `custom` or `schema` function's error, with the attribute's `code` and `message`
/// put in place of its own when given.
pub fn replace(
    mut error: ValidationError,
    code: Option<&'static str>,
    message: Option<&'static str>,
) -> ValidationError {
    if let Some(code) = code {
        error.code = Cow::Borrowed(code);
    }
    if let Some(message) = message {
        error.message = Some(Cow::Borrowed(message));
    }
    error
}

/// Merges a nested value's result under `field` when the field has no errors yet: as in
/// validator, a field's own rules take priority over its contents'.
pub fn nest(errors: &mut ValidationErrors, field: &'static str, result: Result<(), ValidationErrors>) {
    if result.is_err() && !errors.0.contains_key(field) {
        errors.merge_self(field, result);
    }
}

/// Whether a `schema` function with `skip_on_field_errors` (validator's default) runs:
/// when nothing failed yet, or when the only field-level entry is `"__all__"` (other
/// `schema` functions failed; nested structs' and lists' entries are not counted).
pub fn schema_runs(errors: &ValidationErrors) -> bool {
    let is_field = |kind: &ValidationErrorsKind| matches!(kind, ValidationErrorsKind::Field(_));
    errors.is_empty()
        || (errors.0.values().filter(|kind| is_field(kind)).count() == 1
            && errors.0.get("__all__").is_some_and(is_field))
}
