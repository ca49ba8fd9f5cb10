//! `length`: how long a string is, in a chosen unit, or how many items a collection has.
//!
//! A string passes when its length, counted in the rule's unit, lies within the bounds,
//! which are inclusive. The units are `chars`, the default: Unicode scalar values
//! (`str::chars().count()`, what Twilio means by "characters"); `bytes`: UTF-8 bytes
//! (`str::len()`); and `utf16`: UTF-16 code units (`str::encode_utf16().count()`, what
//! JavaScript's `length` says). A collection passes when its number of items (`len()`)
//! lies within the bounds. `equal = n` means exactly `n`. An absent value (`None`) passes.
//!
//! # Attribute
//!
//! | form | passes when |
//! |---|---|
//! | `length(min = 1)` | the length is at least 1 |
//! | `length(max = 64)` | the length is at most 64 |
//! | `length(min = 1, max = 64)` | the length is from 1 to 64 |
//! | `length(equal = 34)` | the length is exactly 34 |
//! | `length(max = 64, unit = "bytes")` | the same, counted in the unit: `"chars"` (the default) \| `"bytes"` \| `"utf16"` |
//! | `length(max = 64, code = "...", message = "...")` | the same, reported with its own code and message |
//!
//! - `min`, `max`, `equal`: a literal (`64`), or a constant or expression of any primitive
//!   integer type (`MAX_NAME`, `MAX_NAME * 2`; validator's are `u64`), also quoted as
//!   validator writes it (`max = "MAX_NAME"`); a negative one counts as 0
//!   ([`LengthBound`]). At least one is required: `length`
//!   and `length()` are compile errors. `equal` with `min` or `max`, a literal `min`
//!   greater than a literal `max`, and a negative literal are compile errors too; bounds
//!   that are not literals are not compared while compiling.
//! - `unit`: a string literal, `"chars"`, `"bytes"` or `"utf16"`; any other is a compile
//!   error. It applies to strings only: `unit` on a collection is a compile error.
//! - `code = "..."` replaces the error's code. `message = "..."` replaces its message; it is
//!   a template over the parameters below (`"at most {max} {unit}"`; `{{` and `}}` are
//!   braces), checked while compiling: `{min}` on a rule with no `min` is a compile error.
//!   [`Params::render`](crate::Params::render) fills it in.
//! - The rule applies to a string (a type that implements `AsRef<str>`: `String`, `&str`,
//!   `Box<str>`, `Cow<str>`, a newtype of yours) or a collection (`Vec`, slice, array,
//!   `VecDeque`, `HashMap`, `BTreeMap`, `HashSet`, `BTreeSet`, `Box<[T]>`, `Rc<[T]>`,
//!   `Arc<[T]>`, `Cow<[T]>` and references to them), or an `Option`, `Box`, `Rc` or `Arc`
//!   of one ([`LengthInput`], which a type of yours may
//!   implement). On a field whose type is plainly neither (a number, `bool`, `char`) the
//!   rule is a compile error at its name; any other such type fails to compile with "`T`
//!   has no length to check".
//! - As for every rule, an unknown key (with a suggestion), a key given twice and `length`
//!   twice on one field are compile errors.
//!
//! # Error
//!
//! | code | params | default message |
//! |---|---|---|
//! | `"length"` | `min` and `max` (those given) or `equal`: integers; then `unit`: `"chars"`, `"bytes"`, `"utf16"`, or `"items"` on a collection | see below |
//!
//! The default message names the bounds and the unit, in the singular for 1:
//!
//! - on a string: `must be at least 1 character long`, `must be at most 64 characters long`,
//!   `must be between 1 and 64 characters long`, `must be exactly 34 characters long` (for
//!   `equal`, or `min` equal to `max`); in the other units, `bytes` and `UTF-16 code units`
//!   (`must be at most 1 UTF-16 code unit long`);
//! - on a collection: `must have at least 1 item`, `must have at most 3 items`,
//!   `must have between 1 and 2 items`, `must have exactly 1 item`.
//!
//! In a template, `{unit}` is the parameter (`chars`, `items`), not the word of the default
//! message. A generic field that is a string in one use and a collection in another gets
//! the right unit in each.
//!
//! # Example
//!
//! ```
//! use modelbuild::Validate;
//! use serde_json::json;
//!
//! #[derive(Validate)]
//! struct Build {
//!     #[validate(length(min = 1, max = 64))]
//!     unique_name: String,
//!     #[validate(length(equal = 34))]
//!     sid: Option<String>,
//!     #[validate(length(max = 8, unit = "bytes"))]
//!     tag: String,
//!     #[validate(length(min = 1, message = "give at least {min} step"))]
//!     steps: Vec<u32>,
//! }
//!
//! let build = Build {
//!     unique_name: "x".repeat(65),
//!     sid: Some("UG123".into()),
//!     tag: "bücherei".into(), // 8 characters, 9 bytes
//!     steps: vec![],
//! };
//! let errors = build.validate().unwrap_err();
//! let found: Vec<(String, &str, &str)> =
//!     errors.iter().map(|e| (e.path().to_string(), e.code(), e.message())).collect();
//! assert_eq!(found, [
//!     ("unique_name".to_string(), "length", "must be between 1 and 64 characters long"),
//!     ("sid".to_string(), "length", "must be exactly 34 characters long"),
//!     ("tag".to_string(), "length", "must be at most 8 bytes long"),
//!     ("steps".to_string(), "length", "give at least 1 step"),
//! ]);
//! let params: Vec<_> = errors.iter().map(|e| serde_json::to_value(e.params()).unwrap()).collect();
//! assert_eq!(params, [
//!     json!({"min": 1, "max": 64, "unit": "chars"}),
//!     json!({"equal": 34, "unit": "chars"}),
//!     json!({"max": 8, "unit": "bytes"}),
//!     json!({"min": 1, "unit": "items"}),
//! ]);
//! ```
//!
//! # JSON Schema
//!
//! With the `schemars` feature, a length in characters becomes `minLength`/`maxLength`
//! (JSON Schema counts Unicode scalar values too), a collection's `minItems`/`maxItems`
//! and a map's `minProperties`/`maxProperties`; `equal` sets both bounds. No standard
//! keyword counts bytes or UTF-16 units, so those become the extension
//! `x-length: {unit, min, max}` alone (this module's `json_schema`).
//!
//! The predicates are [`has_length`] (a string, in a [`LengthUnit`]) and
//! [`is_count_within`] (a count), and the default message [`message`].

