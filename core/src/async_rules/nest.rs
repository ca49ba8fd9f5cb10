//! [`NestAsync`]: the walk of a value that has async rules (a derived type with some,
//! or one marked `#[validate(async)]`), and of collections of such values; and the
//! choice, at a `nested` field of such a type, between that walk and the sync rules of
//! a value that has none.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt::Display;
use std::sync::Arc;

use super::chunk::Gathered;
use super::join::{Boxed, JoinAll, Nested};
use super::{Never, Pending};
use crate::path_node::{PathNode, Place};
use crate::rules::input::{Direct, EachInput, KeysInput};
use crate::{Validate, ValidateWith, ValidationErrors};

/// A value whose walk checks its sync rules and makes futures of its async rules; the
/// derive implements it for a type with async rules, with its context `C` (any `C`
/// for a type that takes none).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no async rules to run with a context of type `{C}`",
    label = "a `nested` value of a type with async rules is walked for its own",
    note = "a type that nests one with async rules must say so: `#[validate(async)]` on the type"
)]
pub trait NestAsync<C: ?Sized> {
    /// Checks the sync rules of the value at `at`, adding to `errors`, and makes the
    /// futures of the async rules of the values whose sync rules passed: `None` when
    /// there are none to wait for. Their errors' paths are relative to `at`: the
    /// caller, which made `at`, puts them under the step it added.
    fn walk<'v>(
        &'v self,
        context: &'v C,
        at: &PathNode<'_>,
        errors: &mut ValidationErrors,
    ) -> Option<impl Pending + Send + use<'v, Self, C>>;
}

/// A collection's walk: every element's (a map's values), each under its position or
/// key, as `each` visits them.
macro_rules! collections {
    ($([$($generics:tt)*] [$($params:ident),*] $ty:ty;)*) => {$(
        impl<$($generics)*, C: ?Sized> NestAsync<C> for $ty
        where
            <$ty as EachInput<Direct>>::Item: NestAsync<C>,
        {
            fn walk<'v>(
                &'v self,
                context: &'v C,
                at: &PathNode<'_>,
                errors: &mut ValidationErrors,
            ) -> Option<impl Pending + Send + use<'v, $($params,)* C>> {
                let mut all = Gathered::new();
                self.each_item(at, |item, item_at| {
                    all.push(under(item.walk(context, item_at, errors), item_at));
                });
                all.joined()
            }
        }
    )*};
}

collections! {
    [T] [T] Vec<T>;
    [T] [T] [T];
    [T, const N: usize] [T, N] [T; N];
    [T] [T] VecDeque<T>;
    [T] [T] BTreeSet<T>;
    [T, S] [T, S] HashSet<T, S>;
    [K: Display, V, S] [K, V, S] HashMap<K, V, S>;
    [K: Display, V] [K, V] BTreeMap<K, V>;
}

#[cfg(feature = "indexmap")]
collections! {
    [T, S] [T, S] indexmap::IndexSet<T, S>;
    [K: Display, V, S] [K, V, S] indexmap::IndexMap<K, V, S>;
}

impl<T: NestAsync<C>, C: ?Sized> NestAsync<C> for Option<T> {
    fn walk<'v>(
        &'v self,
        context: &'v C,
        at: &PathNode<'_>,
        errors: &mut ValidationErrors,
    ) -> Option<impl Pending + Send + use<'v, T, C>> {
        self.as_ref()?.walk(context, at, errors)
    }
}

/// A box erases its value's future: so a type that nests itself through a box has a
/// walk of a size the compiler can know.
impl<T: NestAsync<C> + ?Sized, C: ?Sized> NestAsync<C> for Box<T> {
    fn walk<'v>(
        &'v self,
        context: &'v C,
        at: &PathNode<'_>,
        errors: &mut ValidationErrors,
    ) -> Option<impl Pending + Send + use<'v, T, C>> {
        let future = (**self).walk(context, at, errors)?;
        Some(Box::pin(future) as Boxed<'v>)
    }
}

macro_rules! pointers {
    ($([$($generics:tt)*] [$($params:tt),*] $ty:ty;)*) => {$(
        impl<$($generics)*, C: ?Sized> NestAsync<C> for $ty
        where
            T: NestAsync<C>,
        {
            fn walk<'v>(
                &'v self,
                context: &'v C,
                at: &PathNode<'_>,
                errors: &mut ValidationErrors,
                    ) -> Option<impl Pending + Send + use<'v, $($params,)* C>> {
                (**self).walk(context, at, errors)
            }
        }
    )*};
}

pointers! {
    ['r, T: ?Sized] ['r, T] &'r T;
    [T: ?Sized] [T] Arc<T>;
}

/// A `nested` value in a type with async rules, and that type's context, before the
/// choice of how to check it: its type's walk when it has async rules ([`WalkAsync`]),
/// its sync rules when it has none ([`WalkSync`], [`WalkSyncWith`] for one that takes
/// the context). Method lookup tries `&&Nest`, then `&Nest`, then `Nest`; the choice is
/// a value of its own, whose `walk` borrows nothing of the `Nest` it was made from.
#[doc(hidden)]
pub struct Nest<'v, T: ?Sized, C: ?Sized>(pub &'v T, pub &'v C);

