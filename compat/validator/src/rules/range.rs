//! `range(min, max, exclusive_min, exclusive_max)`: a number within bounds.

/// Whether a value is within bounds: not below `min`, not above `max`, above
/// `exclusive_min` and below `exclusive_max`, each when given. As in validator, NaN
/// passes `min` and `max` (it is neither below nor above) and fails the exclusive
/// bounds; a value that is absent (`None`, or `Some(None)`) passes.
///
/// Implemented for the primitive numbers, their `Option` and `Option<Option>`.
/// Implement [`greater_than`](ValidateRange::greater_than) and
/// [`less_than`](ValidateRange::less_than) for a type of yours.
///
/// ```
/// # extern crate modelbuild_validator as validator;
/// use validator::ValidateRange;
///
/// assert!(5u8.validate_range(Some(1), Some(10), None, None));
/// assert!(!10.0f64.validate_range(None, None, None, Some(10.0)));
/// assert!(None::<u8>.validate_range(Some(1), None, None, None));
/// ```
pub trait ValidateRange<T> {
    /// Whether the value is within the bounds (or absent).
    fn validate_range(
        &self,
        min: Option<T>,
        max: Option<T>,
        exclusive_min: Option<T>,
        exclusive_max: Option<T>,
    ) -> bool {
        // Each comparison the value cannot make (`None`) breaks no bound.
        let above = |bound: Option<T>| bound.and_then(|bound| self.greater_than(bound));
        let below = |bound: Option<T>| bound.and_then(|bound| self.less_than(bound));
        above(max) != Some(true)
            && below(min) != Some(true)
            && below(exclusive_max) != Some(false)
            && above(exclusive_min) != Some(false)
    }

    /// Whether the value is above `max`; `None` when there is no value.
    fn greater_than(&self, max: T) -> Option<bool>;

    /// Whether the value is below `min`; `None` when there is no value.
    fn less_than(&self, min: T) -> Option<bool>;
}

macro_rules! numbers {
    ($($t:ty),*) => {$(
        impl ValidateRange<$t> for $t {
            fn greater_than(&self, max: $t) -> Option<bool> {
                Some(*self > max)
            }

            fn less_than(&self, min: $t) -> Option<bool> {
                Some(*self < min)
            }
        }

        impl ValidateRange<$t> for Option<$t> {
            fn greater_than(&self, max: $t) -> Option<bool> {
                self.map(|value| value > max)
            }

            fn less_than(&self, min: $t) -> Option<bool> {
                self.map(|value| value < min)
            }
        }

        impl ValidateRange<$t> for Option<Option<$t>> {
            fn greater_than(&self, max: $t) -> Option<bool> {
                self.flatten().map(|value| value > max)
            }

            fn less_than(&self, min: $t) -> Option<bool> {
                self.flatten().map(|value| value < min)
            }
        }
    )*};
}

numbers!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64);
