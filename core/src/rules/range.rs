//! `range`: a number within bounds.
//!
//! A number passes when it is on the right side of every bound the rule gives: at least
//! `min`, at most `max`, greater than `exclusive_min`, less than `exclusive_max`. A value
//! that does not compare, a float NaN, never passes. An absent value (`None`) passes.
//!
//! # Attribute
//!
//! | form | passes when |
//! |---|---|
//! | `range(min = 1)` | the value is at least 1 |
//! | `range(max = 1000)` | the value is at most 1000 |
//! | `range(min = 1, max = 1000)` | the value is from 1 to 1000 |
//! | `range(exclusive_min = 0.0)` | the value is greater than 0 |
//! | `range(exclusive_max = 1.0)` | the value is less than 1 |
//! | `range(exclusive_min = 0.0, max = 1.0)` | one bound of each side, of either kind |
//! | `range(min = 1, code = "...", message = "...")` | the same, reported with its own code and message |
//!
//! - `min`, `max`, `exclusive_min`, `exclusive_max`: an expression of the field's number
//!   type: a literal (`1`, `-5`, `0.5`, `1e21`), a constant, or any expression
//!   (`u128::MAX`, `LIMIT * 2`). On a float field a literal needs its fraction: `min = 0`
//!   is a type error at the bound, write `min = 0.0`.
//! - At least one bound is required: `range` and `range()` are compile errors. So are
//!   both bounds of one side (`min` with `exclusive_min`, `max` with `exclusive_max`), and
//!   literal bounds no value can pass: `min` greater than `max` (integers compared
//!   exactly, even beyond what an `f64` holds), a bound equal to an exclusive one on the
//!   other side, two equal exclusive bounds. Bounds that are not literals are not
//!   compared while compiling.
//! - `code = "..."` replaces the error's code. `message = "..."` replaces its message; it is
//!   a template over the parameters below (`"from {min} to {max}"`; `{{` and `}}` are
//!   braces), checked while compiling: a bound the rule does not give is a compile error.
//!   [`Params::render`](crate::Params::render) fills it in.
//! - The rule applies to a primitive number (`i8` to `i128`, `isize`, `u8` to `u128`,
//!   `usize`, `f32`, `f64`), or an `Option`, `Box`, `Rc`, `Arc`, `&T` or `Cow` of one
//!   ([`NumberInput`], which a type of yours may implement). On
//!   a field whose type is plainly no number (a string, `bool`, `char`, a `Vec`) the rule
//!   is a compile error at its name; any other such type fails to compile with "`T` is not
//!   a number that `range` can check".
//! - As for every rule, an unknown key (with a suggestion), a key given twice and `range`
//!   twice on one field are compile errors.
//!
//! # Error
//!
//! | code | params | default message |
//! |---|---|---|
//! | `"range"` | the bounds given, by name, in the order `min`, `max`, `exclusive_min`, `exclusive_max`: numbers of the field's type | `must be at least 1 and at most 1000` |
//!
//! A parameter is an integer ([`ParamValue::Int`]; a `u128` above
//! `i128::MAX` is `UInt`) or, on a float field, a [`ParamValue::Float`].
//! The default message joins, with ` and `, `greater than x`, `at least x`, `at most x` and
//! `less than x`, in that order, for the bounds given: `must be at least 0`, `must be
//! less than 1000`, `must be greater than 0 and at most 1`. Integers are written in full,
//! floats as people write them (`0.5`, `10000`, not `1e4`), in exponent form only below
//! `1e-6` or from `1e21` (`1e-9`, `1e21`).
//!
//! # Example
//!
//! ```
//! use modelbuild::{ParamValue, Validate};
//! use serde_json::json;
//!
//! #[derive(Validate)]
//! struct Query {
//!     #[validate(range(min = 1, max = 1000))]
//!     page_size: u32,
//!     #[validate(range(exclusive_min = 0.0, max = 1.0))]
//!     ratio: f64,
//!     #[validate(range(min = 0, code = "negative"))]
//!     page: Option<i64>,
//! }
//!
//! let query = Query { page_size: 0, ratio: f64::NAN, page: Some(-1) };
//! let errors = query.validate().unwrap_err();
//! let found: Vec<(String, &str, &str)> =
//!     errors.iter().map(|e| (e.path().to_string(), e.code(), e.message())).collect();
//! assert_eq!(found, [
//!     ("page_size".to_string(), "range", "must be at least 1 and at most 1000"),
//!     ("ratio".to_string(), "range", "must be greater than 0 and at most 1"),
//!     ("page".to_string(), "negative", "must be at least 0"),
//! ]);
//! let params: Vec<_> = errors.iter().map(|e| serde_json::to_value(e.params()).unwrap()).collect();
//! assert_eq!(params, [
//!     json!({"min": 1, "max": 1000}),
//!     json!({"max": 1.0, "exclusive_min": 0.0}),
//!     json!({"min": 0}),
//! ]);
//! let first = errors.iter().next().unwrap();
//! assert_eq!(first.params().get("max"), Some(&ParamValue::Int(1000)));
//! ```
//!
//! # JSON Schema
//!
//! With the `schemars` feature, each bound becomes `minimum`, `maximum`,
//! `exclusiveMinimum` or `exclusiveMaximum`; a tighter bound the type already states
//! (`u8`'s `maximum: 255`) stays, and a bound beyond 64 bits is written as the nearest
//! float (this module's `json_schema`).
//!
//! The predicate is [`is_in_range`], over [`Bounds`], and the default message [`message`].

