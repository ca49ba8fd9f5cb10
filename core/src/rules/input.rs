//! How rules reach the value inside a field, whatever wraps it.
//!
//! Each trait has a marker type parameter `M` that records the way in (`Direct`, or
//! `Optional<Direct>` for an `Option<String>`, ...). The compiler infers it, because
//! exactly one way fits any given type; users never name it, except to implement
//! [`NumberInput`] or [`LengthInput`] for their own types with [`Direct`].
//!
//! So a rule works on a type alias, on a newtype that implements `AsRef<str>`, and
//! through `Option`, `Box`, `Rc` and `Arc` (for `str`, `&T` and `Cow<str>` already are
//! `AsRef<str>`), with no look at how the field's type is spelled.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::marker::PhantomData;
use std::rc::Rc;
use std::sync::Arc;

use crate::path_node::PathNode;

/// The value is used as it is.
#[derive(Debug)]
pub struct Direct;

/// The value is inside an `Option`; `None` passes every rule but `required`.
#[derive(Debug)]
pub struct Optional<M>(PhantomData<M>);

/// The value is behind a `Box`, `Rc`, `Arc` or reference.
#[derive(Debug)]
pub struct Pointer<M>(PhantomData<M>);

/// The value is read as what it derefs to: a `String` as `str`, a `Vec<T>` as `[T]`.
#[derive(Debug)]
pub struct Borrowed;

/// The value is a collection; its length is its number of items.
#[derive(Debug)]
pub struct Items;

/// A value that the string rules (`sid`, `uri`, `email`, `pattern`, `prefix`, `length` and the
/// rest) can read as `&str`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be checked as a string",
    label = "string rules need a value that implements `AsRef<str>`, or an Option, Box, Rc or Arc of one",
    note = "the string rules (`sid`, `uri`, `email`, `pattern`, `prefix`, `length(unit = ...)` and the rest) read the value as `&str`"
)]
pub trait StrInput<M> {
    /// The string, or `None` when absent (which passes the rule).
    fn str_input(&self) -> Option<&str>;
}

impl<T: AsRef<str> + ?Sized> StrInput<Direct> for T {
    fn str_input(&self) -> Option<&str> {
        Some(self.as_ref())
    }
}

/// What a `length` rule measures.
#[derive(Debug, Clone, Copy)]
pub enum Measured<'a> {
    /// A string, measured in the rule's unit.
    Text(&'a str),
    /// A collection with this many items.
    Items(usize),
}

/// A value that the `length` rule can measure: a string or a collection.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no length to check",
    label = "`length` needs a string (`AsRef<str>`), a collection (Vec, slice, array, map, set), or an Option, Box, Rc or Arc of one"
)]
pub trait LengthInput<M> {
    /// What to measure, or `None` when absent (which passes the rule).
    fn measured(&self) -> Option<Measured<'_>>;
}

impl<T: AsRef<str> + ?Sized> LengthInput<Direct> for T {
    fn measured(&self) -> Option<Measured<'_>> {
        Some(Measured::Text(self.as_ref()))
    }
}

macro_rules! collection_length {
    ($([$($generics:tt)*] $ty:ty;)*) => {$(
        impl<$($generics)*> LengthInput<Items> for $ty {
            fn measured(&self) -> Option<Measured<'_>> {
                Some(Measured::Items(self.len()))
            }
        }
    )*};
}

// Each pointer to a collection is listed by name: a blanket impl for `&T` or `Box<T>`
// would also cover `&str` and `Box<str>`, which already are `AsRef<str>`, and make the
// marker ambiguous for them.
collection_length! {
    [T] Vec<T>;
    [T] [T];
    [T] &[T];
    [T] &Vec<T>;
    [T] Box<[T]>;
    [T] Rc<[T]>;
    [T] Arc<[T]>;
    [T: Clone] Cow<'_, [T]>;
    [T, const N: usize] [T; N];
    [T, const N: usize] &[T; N];
    [T] VecDeque<T>;
    [T] &VecDeque<T>;
    [K, V, S] HashMap<K, V, S>;
    [K, V, S] &HashMap<K, V, S>;
    [K, V] BTreeMap<K, V>;
    [K, V] &BTreeMap<K, V>;
    [T, S] HashSet<T, S>;
    [T, S] &HashSet<T, S>;
    [T] BTreeSet<T>;
    [T] &BTreeSet<T>;
}

