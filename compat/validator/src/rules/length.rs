//! `length(min, max, equal)`: a string's characters or a collection's items.

use std::borrow::Cow;
use std::cell::{Ref, RefMut};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::rc::Rc;
use std::sync::Arc;

/// Whether a value's length is within bounds: `equal` when given, else at least `min`
/// and at most `max`. A string's length is its characters (`char`s), a collection's its
/// items. A value with no length (`None`) passes.
///
/// The derive's bounds are `u64`: implement `ValidateLength<u64>`'s
/// [`length`](ValidateLength::length) for a type of yours.
///
/// ```
/// # extern crate modelbuild_validator as validator;
/// use validator::ValidateLength;
///
/// assert!("日本".validate_length(None, None, Some(2)));
/// assert!(!vec![1, 2, 3].validate_length(None, Some(2), None));
/// assert!(None::<String>.validate_length(Some(1), None, None));
/// ```
pub trait ValidateLength<T: PartialEq + PartialOrd> {
    /// Whether the length is within the bounds (or there is none).
    fn validate_length(&self, min: Option<T>, max: Option<T>, equal: Option<T>) -> bool {
        let Some(length) = self.length() else {
            return true;
        };
        match equal {
            Some(equal) => length == equal,
            None => min.is_none_or(|min| length >= min) && max.is_none_or(|max| length <= max),
        }
    }

    /// The length; `None` for an absent value.
    fn length(&self) -> Option<T>;
}

// `T` is `Sized` in these, as in validator: `&str` has an impl of its own.
macro_rules! pointers {
    ($($ty:ty),*) => {$(
        impl<T: ValidateLength<u64>> ValidateLength<u64> for $ty {
            fn length(&self) -> Option<u64> {
                T::length(self)
            }
        }
    )*};
}

pointers!(&T, Arc<T>, Box<T>, Rc<T>, Ref<'_, T>, RefMut<'_, T>);

macro_rules! chars {
    ($($ty:ty),*) => {$(
        impl ValidateLength<u64> for $ty {
            fn length(&self) -> Option<u64> {
                Some(self.chars().count() as u64)
            }
        }
    )*};
}

chars!(str, &str, String);

macro_rules! items {
    ($([$($generics:tt)*] $ty:ty;)*) => {$(
        impl<$($generics)*> ValidateLength<u64> for $ty {
            fn length(&self) -> Option<u64> {
                Some(self.len() as u64)
            }
        }
    )*};
}

items! {
    [T] [T];
    [T] BTreeSet<T>;
    [K, V] BTreeMap<K, V>;
    [T, S] HashSet<T, S>;
    [K, V, S] HashMap<K, V, S>;
    [T] Vec<T>;
    [T] VecDeque<T>;
}

#[cfg(feature = "indexmap")]
items! {
    [T] indexmap::IndexSet<T>;
    [K, V] indexmap::IndexMap<K, V>;
}

impl<T> ValidateLength<u64> for Cow<'_, T>
where
    T: ToOwned + ?Sized,
    for<'a> &'a T: ValidateLength<u64>,
{
    fn length(&self) -> Option<u64> {
        self.as_ref().length()
    }
}

impl<T: ValidateLength<u64>> ValidateLength<u64> for Option<T> {
    fn length(&self) -> Option<u64> {
        self.as_ref().and_then(T::length)
    }
}

impl<T, const N: usize> ValidateLength<u64> for [T; N] {
    fn length(&self) -> Option<u64> {
        Some(N as u64)
    }
}
