//! `must_match(other_field)`: the field equals another field of the same value (a
//! password and its confirmation), reported at this field's path.

use crate::params::Params;
use crate::__private::{report, Site, Failure};
use crate::{PathNode, ValidationErrors};

/// The message of a failed `must_match` rule; `other` is the other field's path name.
pub fn message(other: &str) -> String {
    format!("must match {other}")
}

site_entry!(must_match [A: PartialEq<B> + ?Sized, B: ?Sized] (value: &A, other: &B, other_name: &'static str) => check);

/// The derive's entry: reports at `at` when `value` differs from `other`.
#[doc(hidden)]
pub fn check<A: PartialEq<B> + ?Sized, B: ?Sized>(
    value: &A,
    other: &B,
    other_name: &'static str,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
) {
    if value != other {
        let failure = move || Failure { code: "must_match", params: move || Params::new().with("other", other_name), message: move || message(other_name) };
        report(at, errors, site, 0, failure);
    }
}