use crate::params::Params;
use crate::__private::{report, Site, Failure};
use crate::rules::input::{LengthInput, Measured, StrInput};
use crate::{PathNode, ValidationErrors};

/// What a string's length is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LengthUnit {
    /// Unicode scalar values, `str::chars().count()`: the default, and what Twilio
    /// means by "characters".
    Chars,
    /// UTF-8 bytes, `str::len()`.
    Bytes,
    /// UTF-16 code units, `str::encode_utf16().count()`: what JavaScript's `length` says.
    Utf16,
}

impl LengthUnit {
    /// The unit's name, singular or plural for `count`, as messages use it.
    pub fn noun(self, count: usize) -> &'static str {
        match (self, count) {
            (LengthUnit::Chars, 1) => "character",
            (LengthUnit::Chars, _) => "characters",
            (LengthUnit::Bytes, 1) => "byte",
            (LengthUnit::Bytes, _) => "bytes",
            (LengthUnit::Utf16, 1) => "UTF-16 code unit",
            (LengthUnit::Utf16, _) => "UTF-16 code units",
        }
    }

    /// The length of `value` in this unit.
    pub fn measure(self, value: &str) -> usize {
        match self {
            LengthUnit::Chars => value.chars().count(),
            LengthUnit::Bytes => value.len(),
            LengthUnit::Utf16 => utf16_len(value),
        }
    }

    /// The fewest units a string of `bytes` UTF-8 bytes can have: 4 bytes make one
    /// char, and 3 bytes make one UTF-16 unit (4 bytes make two).
    fn lower_bound(self, bytes: usize) -> usize {
        match self {
            LengthUnit::Chars => bytes.div_ceil(4),
            LengthUnit::Bytes => bytes,
            LengthUnit::Utf16 => bytes.div_ceil(3),
        }
    }
}

/// `value.encode_utf16().count()` from the bytes alone: one unit for each byte that
/// starts a char (is not `0b10xx_xxxx`), and one more for each that starts a 4-byte
/// char, which UTF-16 writes as a surrogate pair. No branch per byte, and a byte
/// counter per block of 127 bytes (at most 254 units), so the compiler adds whole
/// vectors: about 0.07 ns a byte, where encoding char by char took 0.4 to 0.7 ns
/// (scaling bench).
fn utf16_len(value: &str) -> usize {
    let units = |block: &[u8]| {
        let count = block.iter().fold(0u8, |n, &b| n + u8::from((b as i8) >= -0x40) + u8::from(b >= 0xF0));
        usize::from(count)
    };
    value.as_bytes().chunks(127).map(units).sum()
}