use std::fmt::Display;

use crate::params::{ParamValue, Params};
use crate::__private::{report, Site, Failure};
use crate::rules::input::NumberInput;
use crate::{PathNode, ValidationErrors};

/// The bounds of a `range` rule; any may be absent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds<N> {
    /// The value must be at least this.
    pub min: Option<N>,
    /// The value must be at most this.
    pub max: Option<N>,
    /// The value must be greater than this.
    pub exclusive_min: Option<N>,
    /// The value must be less than this.
    pub exclusive_max: Option<N>,
}

impl<N> Bounds<N> {
    /// No bound at all, to fill in the bounds not given:
    ///
    /// ```
    /// use modelbuild::rules::{is_in_range, Bounds};
    ///
    /// let positive = Bounds { exclusive_min: Some(0.0), ..Bounds::NONE };
    /// assert!(is_in_range(&0.5, &positive));
    /// assert!(!is_in_range(&0.0, &positive));
    /// ```
    pub const NONE: Self = Bounds {
        min: None,
        max: None,
        exclusive_min: None,
        exclusive_max: None,
    };
}

/// Whether `value` is within `bounds`. A value that does not compare (a float NaN) is
/// never within bounds.
///
/// ```
/// use modelbuild::rules::{is_in_range, Bounds};
///
/// let page_size = Bounds { min: Some(1), max: Some(1000), exclusive_min: None, exclusive_max: None };
/// assert!(is_in_range(&50, &page_size));
/// assert!(!is_in_range(&0, &page_size));
/// let positive = Bounds { min: None, max: None, exclusive_min: Some(0.0), exclusive_max: None };
/// assert!(!is_in_range(&f64::NAN, &positive));
/// ```
pub fn is_in_range<N: PartialOrd>(value: &N, bounds: &Bounds<N>) -> bool {
    // Written as "is it on the right side" so that NaN, which compares false, fails.
    bounds.min.as_ref().is_none_or(|min| value >= min)
        && bounds.max.as_ref().is_none_or(|max| value <= max)
        && bounds.exclusive_min.as_ref().is_none_or(|min| value > min)
        && bounds.exclusive_max.as_ref().is_none_or(|max| value < max)
}

/// A number a `range` rule compares, and prints in its message.
pub trait RangeNumber: PartialOrd + Display + Copy + Into<ParamValue> {
    /// The number as a message prints it: integers in full, floats as people write
    /// them (`10000`, `0.5`), in exponent form only when very large or very small
    /// (`1e21`, `1e-9`).
    fn short(&self) -> String {
        (*self).into().to_string()
    }
}

macro_rules! numbers {
    ($($ty:ty)*) => {$(impl RangeNumber for $ty {})*};
}

numbers!(i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize f32 f64);

/// The parameters of a failed `range` rule: the bounds it has, by their names.
fn params<N: RangeNumber>(bounds: &Bounds<N>) -> Params {
    [
        ("min", bounds.min),
        ("max", bounds.max),
        ("exclusive_min", bounds.exclusive_min),
        ("exclusive_max", bounds.exclusive_max),
    ]
    .into_iter()
    .filter_map(|(name, bound)| Some((name, bound?)))
    .collect()
}

/// The message of a failed `range` rule, naming every bound.
///
/// ```
/// use modelbuild::rules::{range::message, Bounds};
///
/// let bounds = Bounds { min: Some(1), max: Some(1000), exclusive_min: None, exclusive_max: None };
/// assert_eq!(message(&bounds), "must be at least 1 and at most 1000");
/// let tiny = Bounds { min: None, max: None, exclusive_min: Some(1e-9), exclusive_max: Some(1e21) };
/// assert_eq!(message(&tiny), "must be greater than 1e-9 and less than 1e21");
/// let ratio = Bounds { min: None, max: Some(1e4), exclusive_min: Some(0.0), exclusive_max: None };
/// assert_eq!(message(&ratio), "must be greater than 0 and at most 10000");
/// ```
pub fn message<N: RangeNumber>(bounds: &Bounds<N>) -> String {
    let parts: Vec<String> = [
        bounds.exclusive_min.as_ref().map(|n| format!("greater than {}", n.short())),
        bounds.min.as_ref().map(|n| format!("at least {}", n.short())),
        bounds.max.as_ref().map(|n| format!("at most {}", n.short())),
        bounds.exclusive_max.as_ref().map(|n| format!("less than {}", n.short())),
    ]
    .into_iter()
    .flatten()
    .collect();
    format!("must be {}", parts.join(" and "))
}

