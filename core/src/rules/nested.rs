//! `nested`: the value's own rules, its errors' paths under the field's.
//!
//! The field passes when its value's own rules pass ([`Validate`], which
//! `#[derive(Validate)]` implements). Each error found inside is reported with the inner
//! path under the field's: `first.sid`, `steps[1].sid`, `by_name[env].sid`. The rule sees
//! through `Option` (a `None` has nothing to check), `Box`, `Rc`, `Arc`, `Cow` and
//! references, and into every element of a `Vec`, `VecDeque`, slice, array or set (paths
//! `steps[1]`) and every value of a `HashMap` or `BTreeMap` whose keys implement `Display`
//! (paths `by_name[env]`); with the feature `indexmap`, an `IndexSet` and `IndexMap` too.
//! A set's element is at its place in the set's order: sorted for a `BTreeSet`, insertion
//! for an `IndexSet`; a `HashSet`'s order is that one run's, so its paths say which
//! element failed in that run, not where the client sent it.
//!
//! In a type with a context (`#[validate(context = C)]`), a nested value is validated with
//! that context when its type takes it (`ValidateWith<C>`) and without it when its type
//! has none (`Validate`); a nested type with another context is a compile error.
//!
//! # Attribute
//!
//! | form | passes when |
//! |---|---|
//! | `nested` | the value's own rules pass |
//!
//! - `nested` takes no arguments, not even `code` or `message`: its errors are the inner
//!   rules', each with its own. `nested(...)` and `nested = ...` are compile errors.
//! - The rule applies to a type that implements `Validate`, or a container of such values
//!   as above. On a field whose type is plainly a string, number, `bool` or `char` it is a
//!   compile error at its name; any other type that does not implement `Validate` fails to
//!   compile with "`T` does not implement `Validate`". On a field whose type mentions a
//!   type parameter, the derive adds the bound `FieldType: Validate` (or
//!   `ValidateWith<C>` in a type with a context).
//! - For the elements of a collection, `each(nested)` does the same as `nested`, and
//!   combines with other rules in the same `each`.
//! - `nested` twice on one field is a compile error.
//!
//! # Error
//!
//! `nested` reports no error of its own: each error is the inner rule's, with its code,
//! parameters and message, at the inner path under the field's.
//!
//! # Example
//!
//! ```
//! use std::collections::BTreeMap;
//! use modelbuild::Validate;
//! use serde_json::json;
//!
//! #[derive(Validate)]
//! struct Step {
//!     #[validate(sid(prefix = "UG"))]
//!     sid: String,
//! }
//!
//! #[derive(Validate)]
//! struct Build {
//!     #[validate(nested)]
//!     first: Step,
//!     #[validate(nested)]
//!     steps: Vec<Step>,
//!     #[validate(nested)]
//!     by_name: BTreeMap<String, Step>,
//!     #[validate(nested)]
//!     last: Option<Box<Step>>,
//! }
//!
//! let step = |sid: &str| Step { sid: sid.into() };
//! let valid = "UG0123456789abcdef0123456789abcdef";
//! let build = Build {
//!     first: step("UG1"),
//!     steps: vec![step(valid), step("UG2")],
//!     by_name: BTreeMap::from([("env".to_string(), step("UG3"))]),
//!     last: None,
//! };
//! let errors = build.validate().unwrap_err();
//! let found: Vec<(String, &str)> = errors.iter().map(|e| (e.path().to_string(), e.code())).collect();
//! assert_eq!(found, [
//!     ("first.sid".to_string(), "sid"),
//!     ("steps[1].sid".to_string(), "sid"),
//!     ("by_name[env].sid".to_string(), "sid"),
//! ]);
//! let error = errors.iter().next().unwrap();
//! assert_eq!(serde_json::to_value(error.params()).unwrap(), json!({"prefix": "UG"}));
//! assert_eq!(error.message(), r#"must be a SID: "UG" followed by 32 hexadecimal digits"#);
//! ```
//!
//! # JSON Schema
//!
//! With the `schemars` feature, `nested` adds nothing: the field's schema is the inner
//! type's own, which states the inner rules when that type has the `transform` line too.
//!
//! # How the context is chosen
//!
//! A type with no context implements no `ValidateWith` at all: one generic impl per
//! derived type, which every type would pay for at every build, only to forward to
//! `Validate`. So the choice is made here, where the derive's code is type-checked, by
//! the receiver of [`Pick::pick`] / [`PickWithContext::pick`]: method lookup tries
//! `&&Nest` (taken when the value is `Validate`) before `&Nest` (every other value).

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