/// A `length` bound given as a constant or an expression rather than a literal
/// (`length(max = MAX_NAME)`, or validator's quoted `length(max = "MAX_NAME")`), of any
/// primitive integer type: read as a `usize`, a negative bound as 0 and one beyond
/// `usize::MAX` as `usize::MAX` (no length is negative or beyond it).
///
/// ```
/// use modelbuild::rules::length::LengthBound;
///
/// const MAX_NAME: u64 = 64;
/// assert_eq!(MAX_NAME.to_length(), 64);
/// assert_eq!((-3i32).to_length(), 0);
/// ```
pub trait LengthBound: Copy {
    /// The bound as a count.
    fn to_length(self) -> usize;
}

macro_rules! length_bounds {
    ($($ty:ty),*) => {$(
        impl LengthBound for $ty {
            #[inline]
            fn to_length(self) -> usize {
                #[allow(unused_comparisons)] // unsigned types are never negative
                let negative = self < 0;
                match usize::try_from(self) {
                    Ok(count) => count,
                    Err(_) if negative => 0,
                    Err(_) => usize::MAX,
                }
            }
        }
    )*};
}

length_bounds!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize);

/// Whether `count` lies within the inclusive bounds.
pub fn is_count_within(count: usize, min: Option<usize>, max: Option<usize>) -> bool {
    min.is_none_or(|min| count >= min) && max.is_none_or(|max| count <= max)
}

/// Whether the length of `value`, counted in `unit`, lies within the inclusive bounds.
///
/// The byte length bounds every unit's count from both sides, so most values are
/// decided without counting characters at all.
///
/// ```
/// use modelbuild::rules::{has_length, LengthUnit};
///
/// assert!(has_length("héllo", LengthUnit::Chars, None, Some(5)));
/// assert!(!has_length("héllo", LengthUnit::Bytes, None, Some(5)));  // 6 bytes
/// assert!(has_length("😀", LengthUnit::Utf16, Some(2), Some(2)));   // a surrogate pair
/// ```
// Inline, so that a constant unit and bounds fold into the caller in every crate, not
// only in this one: a user's derive and a hand-written check get the same code as
// ModelBuild's.
#[inline]
pub fn has_length(value: &str, unit: LengthUnit, min: Option<usize>, max: Option<usize>) -> bool {
    let (low, high) = (unit.lower_bound(value.len()), value.len());
    if is_count_within(low, min, None) && is_count_within(high, None, max) {
        return true;
    }
    if !is_count_within(high, min, None) || !is_count_within(low, None, max) {
        return false;
    }
    is_count_within(unit.measure(value), min, max)
}

/// What a `length` rule counts: a string's units, or a collection's items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// A string, in this unit.
    Text(LengthUnit),
    /// A collection's items.
    Items,
}

/// The message of a failed `length` rule.
///
/// ```
/// use modelbuild::rules::length::{message, Counted};
/// use modelbuild::rules::LengthUnit;
///
/// assert_eq!(message(Counted::Text(LengthUnit::Chars), None, Some(64)), "must be at most 64 characters long");
/// assert_eq!(message(Counted::Items, Some(1), None), "must have at least 1 item");
/// assert_eq!(message(Counted::Text(LengthUnit::Bytes), Some(1), Some(1)), "must be exactly 1 byte long");
/// ```
pub fn message(counted: Counted, min: Option<usize>, max: Option<usize>) -> String {
    let (verb, tail) = match counted {
        Counted::Text(_) => ("be", " long"),
        Counted::Items => ("have", ""),
    };
    let noun = |count: usize| match counted {
        Counted::Text(unit) => unit.noun(count),
        Counted::Items if count == 1 => "item",
        Counted::Items => "items",
    };
    match (min, max) {
        (Some(min), Some(max)) if min == max => format!("must {verb} exactly {min} {}{tail}", noun(min)),
        (Some(min), Some(max)) => format!("must {verb} between {min} and {max} {}{tail}", noun(max)),
        (Some(min), None) => format!("must {verb} at least {min} {}{tail}", noun(min)),
        (None, Some(max)) => format!("must {verb} at most {max} {}{tail}", noun(max)),
        (None, None) => format!("must {verb} a length within bounds, in {}", noun(2)),
    }
}

