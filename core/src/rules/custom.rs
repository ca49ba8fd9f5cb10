//! `custom`: a function of yours, called with the field's value (or, on the type, the
//! whole value), then the type's context and the rule's `args` when there are any; its
//! errors are reported at the field's path, or, from a rule on the whole value, at the
//! fields they name.
//!
//! The field passes when the function returns `Ok(())`. It returns `Result<(), E>`, where
//! `E` is a [`RuleError`] (its own code, message and parameters), a
//! `&'static str` or a `String` (a message, with the code `"custom"`), or a
//! `Vec<RuleError>` to report several at once.
//!
//! # Attribute
//!
//! | form | calls |
//! |---|---|
//! | `custom = path::to_fn` | `to_fn(&value)` |
//! | `custom(function = path::to_fn)` | the same |
//! | `custom(function = path::to_fn, args(64, other_field))` | `to_fn(&value, 64, &self.other_field)` |
//! | `custom(function = path::to_fn, code = "...", message = "...")` | the same, reported with its own code and message |
//! | `#[validate(custom = path::to_fn)]` on the type | `to_fn(&self)`, to check several fields together |
//! | `custom(function = path::to_async_fn, async)`, on a field or the type | `to_async_fn(&value).await`, after every sync rule ([async rules](crate::guide::async_rules)) |
//!
//! - `function` (required): a path to a function. `custom` with none is a compile error.
//! - The value argument: the function takes `&T` for a field of type `T`, or for an
//!   `Option`, `Box`, `Rc`, `Arc`, `Cow` or reference of `T` (a `None` skips the call); it
//!   may also take `&str` for a `String` and `&[T]` for a `Vec<T>`
//!   ([`CustomInput`]). A function that takes `&Option<T>` is
//!   called with the `Option`, `None` included.
//! - The context: in a type that declares `#[validate(context = C)]`, the function takes
//!   `&C` right after the value.
//! - `args(...)`: more arguments, after the value and the context. A bare name of another
//!   field of the same value passes that field by reference; anything else (a literal, a
//!   constant, an expression) is passed as written.
//! - A function whose signature does not fit the call is the compiler's type error, at the
//!   rule or at the argument.
//! - `code = "..."` replaces the code of every error the function returns.
//!   `message = "..."` replaces the message; it is a template over each error's parameters
//!   (`"over {limit}"`; `{{` and `}}` are braces). Unlike other rules, the names in it are
//!   not checked while compiling, since the parameters are only known at run time; a name
//!   the error lacks is left as written ([`Params::render`](crate::Params::render)).
//! - `async`: the function returns a future (`async fn`) of what a sync one returns; the
//!   type is then validated with [`ValidateAsync`](crate::ValidateAsync), and only when
//!   the value's sync rules passed ([async rules](crate::guide::async_rules)).
//! - The rule applies to any type: the function's signature decides. It is the one rule a
//!   field may carry more than once.
//! - On the whole value, each error goes to the value's own path, or to the field it
//!   names with [`RuleError::at`] (by its Rust or wire name; the
//!   path uses the wire name). The whole-value rules run after the fields' rules.
//!
//! # Error
//!
//! | code | params | message |
//! |---|---|---|
//! | the [`RuleError`]'s code; `"custom"` for a `&str` or `String` | what [`RuleError::with_param`] added; none for a `&str` or `String` | the error's own |
//!
//! # Example
//!
//! ```
//! use modelbuild::{RuleError, Validate};
//! use serde_json::json;
//!
//! fn even(value: &u32) -> Result<(), &'static str> {
//!     if value % 2 == 0 { Ok(()) } else { Err("must be even") }
//! }
//!
//! fn at_most(value: &str, max: usize) -> Result<(), RuleError> {
//!     if value.len() <= max {
//!         return Ok(());
//!     }
//!     Err(RuleError::new("too_long", "is too long").with_param("max", max))
//! }
//!
//! fn ordered(window: &Window) -> Result<(), RuleError> {
//!     if window.from <= window.to {
//!         return Ok(());
//!     }
//!     Err(RuleError::new("order", "must not come after `to`").at("from"))
//! }
//!
//! #[derive(Validate)]
//! #[validate(custom = ordered)]
//! struct Window {
//!     #[validate(custom = even)]
//!     from: u32,
//!     to: u32,
//!     #[validate(custom(function = at_most, args(4), message = "at most {max} bytes"))]
//!     name: String,
//! }
//!
//! let window = Window { from: 5, to: 2, name: "nightly".into() };
//! let errors = window.validate().unwrap_err();
//! let found: Vec<(String, &str, &str)> =
//!     errors.iter().map(|e| (e.path().to_string(), e.code(), e.message())).collect();
//! assert_eq!(found, [
//!     ("from".to_string(), "custom", "must be even"),
//!     ("name".to_string(), "too_long", "at most 4 bytes"),
//!     ("from".to_string(), "order", "must not come after `to`"),
//! ]);
//! let params: Vec<_> = errors.iter().map(|e| serde_json::to_value(e.params()).unwrap()).collect();
//! assert_eq!(params, [json!({}), json!({"max": 4}), json!({})]);
//! ```
//!
//! # JSON Schema
//!
//! With the `schemars` feature, a `custom` rule writes nothing: JSON Schema cannot state a
//! function.