/// The choice for a value with async rules.
#[doc(hidden)]
pub trait WalkAsync<'v, T: ?Sized, C: ?Sized> {
    /// Its walk.
    fn choose(&self) -> Walked<'v, T, C>;
}

impl<'v, T: NestAsync<C> + ?Sized, C: ?Sized> WalkAsync<'v, T, C> for &&Nest<'v, T, C> {
    fn choose(&self) -> Walked<'v, T, C> {
        Walked(self.0, self.1)
    }
}

/// A value walked for its async rules.
#[doc(hidden)]
pub struct Walked<'v, T: ?Sized, C: ?Sized>(&'v T, &'v C);

impl<'v, T: NestAsync<C> + ?Sized, C: ?Sized> Walked<'v, T, C> {
    /// The walk of the value at `place` under `at`.
    pub fn walk(
        self,
        at: &PathNode<'_>,
        place: Place,
        errors: &mut ValidationErrors,
    ) -> Option<Nested<impl Pending + Send + use<'v, T, C>>> {
        let walk = self.0.walk(self.1, &at.at_place(place), errors)?;
        Some(Nested::new(walk, place.into()))
    }
}

/// The choice for a value with sync rules only, and no context.
#[doc(hidden)]
pub trait WalkSync<'v, T: ?Sized> {
    /// Its sync rules.
    fn choose(&self) -> Checked<'v, T>;
}

impl<'v, T: Validate + ?Sized, C: ?Sized> WalkSync<'v, T> for &Nest<'v, T, C> {
    fn choose(&self) -> Checked<'v, T> {
        Checked(self.0)
    }
}

/// A value whose sync rules are checked at once.
#[doc(hidden)]
pub struct Checked<'v, T: ?Sized>(&'v T);

impl<T: Validate + ?Sized> Checked<'_, T> {
    /// The rules of the value at `place` under `at`, checked now: nothing to wait
    /// for.
    pub fn walk(self, at: &PathNode<'_>, place: Place, errors: &mut ValidationErrors) -> Option<Never> {
        self.0.validate_at(&at.at_place(place), errors);
        None
    }
}

/// The choice for a value with sync rules only, which takes the context.
#[doc(hidden)]
pub trait WalkSyncWith<'v, T: ?Sized, C: ?Sized> {
    /// Its sync rules, with the context.
    fn choose(&self) -> CheckedWith<'v, T, C>;
}

impl<'v, T: ValidateWith<C> + ?Sized, C: ?Sized> WalkSyncWith<'v, T, C> for Nest<'v, T, C> {
    fn choose(&self) -> CheckedWith<'v, T, C> {
        CheckedWith(self.0, self.1)
    }
}

/// A value whose sync rules are checked at once, with the context.
#[doc(hidden)]
pub struct CheckedWith<'v, T: ?Sized, C: ?Sized>(&'v T, &'v C);

impl<T: ValidateWith<C> + ?Sized, C: ?Sized> CheckedWith<'_, T, C> {
    /// The rules of the value at `place` under `at`, checked now with the context:
    /// nothing to wait for.
    pub fn walk(self, at: &PathNode<'_>, place: Place, errors: &mut ValidationErrors) -> Option<Never> {
        self.0.validate_with_at(self.1, &at.at_place(place), errors);
        None
    }
}

/// The derive's entry for `each(...)` with async rules or `nested` inside, on the
/// value at `place` under `at`: `walk` runs on every element, checking its sync rules
/// and making its async rules' futures.
#[doc(hidden)]
pub fn each<'v, M, T, F>(
    value: &'v T,
    at: &PathNode<'_>,
    place: Place,
    errors: &mut ValidationErrors,
    mut walk: impl FnMut(&'v T::Item, &PathNode<'_>, &mut ValidationErrors) -> Option<F>,
) -> Option<Nested<JoinAll<'v>>>
where
    T: EachInput<M> + ?Sized,
    F: Pending + Send + 'v,
{
    let mut all = Gathered::new();
    value.each_item(&at.at_place(place), |item, item_at| {
        all.push(under(walk(item, item_at, errors), item_at));
    });
    let all = all.joined()?;
    Some(Nested::new(all, place.into()))
}

/// The derive's entry for `keys(...)` with async rules inside, as [`each`] for keys.
#[doc(hidden)]
pub fn keys<'v, M, T, F>(
    value: &'v T,
    at: &PathNode<'_>,
    place: Place,
    errors: &mut ValidationErrors,
    mut walk: impl FnMut(&'v T::Key, &PathNode<'_>, &mut ValidationErrors) -> Option<F>,
) -> Option<Nested<JoinAll<'v>>>
where
    T: KeysInput<M> + ?Sized,
    F: Pending + Send + 'v,
{
    let mut all = Gathered::new();
    value.each_key(&at.at_place(place), |item, item_at| {
        all.push(under(walk(item, item_at, errors), item_at));
    });
    let all = all.joined()?;
    Some(Nested::new(all, place.into()))
}

/// An item's walk (an element's, a map's value's, a key's), its errors under the
/// item's step.
fn under<P>(walk: Option<P>, item_at: &PathNode<'_>) -> Option<Nested<P>> {
    walk.map(|walk| Nested::new(walk, item_at.hold_step()))
}