/// The bounds of a `length` rule; `unit` is `None` when the attribute gave none, which
/// lets the rule apply to collections too.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct LengthRule {
    pub min: Option<usize>,
    pub max: Option<usize>,
    /// Whether the attribute said `equal` (then `min` and `max` are both that).
    pub equal: bool,
    pub unit: Option<LengthUnit>,
}

impl LengthRule {
    /// No bound and no unit: the derive writes `LengthRule { max: Some(64), ..NONE }`,
    /// naming only what the attribute gave.
    pub const NONE: LengthRule = LengthRule {
        min: None,
        max: None,
        equal: false,
        unit: None,
    };
}

impl LengthUnit {
    /// The unit's name as `unit = "..."` writes it, and as the `unit` parameter gives it.
    pub fn name(self) -> &'static str {
        match self {
            LengthUnit::Chars => "chars",
            LengthUnit::Bytes => "bytes",
            LengthUnit::Utf16 => "utf16",
        }
    }
}

/// The parameters of a failed `length` rule: `equal`, or whichever of `min` and `max`
/// it has; then `unit`, which is `items` on a collection.
fn params(rule: LengthRule, counted: Counted) -> Params {
    let mut params = Params::new();
    match (rule.equal, rule.min) {
        (true, Some(equal)) => params.push("equal", equal),
        _ => {
            if let Some(min) = rule.min {
                params.push("min", min);
            }
            if let Some(max) = rule.max {
                params.push("max", max);
            }
        }
    }
    let unit = match counted {
        Counted::Text(unit) => unit.name(),
        Counted::Items => "items",
    };
    params.with("unit", unit)
}

site_entry!(length [M, T: LengthInput<M> + ?Sized] (value: &T, rule: &LengthRule) => check);
site_entry!(length_min [M, T: LengthInput<M> + ?Sized] (value: &T, min: usize) => check_min);
site_entry!(length_max [M, T: LengthInput<M> + ?Sized] (value: &T, max: usize) => check_max);
site_entry!(length_between [M, T: LengthInput<M> + ?Sized] (value: &T, min: usize, max: usize) => check_between);

/// The derive's entry: reports a failed `length` rule at `at`.
#[doc(hidden)]
// Inline: the derive passes the rule as a constant, which then folds into the count
// (an invalid ModelBuild: 37.3 ns against 41.0 out of line). The price is stack: in a
// recursive type, each level's frame holds the inlined check and report, 80 bytes
// against 64 (`tests/tests/stack_depth.rs`). `range`'s entry gained nothing inlined
// and is not.
#[inline]
pub fn check<M, T: LengthInput<M> + ?Sized>(
    value: &T,
    rule: &LengthRule,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
) {
    check_rule(value, move || *rule, at, errors, site);
}

// The usual rules, `length(min = ..)`, `length(max = ..)` and both, in characters, have
// entries of their own that take the bounds by value: given as `&LengthRule { .. }`,
// each call's rule was a constant the compiler promoted, a body of its own in the
// user's crate (see `range`'s). What a failure keeps is the bound itself, a word, as
// `check` keeps its rule's address.

/// The derive's entry for `length(min = ..)`.
#[doc(hidden)]
#[inline]
pub fn check_min<M, T: LengthInput<M> + ?Sized>(
    value: &T,
    min: usize,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
) {
    let rule = move || LengthRule { min: Some(min), ..LengthRule::NONE };
    check_rule(value, rule, at, errors, site);
}

/// The derive's entry for `length(max = ..)`.
#[doc(hidden)]
#[inline]
pub fn check_max<M, T: LengthInput<M> + ?Sized>(
    value: &T,
    max: usize,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
) {
    let rule = move || LengthRule { max: Some(max), ..LengthRule::NONE };
    check_rule(value, rule, at, errors, site);
}

/// The derive's entry for `length(min = .., max = ..)`.
#[doc(hidden)]
#[inline]
pub fn check_between<M, T: LengthInput<M> + ?Sized>(
    value: &T,
    min: usize,
    max: usize,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
) {
    let rule = move || LengthRule { min: Some(min), max: Some(max), ..LengthRule::NONE };
    check_rule(value, rule, at, errors, site);
}

