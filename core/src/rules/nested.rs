//! `nested`: the value's own rules, its errors' paths under the field's.
//!
//! In a type with a context, a nested value is validated with that context when its
//! type takes it (`ValidateWith<C>`) and without it when its type has none
//! (`Validate`). A type with no context implements no `ValidateWith` at all: one
//! generic impl per derived type, which every type would pay for at every build, only
//! to forward to `Validate`. So the choice is made here, where the derive's code is
//! type-checked, by the receiver of [`Pick::pick`] / [`PickWithContext::pick`]: method
//! lookup tries `&&Nest` (taken when the value is `Validate`) before `&Nest` (every
//! other value).

use crate::{PathNode, Validate, ValidateWith, ValidationErrors};

/// The derive's entry: validates the inner value at `at`.
#[doc(hidden)]
pub fn check<T: Validate + ?Sized>(value: &T, at: &PathNode<'_>, errors: &mut ValidationErrors) {
    value.validate_at(at, errors);
}

/// The derive's entry in a type with a context: validates the value `picked` chose,
/// with or without the context, at `at`.
#[doc(hidden)]
pub fn check_with<V: Visit>(picked: V, at: &PathNode<'_>, errors: &mut ValidationErrors) {
    picked.visit(at, errors);
}

/// A nested value and the context of the type that holds it, before the choice.
#[doc(hidden)]
pub struct Nest<'v, T: ?Sized, C: ?Sized>(pub &'v T, pub &'v C);

/// The choice for a value whose type is `Validate`: the context is not passed.
#[doc(hidden)]
pub trait Pick {
    /// How the value is validated.
    type Visit: Visit;
    /// Chooses.
    fn pick(&self) -> Self::Visit;
}

impl<'v, T: Validate + ?Sized, C: ?Sized> Pick for &Nest<'v, T, C> {
    type Visit = Without<'v, T>;
    #[inline]
    fn pick(&self) -> Without<'v, T> {
        Without(self.0)
    }
}

/// The choice for every other value: the context is passed, and the value's type
/// must take it. (No bound here: a type that takes another context, or none and is
/// not `Validate`, is then reported by [`check_with`] as not implementing
/// `ValidateWith<C>`, which says what is wrong.)
#[doc(hidden)]
pub trait PickWithContext {
    /// How the value is validated.
    type Visit;
    /// Chooses.
    fn pick(&self) -> Self::Visit;
}

impl<'v, T: ?Sized, C: ?Sized> PickWithContext for Nest<'v, T, C> {
    type Visit = With<'v, T, C>;
    #[inline]
    fn pick(&self) -> With<'v, T, C> {
        With(self.0, self.1)
    }
}

/// A chosen way to validate a nested value.
#[doc(hidden)]
pub trait Visit {
    /// Validates the value at `at`.
    fn visit(self, at: &PathNode<'_>, errors: &mut ValidationErrors);
}

/// A value validated without the context.
#[doc(hidden)]
pub struct Without<'v, T: ?Sized>(&'v T);

impl<T: Validate + ?Sized> Visit for Without<'_, T> {
    #[inline]
    fn visit(self, at: &PathNode<'_>, errors: &mut ValidationErrors) {
        self.0.validate_at(at, errors);
    }
}

/// A value validated with the context.
#[doc(hidden)]
pub struct With<'v, T: ?Sized, C: ?Sized>(&'v T, &'v C);

impl<T: ValidateWith<C> + ?Sized, C: ?Sized> Visit for With<'_, T, C> {
    #[inline]
    fn visit(self, at: &PathNode<'_>, errors: &mut ValidationErrors) {
        self.0.validate_with_at(self.1, at, errors);
    }
}