#[cfg(feature = "indexmap")]
collection_length! {
    [T, S] indexmap::IndexSet<T, S>;
    [T, S] &indexmap::IndexSet<T, S>;
    [K, V, S] indexmap::IndexMap<K, V, S>;
    [K, V, S] &indexmap::IndexMap<K, V, S>;
}

/// A value that the `range` rule can compare: a number.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a number that `range` can check",
    label = "`range` needs a primitive number, or an Option, Box, Rc, Arc or reference of one"
)]
pub trait NumberInput<M> {
    /// The number type the bounds are written in.
    type Number: crate::rules::range::RangeNumber;

    /// The number, or `None` when absent (which passes the rule).
    fn number(&self) -> Option<&Self::Number>;
}

macro_rules! number_input {
    ($($ty:ty)*) => {$(
        impl NumberInput<Direct> for $ty {
            type Number = $ty;

            fn number(&self) -> Option<&$ty> {
                Some(self)
            }
        }
    )*};
}

number_input!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize f32 f64);

/// A value that the `required` rule can check for presence.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is always present, so `required` cannot apply",
    label = "`required` needs an `Option`"
)]
pub trait RequiredInput {
    /// Whether the value is present.
    fn is_present(&self) -> bool;
}

impl<T> RequiredInput for Option<T> {
    fn is_present(&self) -> bool {
        self.is_some()
    }
}

impl<T: RequiredInput + ?Sized> RequiredInput for &T {
    fn is_present(&self) -> bool {
        (**self).is_present()
    }
}

macro_rules! required_through_pointers {
    ($($pointer:ident)*) => {$(
        impl<T: RequiredInput + ?Sized> RequiredInput for $pointer<T> {
            fn is_present(&self) -> bool {
                (**self).is_present()
            }
        }
    )*};
}

required_through_pointers!(Box Rc Arc);

/// A value that a `custom` rule function taking `&A` can be called with: `A` itself, or
/// an `Option`, `Box`, `Rc`, `Arc`, `Cow` or reference of it; a `String` also as `str`
/// and a `Vec<T>` as `[T]`.
#[diagnostic::on_unimplemented(
    message = "the `custom` function cannot take this field",
    label = "the function must take `&T` where the field is `T` or an Option, Box, Rc, Arc or reference of `T`; `&str` for a String, `&[T]` for a Vec<T>"
)]
pub trait CustomInput<M, A: ?Sized> {
    /// The argument for the function, or `None` when absent (the rule then passes).
    fn custom_input(&self) -> Option<&A>;
}

impl<T: ?Sized> CustomInput<Direct, T> for T {
    fn custom_input(&self) -> Option<&T> {
        Some(self)
    }
}

// So that a custom function on a `String` field can take `&str`, as clippy asks of
// functions, and one on a `Vec<T>` field can take `&[T]`.
impl CustomInput<Borrowed, str> for String {
    fn custom_input(&self) -> Option<&str> {
        Some(self)
    }
}

impl<T> CustomInput<Borrowed, [T]> for Vec<T> {
    fn custom_input(&self) -> Option<&[T]> {
        Some(self)
    }
}

impl<M, A: ?Sized, T: CustomInput<M, A> + ?Sized> CustomInput<Pointer<M>, A> for &T {
    fn custom_input(&self) -> Option<&A> {
        (**self).custom_input()
    }
}

/// Lets every input trait see through `Option` and pointers, in one place.
macro_rules! through_wrappers {
    ($($wrapper:ident)*) => {$(
        impl<M, T: StrInput<M>> StrInput<Pointer<M>> for $wrapper<T> {
            fn str_input(&self) -> Option<&str> {
                (**self).str_input()
            }
        }
        impl<M, T: LengthInput<M>> LengthInput<Pointer<M>> for $wrapper<T> {
            fn measured(&self) -> Option<Measured<'_>> {
                (**self).measured()
            }
        }
        impl<M, T: NumberInput<M>> NumberInput<Pointer<M>> for $wrapper<T> {
            type Number = T::Number;

            fn number(&self) -> Option<&T::Number> {
                (**self).number()
            }
        }
        impl<M, A: ?Sized, T: CustomInput<M, A>> CustomInput<Pointer<M>, A> for $wrapper<T> {
            fn custom_input(&self) -> Option<&A> {
                (**self).custom_input()
            }
        }
    )*};
}