/// The entries' one body. The rule is made by `rule`, which keeps only what the call
/// was given: the rule's address, or a bound. That is all a failure's closure holds.
#[inline(always)]
fn check_rule<M, T: LengthInput<M> + ?Sized>(
    value: &T,
    rule: impl Fn() -> LengthRule + Copy,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
) {
    let LengthRule { min, max, unit, .. } = rule();
    let (valid, counted, slot) = match value.measured() {
        None => return,
        Some(Measured::Text(text)) => {
            let unit = unit.unwrap_or(LengthUnit::Chars);
            (has_length(text, unit, min, max), Counted::Text(unit), 0)
        }
        Some(Measured::Items(count)) => (is_count_within(count, min, max), Counted::Items, 1),
    };
    if !valid {
        let failure = move || Failure { code: "length", params: move || params(rule(), counted), message: move || message(counted, rule().min, rule().max) };
        report(at, errors, site, slot, failure);
    }
}

/// Makes `length(unit = ...)` a compile error on a collection, where a unit means nothing.
#[doc(hidden)]
pub fn assert_text<M, T: StrInput<M> + ?Sized>(_value: &T) {}

/// Writes the rule into a JSON Schema (feature `schemars`). In characters (the
/// default), `minLength`/`maxLength`: JSON Schema counts Unicode scalar values too. On a
/// collection, `minItems`/`maxItems`, or `minProperties`/`maxProperties` for a map;
/// when the schema names no type (a `$ref`), every pair, each of which binds only its
/// own type. No standard keyword counts bytes or UTF-16 units, so those become the
/// extension `x-length: {unit, min, max}`, and whatever schemars wrote in their place
/// (it reads `length` as characters) is removed.
///
/// ```
/// use modelbuild::rules::LengthUnit;
///
/// let mut schema = schemars::json_schema!({"type": "string", "maxLength": 64});
/// modelbuild::rules::length::json_schema(&mut schema, Some(LengthUnit::Bytes), None, Some(64));
/// assert_eq!(schema.get("maxLength"), None);
/// assert_eq!(schema.get("x-length").unwrap(), &serde_json::json!({"unit": "bytes", "max": 64}));
/// ```
#[cfg(feature = "schemars")]
pub fn json_schema(
    schema: &mut crate::schema::Schema,
    unit: Option<LengthUnit>,
    min: Option<usize>,
    max: Option<usize>,
) {
    use crate::schema::{has_type, set_bound, Bound};
    use serde_json::Value;
    const PAIRS: [(&str, &str, &str); 3] = [
        ("string", "minLength", "maxLength"),
        ("array", "minItems", "maxItems"),
        ("object", "minProperties", "maxProperties"),
    ];
    match unit {
        None | Some(LengthUnit::Chars) => {
            let typed = PAIRS.iter().any(|(ty, ..)| has_type(schema, ty));
            for (ty, lower, upper) in PAIRS {
                let fits = if typed { has_type(schema, ty) } else { unit.is_none() || ty == "string" };
                if !fits {
                    continue;
                }
                if let Some(min) = min {
                    set_bound(schema, lower, Bound::Lower, min.into());
                }
                if let Some(max) = max {
                    set_bound(schema, upper, Bound::Upper, max.into());
                }
            }
        }
        Some(unit) => {
            for (key, bound) in [("minLength", min), ("maxLength", max)] {
                if let Some(bound) = bound {
                    if schema.get(key) == Some(&Value::from(bound)) {
                        schema.remove(key);
                    }
                }
            }
            let mut extension = serde_json::Map::new();
            extension.insert("unit".into(), unit.name().into());
            if let Some(min) = min {
                extension.insert("min".into(), min.into());
            }
            if let Some(max) = max {
                extension.insert("max".into(), max.into());
            }
            schema.insert("x-length".into(), Value::Object(extension));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::utf16_len;

    #[test]
    fn utf16_len_counts_as_encode_utf16_across_block_edges() {
        // Chars of one to four bytes, in runs long enough to cross the 127-byte blocks
        // at every offset, and a block made only of surrogate pairs.
        for piece in ["a", "é", "€", "😀", "a😀", "é€😀"] {
            for repeat in [0, 1, 31, 42, 63, 64, 127, 128, 300] {
                let text = piece.repeat(repeat);
                assert_eq!(utf16_len(&text), text.encode_utf16().count(), "{piece:?} x {repeat}");
                let shifted = format!("ab{text}c");
                assert_eq!(utf16_len(&shifted), shifted.encode_utf16().count(), "{piece:?} x {repeat}, shifted");
            }
        }
    }
}
