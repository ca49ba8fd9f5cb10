//! The free functions and `HasLen` of validator 0.16 and earlier, which 0.17 replaced with
//! the per-rule traits: kept so that code written against them builds. Each gives the
//! verdict of the trait of the same rule.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::rules::email::is_email;
use crate::rules::ip::is_ip;
use crate::{ValidateContains, ValidateNonControlCharacter, ValidateUrl};

/// A value's length: a string's characters, a collection's items (validator 0.16's
/// trait; the derive uses [`ValidateLength`](crate::ValidateLength)).
///
/// ```
/// # extern crate modelbuild_validator as validator;
/// use validator::HasLen;
///
/// assert_eq!("日本".length(), 2);
/// assert_eq!(vec![1, 2, 3].length(), 3);
/// ```
pub trait HasLen {
    /// The length.
    fn length(&self) -> u64;
}

impl<T: HasLen + ?Sized> HasLen for &T {
    fn length(&self) -> u64 {
        T::length(self)
    }
}

impl HasLen for str {
    fn length(&self) -> u64 {
        self.chars().count() as u64
    }
}

impl HasLen for String {
    fn length(&self) -> u64 {
        self.as_str().length()
    }
}

impl HasLen for Cow<'_, str> {
    fn length(&self) -> u64 {
        self.as_ref().length()
    }
}

macro_rules! items {
    ($([$($generics:tt)*] $ty:ty;)*) => {$(
        impl<$($generics)*> HasLen for $ty {
            fn length(&self) -> u64 {
                self.len() as u64
            }
        }
    )*};
}

items! {
    [T] [T];
    [T, const N: usize] [T; N];
    [T] Vec<T>;
    [T, S] HashSet<T, S>;
    [K, V, S] HashMap<K, V, S>;
    [T] BTreeSet<T>;
    [K, V] BTreeMap<K, V>;
}

#[cfg(feature = "indexmap")]
items! {
    [T] indexmap::IndexSet<T>;
    [K, V] indexmap::IndexMap<K, V>;
}

/// Whether `value`'s length is within the bounds: `equal` when given, else `min` and
/// `max`.
#[must_use]
pub fn validate_length<T: HasLen>(value: T, min: Option<u64>, max: Option<u64>, equal: Option<u64>) -> bool {
    let length = value.length();
    match equal {
        Some(equal) => length == equal,
        None => min.is_none_or(|min| length >= min) && max.is_none_or(|max| length <= max),
    }
}

/// Whether `value` is within `min` and `max`, each when given.
#[must_use]
pub fn validate_range<T: PartialOrd>(value: T, min: Option<T>, max: Option<T>) -> bool {
    min.is_none_or(|min| value >= min) && max.is_none_or(|max| value <= max)
}

/// Whether `value` is an e-mail address ([`ValidateEmail`](crate::ValidateEmail)).
#[must_use]
pub fn validate_email<'a>(value: impl Into<Cow<'a, str>>) -> bool {
    is_email(&value.into())
}

/// Whether `value` is a URL ([`ValidateUrl`]).
#[must_use]
pub fn validate_url<'a>(value: impl Into<Cow<'a, str>>) -> bool {
    value.into().validate_url()
}

/// Whether `value` is an IP address of either version.
#[must_use]
pub fn validate_ip<'a>(value: impl Into<Cow<'a, str>>) -> bool {
    is_ip(&value.into())
}

/// Whether `value` is an IPv4 address.
#[must_use]
pub fn validate_ip_v4<'a>(value: impl Into<Cow<'a, str>>) -> bool {
    modelbuild::rules::is_ip(&value.into(), modelbuild::rules::IpKind::V4)
}

/// Whether `value` is an IPv6 address.
#[must_use]
pub fn validate_ip_v6<'a>(value: impl Into<Cow<'a, str>>) -> bool {
    modelbuild::rules::is_ip(&value.into(), modelbuild::rules::IpKind::V6)
}

/// Whether `value` holds `needle` ([`ValidateContains`]).
#[must_use]
pub fn validate_contains<T: ValidateContains>(value: T, needle: &str) -> bool {
    value.validate_contains(needle)
}

/// Whether `value` lacks `needle`.
#[must_use]
pub fn validate_does_not_contain<T: ValidateContains>(value: T, needle: &str) -> bool {
    !value.validate_contains(needle)
}

/// Whether `value` holds no control character.
#[must_use]
pub fn validate_non_control_character<'a>(value: impl Into<Cow<'a, str>>) -> bool {
    value.into().validate_non_control_character()
}

/// Whether `value` is `Some`.
#[must_use]
pub fn validate_required<T>(value: &Option<T>) -> bool {
    value.is_some()
}

/// Whether `value` is a card number ([`ValidateCreditCard`](crate::ValidateCreditCard)).
#[cfg(feature = "card")]
#[must_use]
pub fn validate_credit_card<'a>(value: impl Into<Cow<'a, str>>) -> bool {
    crate::ValidateCreditCard::validate_credit_card(&value.into())
}
