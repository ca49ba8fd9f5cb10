//! `required`: an `Option` is `Some`.

/// Whether a value is present. Implemented for `Option`; implement
/// [`is_some`](ValidateRequired::is_some) for an optional type of yours.
///
/// ```
/// # extern crate modelbuild_validator as validator;
/// use validator::ValidateRequired;
///
/// assert!(Some(1).validate_required());
/// assert!(!None::<u8>.validate_required());
/// ```
pub trait ValidateRequired {
    /// Whether the value is present.
    fn validate_required(&self) -> bool {
        self.is_some()
    }

    /// Whether the value is present.
    fn is_some(&self) -> bool;
}

impl<T> ValidateRequired for Option<T> {
    fn is_some(&self) -> bool {
        Option::is_some(self)
    }
}
