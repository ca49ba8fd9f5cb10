//! `regex(path = RE)`: the value matches a regex of the user's (searched, not anchored).

use std::borrow::Cow;
use std::cell::OnceCell;
use std::rc::Rc;
use std::sync::{Arc, LazyLock, Mutex, OnceLock, PoisonError};

use regex::Regex;

/// Where a `regex(path = ...)` finds its regex: a `Regex`, a reference to one, a
/// `LazyLock<Regex>`, or a reference to a `OnceLock<Regex>` or to a `Mutex` (possibly in
/// an `Arc`) of a `OnceCell` or `OnceLock` of one, as in validator.
///
/// # Panics
///
/// [`as_regex`](AsRegex::as_regex) panics when a `OnceLock` or `OnceCell` was never
/// set: the program validates with a regex it has not made yet. (A poisoned `Mutex`
/// is read all the same.)
pub trait AsRegex {
    /// The regex.
    fn as_regex(&self) -> Cow<'_, Regex>;
}

impl AsRegex for Regex {
    fn as_regex(&self) -> Cow<'_, Regex> {
        Cow::Borrowed(self)
    }
}

impl<T: AsRegex> AsRegex for &T {
    fn as_regex(&self) -> Cow<'_, Regex> {
        T::as_regex(self)
    }
}

impl AsRegex for LazyLock<Regex> {
    fn as_regex(&self) -> Cow<'_, Regex> {
        Cow::Borrowed(self)
    }
}

const UNSET: &str = "the regex of `regex(path = ...)` is in a OnceLock or OnceCell that was never set";

impl AsRegex for &OnceLock<Regex> {
    fn as_regex(&self) -> Cow<'_, Regex> {
        Cow::Borrowed(self.get().expect(UNSET))
    }
}

/// A regex behind a lock is cloned out of it (a `Regex` clone shares its compiled
/// program), as validator does, so the lock is not held while matching.
macro_rules! locked {
    ($($ty:ty),*) => {$(
        impl AsRegex for &$ty {
            fn as_regex(&self) -> Cow<'_, Regex> {
                let cell = self.lock().unwrap_or_else(PoisonError::into_inner);
                Cow::Owned(cell.get().expect(UNSET).clone())
            }
        }
    )*};
}

locked!(
    Mutex<OnceCell<Regex>>,
    Mutex<OnceLock<Regex>>,
    Arc<Mutex<OnceCell<Regex>>>,
    Arc<Mutex<OnceLock<Regex>>>
);

/// Whether a value matches a regex somewhere (anchor it with `^...$` to match the whole
/// value). A value that is absent (`None`) passes.
///
/// ```
/// # extern crate modelbuild_validator as validator;
/// use regex::Regex;
/// use validator::ValidateRegex;
///
/// let digits = Regex::new("^[0-9]+$").unwrap();
/// assert!("2024".validate_regex(&digits));
/// assert!(!"20x4".validate_regex(&digits));
/// ```
pub trait ValidateRegex {
    /// Whether the value matches `regex` (or is absent).
    fn validate_regex(&self, regex: impl AsRegex) -> bool;
}

macro_rules! text {
    ($($ty:ty),*) => {$(
        impl ValidateRegex for $ty {
            fn validate_regex(&self, regex: impl AsRegex) -> bool {
                regex.as_regex().is_match(self)
            }
        }
    )*};
}

text!(String, &str, str);

macro_rules! pointers {
    ($($ty:ty),*) => {$(
        impl<T: ValidateRegex> ValidateRegex for $ty {
            fn validate_regex(&self, regex: impl AsRegex) -> bool {
                T::validate_regex(self, regex)
            }
        }
    )*};
}

pointers!(&T, Box<T>, Rc<T>, Arc<T>);

impl<T: ValidateRegex> ValidateRegex for Option<T> {
    fn validate_regex(&self, regex: impl AsRegex) -> bool {
        self.as_ref().is_none_or(|value| value.validate_regex(regex))
    }
}

impl<T> ValidateRegex for Cow<'_, T>
where
    T: ToOwned + ?Sized,
    for<'a> &'a T: ValidateRegex,
{
    fn validate_regex(&self, regex: impl AsRegex) -> bool {
        self.as_ref().validate_regex(regex)
    }
}