through_wrappers!(Box Rc Arc);

impl<M, T: StrInput<M>> StrInput<Optional<M>> for Option<T> {
    fn str_input(&self) -> Option<&str> {
        self.as_ref().and_then(StrInput::str_input)
    }
}

impl<M, T: LengthInput<M>> LengthInput<Optional<M>> for Option<T> {
    fn measured(&self) -> Option<Measured<'_>> {
        self.as_ref().and_then(LengthInput::measured)
    }
}

impl<M, T: NumberInput<M>> NumberInput<Optional<M>> for Option<T> {
    type Number = T::Number;

    fn number(&self) -> Option<&T::Number> {
        self.as_ref().and_then(NumberInput::number)
    }
}

impl<M, A: ?Sized, T: CustomInput<M, A>> CustomInput<Optional<M>, A> for Option<T> {
    fn custom_input(&self) -> Option<&A> {
        self.as_ref().and_then(CustomInput::custom_input)
    }
}

// A number has no `AsRef`, so `&u32` cannot clash with a blanket impl.
impl<M, T: NumberInput<M> + ?Sized> NumberInput<Pointer<M>> for &T {
    type Number = T::Number;

    fn number(&self) -> Option<&T::Number> {
        (**self).number()
    }
}

impl<M, T: NumberInput<M> + ToOwned + ?Sized> NumberInput<Pointer<M>> for Cow<'_, T> {
    type Number = T::Number;

    fn number(&self) -> Option<&T::Number> {
        (**self).number()
    }
}

impl<M, A: ?Sized, T: CustomInput<M, A> + ToOwned + ?Sized> CustomInput<Pointer<M>, A> for Cow<'_, T> {
    fn custom_input(&self) -> Option<&A> {
        (**self).custom_input()
    }
}

/// A collection whose elements `each(...)` checks one by one: sequences (paths
/// `items[0]`), maps (the values, paths `labels[key]`) and sets (by position in their
/// order, which for a `HashSet` is that run's), or an `Option`, `Box`, `Rc`, `Arc` or
/// reference of one.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no elements for `each` to check",
    label = "`each` needs a Vec, slice, array, VecDeque, set or map (keys that implement Display), or an Option, Box, Rc, Arc or reference of one"
)]
pub trait EachInput<M> {
    /// The element type.
    type Item: ?Sized;

    /// Calls `visit` with every element (borrowed for as long as the collection is)
    /// and its path under `at`.
    fn each_item<'s>(&'s self, at: &PathNode<'_>, visit: impl FnMut(&'s Self::Item, &PathNode<'_>));
}

macro_rules! indexed_items {
    ($([$($generics:tt)*] $ty:ty;)*) => {$(
        impl<$($generics)*> EachInput<Direct> for $ty {
            type Item = T;

            fn each_item<'s>(&'s self, at: &PathNode<'_>, mut visit: impl FnMut(&'s T, &PathNode<'_>)) {
                for (index, item) in self.iter().enumerate() {
                    visit(item, &at.index(index));
                }
            }
        }
    )*};
}

// A set's elements are at their place in its iteration: sorted for a `BTreeSet`,
// insertion order for an `IndexSet`, and for a `HashSet` an order that differs from
// run to run (its paths say which element failed in that run's order, no more).
indexed_items! {
    [T] Vec<T>;
    [T] [T];
    [T, const N: usize] [T; N];
    [T] VecDeque<T>;
    [T] BTreeSet<T>;
    [T, S] HashSet<T, S>;
}

#[cfg(feature = "indexmap")]
indexed_items! {
    [T, S] indexmap::IndexSet<T, S>;
}

macro_rules! keyed_items {
    ($([$($generics:tt)*] $ty:ty;)*) => {$(
        impl<$($generics)*> EachInput<Direct> for $ty {
            type Item = V;

            fn each_item<'s>(&'s self, at: &PathNode<'_>, mut visit: impl FnMut(&'s V, &PathNode<'_>)) {
                for (key, value) in self {
                    visit(value, &at.key(key));
                }
            }
        }
    )*};
}