site_entry!(range [M, T: NumberInput<M> + ?Sized] (value: &T, bounds: &Bounds<T::Number>) => check);
site_entry!(range_min [M, T: NumberInput<M> + ?Sized] (value: &T, min: T::Number) => check_min);
site_entry!(range_max [M, T: NumberInput<M> + ?Sized] (value: &T, max: T::Number) => check_max);
site_entry!(range_between [M, T: NumberInput<M> + ?Sized] (value: &T, min: T::Number, max: T::Number) => check_between);

/// The derive's entry: reports a failed `range` rule at `at`.
#[doc(hidden)]
pub fn check<M, T: NumberInput<M> + ?Sized>(
    value: &T,
    bounds: &Bounds<T::Number>,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
) {
    check_bounds(value, move || *bounds, at, errors, site);
}

// The usual rules, `range(min = ..)`, `range(max = ..)` and both, have entries of their
// own that take the bounds by value. Given as `&Bounds { .. }`, each call's bounds were
// a constant the compiler promoted, a body of its own in the user's crate: a fifth of
// what the derive's output of a `range` cost it to check (see README). A number passed
// by value is no such body, and sits in a register. Each entry is out of line, as
// `check` is: inlined into a recursive type's `validate_at`, what it keeps was in every
// level's frame (a chain of `range` rules validated 21,790 levels deep on a 2 MiB
// thread instead of 32,686; `tests/tests/stack_depth.rs`).

/// The derive's entry for `range(min = ..)`.
#[doc(hidden)]
#[inline(never)]
pub fn check_min<M, T: NumberInput<M> + ?Sized>(
    value: &T,
    min: T::Number,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
) {
    check_bounds(value, move || Bounds { min: Some(min), ..Bounds::NONE }, at, errors, site);
}

/// The derive's entry for `range(max = ..)`.
#[doc(hidden)]
#[inline(never)]
pub fn check_max<M, T: NumberInput<M> + ?Sized>(
    value: &T,
    max: T::Number,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
) {
    check_bounds(value, move || Bounds { max: Some(max), ..Bounds::NONE }, at, errors, site);
}

/// The derive's entry for `range(min = .., max = ..)`.
#[doc(hidden)]
#[inline(never)]
pub fn check_between<M, T: NumberInput<M> + ?Sized>(
    value: &T,
    min: T::Number,
    max: T::Number,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
) {
    check_bounds(value, move || Bounds { min: Some(min), max: Some(max), ..Bounds::NONE }, at, errors, site);
}

/// The entries' one body. The bounds are made by `bounds`, which keeps only what the
/// call was given: the bounds' address, or the numbers themselves. That is all a
/// failure's closure holds. (Holding both bounds as options, four words, cost the
/// invalid ModelBuild 0.8 ns.)
#[inline(always)]
fn check_bounds<M, T: NumberInput<M> + ?Sized>(
    value: &T,
    bounds: impl Fn() -> Bounds<T::Number> + Copy,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
) {
    if let Some(number) = value.number() {
        if !is_in_range(number, &bounds()) {
            report(at, errors, site, 0, move || Failure { code: "range", params: move || params(&bounds()), message: move || message(&bounds()) });
        }
    }
}

/// Writes the rule into a JSON Schema (feature `schemars`): each bound given as
/// `minimum`, `maximum`, `exclusiveMinimum` or `exclusiveMaximum`, keeping a tighter
/// one the type already states (`u8`'s `maximum: 255`). A bound beyond 64 bits is
/// written as the nearest float.
///
/// ```
/// use modelbuild::rules::Bounds;
/// use modelbuild::ParamValue;
///
/// let mut schema = schemars::json_schema!({"type": "integer", "minimum": 0, "maximum": 255});
/// let bounds = Bounds { min: Some(ParamValue::Int(1)), max: Some(ParamValue::Int(1000)), exclusive_min: None, exclusive_max: None };
/// modelbuild::rules::range::json_schema(&mut schema, &bounds);
/// assert_eq!(schema.get("minimum").unwrap(), 1);
/// assert_eq!(schema.get("maximum").unwrap(), 255);
/// ```
#[cfg(feature = "schemars")]
pub fn json_schema(schema: &mut crate::schema::Schema, bounds: &Bounds<ParamValue>) {
    use crate::schema::{set_bound, Bound};
    let keys = [
        (&bounds.min, "minimum", Bound::Lower),
        (&bounds.max, "maximum", Bound::Upper),
        (&bounds.exclusive_min, "exclusiveMinimum", Bound::Lower),
        (&bounds.exclusive_max, "exclusiveMaximum", Bound::Upper),
    ];
    for (bound, key, direction) in keys {
        if let Some(number) = bound.as_ref().and_then(crate::schema::number) {
            set_bound(schema, key, direction, number);
        }
    }
}
