//! `custom`: a function of yours, called with the field's value (or, on the type, the
//! whole value), then the type's context and the rule's `args` when there are any; its
//! errors are reported at the field's path, or, from a rule on the whole value, at the
//! fields they name.

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
    let place = fields.iter().find(|(rust, place)| {
        *rust == name || matches!(place, Place::Field(wire) if *wire == name)
    });
    match place {
        Some((_, place)) => fields_at.at_place(*place).to_path(),
        // Not a field of this value: kept under the name given, so it is not lost.
        None => fields_at.to_path().child(Segment::Field(Cow::Owned(name.to_owned()))),
    }
}

#[cold]
fn push(error: RuleError, path: crate::Path, errors: &mut ValidationErrors, site: &'static Site) {
    let report = error.into_report();
    let code = site.code().map_or(report.code, Cow::Borrowed);
    let message = site_message(site, report.params.get(), || report.message);
    errors.push(FieldError::owned(path, code, message, report.params));
}