keyed_items! {
    [K: std::fmt::Display, V, S] HashMap<K, V, S>;
    [K: std::fmt::Display, V] BTreeMap<K, V>;
}

#[cfg(feature = "indexmap")]
keyed_items! {
    [K: std::fmt::Display, V, S] indexmap::IndexMap<K, V, S>;
}

impl<M, T: EachInput<M>> EachInput<Optional<M>> for Option<T> {
    type Item = T::Item;

    fn each_item<'s>(&'s self, at: &PathNode<'_>, visit: impl FnMut(&'s T::Item, &PathNode<'_>)) {
        if let Some(items) = self {
            items.each_item(at, visit);
        }
    }
}

macro_rules! items_through_pointers {
    ($($pointer:ident)*) => {$(
        impl<M, T: EachInput<M> + ?Sized> EachInput<Pointer<M>> for $pointer<T> {
            type Item = T::Item;

            fn each_item<'s>(&'s self, at: &PathNode<'_>, visit: impl FnMut(&'s T::Item, &PathNode<'_>)) {
                (**self).each_item(at, visit);
            }
        }
    )*};
}

items_through_pointers!(Box Rc Arc);

impl<M, T: EachInput<M> + ?Sized> EachInput<Pointer<M>> for &T {
    type Item = T::Item;

    fn each_item<'s>(&'s self, at: &PathNode<'_>, visit: impl FnMut(&'s T::Item, &PathNode<'_>)) {
        (**self).each_item(at, visit);
    }
}

/// A map whose keys `keys(...)` checks one by one, paths naming each key; or an
/// `Option`, `Box`, `Rc`, `Arc` or reference of one.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no keys for `keys` to check",
    label = "`keys` needs a HashMap or BTreeMap (keys that implement Display), or an Option, Box, Rc, Arc or reference of one"
)]
pub trait KeysInput<M> {
    /// The key type.
    type Key: ?Sized;

    /// Calls `visit` with every key (borrowed for as long as the map is) and its path
    /// under `at`.
    fn each_key<'s>(&'s self, at: &PathNode<'_>, visit: impl FnMut(&'s Self::Key, &PathNode<'_>));
}

macro_rules! map_keys {
    ($([$($generics:tt)*] $ty:ty;)*) => {$(
        impl<$($generics)*> KeysInput<Direct> for $ty {
            type Key = K;

            fn each_key<'s>(&'s self, at: &PathNode<'_>, mut visit: impl FnMut(&'s K, &PathNode<'_>)) {
                for key in self.keys() {
                    visit(key, &at.key(key));
                }
            }
        }
    )*};
}

map_keys! {
    [K: std::fmt::Display, V, S] HashMap<K, V, S>;
    [K: std::fmt::Display, V] BTreeMap<K, V>;
}

#[cfg(feature = "indexmap")]
map_keys! {
    [K: std::fmt::Display, V, S] indexmap::IndexMap<K, V, S>;
}

impl<M, T: KeysInput<M>> KeysInput<Optional<M>> for Option<T> {
    type Key = T::Key;

    fn each_key<'s>(&'s self, at: &PathNode<'_>, visit: impl FnMut(&'s T::Key, &PathNode<'_>)) {
        if let Some(map) = self {
            map.each_key(at, visit);
        }
    }
}

macro_rules! keys_through_pointers {
    ($($pointer:ident)*) => {$(
        impl<M, T: KeysInput<M> + ?Sized> KeysInput<Pointer<M>> for $pointer<T> {
            type Key = T::Key;

            fn each_key<'s>(&'s self, at: &PathNode<'_>, visit: impl FnMut(&'s T::Key, &PathNode<'_>)) {
                (**self).each_key(at, visit);
            }
        }
    )*};
}

keys_through_pointers!(Box Rc Arc);

impl<M, T: KeysInput<M> + ?Sized> KeysInput<Pointer<M>> for &T {
    type Key = T::Key;

    fn each_key<'s>(&'s self, at: &PathNode<'_>, visit: impl FnMut(&'s T::Key, &PathNode<'_>)) {
        (**self).each_key(at, visit);
    }
}