use std::borrow::Cow;

use crate::__private::{site_message, Site};
use crate::error::{FieldError, RuleError, RuleErrors, Segment};
use crate::rules::input::CustomInput;
use crate::{PathNode, ValidationErrors};

site_entry!(custom [M, A, T, F, E] (value: &T, function: F) where [
    A: ?Sized,
    T: CustomInput<M, A> + ?Sized,
    F: FnOnce(&A) -> Result<(), E>,
    E: RuleErrors,
] => check);

/// The derive's entry on a field: calls `function` on the value, reporting its errors
/// at `at`.
#[doc(hidden)]
pub fn check<M, A, T, F, E>(value: &T, function: F, at: &PathNode<'_>, errors: &mut ValidationErrors, site: &'static Site)
where
    A: ?Sized,
    T: CustomInput<M, A> + ?Sized,
    F: FnOnce(&A) -> Result<(), E>,
    E: RuleErrors,
{
    let Some(argument) = value.custom_input() else {
        return;
    };
    if let Err(found) = function(argument) {
        for error in found.into_rule_errors() {
            push(error, site.path(at), errors, site);
        }
    }
}

pub use crate::path_node::Place;

/// A field of the validated value: its name in Rust and its place.
#[doc(hidden)]
pub type FieldPlace = (&'static str, Place);

site_entry!(custom_whole [F, E] (function: F, fields: &[FieldPlace], fields_at: &PathNode<'_>) where [
    F: FnOnce() -> Result<(), E>,
    E: RuleErrors,
] => check_whole);

/// The derive's entry on the whole value: calls `function`, reporting each error at
/// the field it names (found in `fields`, by Rust or wire name, under `fields_at`), or
/// at `at` when it names none.
#[doc(hidden)]
#[allow(clippy::too_many_arguments)] // generated code's entry, one call per rule
pub fn check_whole<F, E>(
    function: F,
    fields: &[FieldPlace],
    fields_at: &PathNode<'_>,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
) where
    F: FnOnce() -> Result<(), E>,
    E: RuleErrors,
{
    if let Err(found) = function() {
        for error in found.into_rule_errors() {
            let path = match error.field() {
                None => site.path(at),
                Some(name) => field_path(name, fields, fields_at),
            };
            push(error, path, errors, site);
        }
    }
}

#[cold]
fn field_path(name: &str, fields: &[FieldPlace], fields_at: &PathNode<'_>) -> crate::Path {
    field_path_from(name, fields, &fields_at.to_path())
}

/// The path of the field `name` (by its Rust or wire name) of the value at `base`.
pub(crate) fn field_path_from(name: &str, fields: &[FieldPlace], base: &crate::Path) -> crate::Path {
    let place = fields.iter().find(|(rust, place)| {
        *rust == name || matches!(place, Place::Field(wire) if *wire == name)
    });
    let segment = match place {
        Some((_, Place::Field(wire))) => Segment::Field(Cow::Borrowed(wire)),
        Some((_, Place::Index(index))) => Segment::Index(*index),
        Some((_, Place::Here)) => return base.clone(),
        // Not a field of this value: kept under the name given, so it is not lost.
        None => Segment::Field(Cow::Owned(name.to_owned())),
    };
    base.clone().child(segment)
}

#[cold]
fn push(error: RuleError, path: crate::Path, errors: &mut ValidationErrors, site: &'static Site) {
    errors.push(to_field_error(error, path, site));
}

/// A custom rule's error at `path`, with the site's `code` or `message` when given.
pub(crate) fn to_field_error(error: RuleError, path: crate::Path, site: &'static Site) -> FieldError {
    let report = error.into_report();
    let code = site.code().map_or(report.code, Cow::Borrowed);
    let message = site_message(site, report.params.get(), || report.message);
    FieldError::owned(path, code, message, report.params)
}
