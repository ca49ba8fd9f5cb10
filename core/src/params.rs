//! [`Params`]: the arguments of a broken rule, as typed values, for messages and
//! translations.

use std::borrow::Cow;
use std::fmt::{self, Write as _};
use std::hash::{Hash, Hasher};

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

/// The value of one rule parameter: `max = 64` is `Int(64)`, `prefix = "UG"` is
/// `Str("UG")`, `schemes = ["https"]` is `List(["https"])`.
///
/// Serialized as the plain JSON value; displayed as a message shows it (a float in
/// its shorter form, a list joined with `, `).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ParamValue {
    /// A whole number: every integer literal fits, except a `u128` above `i128::MAX`.
    Int(i128),
    /// A whole number above `i128::MAX`.
    UInt(u128),
    /// A floating-point number.
    Float(f64),
    /// A yes or no.
    Bool(bool),
    /// Text: a prefix, a pattern, a unit, a field name.
    Str(Cow<'static, str>),
    /// A list of texts, such as the schemes a `uri` allows.
    List(Cow<'static, [Cow<'static, str>]>),
}

impl ParamValue {
    /// The value as an integer, when it is one that fits an `i128`.
    pub fn as_int(&self) -> Option<i128> {
        match self {
            ParamValue::Int(n) => Some(*n),
            _ => None,
        }
    }

    /// The value as text, when it is text.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            ParamValue::Str(text) => Some(text),
            _ => None,
        }
    }
}

/// Equal when of the same kind and the same value; floats compare by their bits, so
/// that equality is an equivalence (`NaN` equals itself) and `Eq` and `Hash` hold.
impl PartialEq for ParamValue {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (ParamValue::Int(a), ParamValue::Int(b)) => a == b,
            (ParamValue::UInt(a), ParamValue::UInt(b)) => a == b,
            (ParamValue::Float(a), ParamValue::Float(b)) => a.to_bits() == b.to_bits(),
            (ParamValue::Bool(a), ParamValue::Bool(b)) => a == b,
            (ParamValue::Str(a), ParamValue::Str(b)) => a == b,
            (ParamValue::List(a), ParamValue::List(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for ParamValue {}

impl Hash for ParamValue {
    fn hash<H: Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        match self {
            ParamValue::Int(n) => n.hash(state),
            ParamValue::UInt(n) => n.hash(state),
            ParamValue::Float(x) => x.to_bits().hash(state),
            ParamValue::Bool(b) => b.hash(state),
            ParamValue::Str(text) => text.hash(state),
            ParamValue::List(items) => items.hash(state),
        }
    }
}

impl fmt::Display for ParamValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamValue::Int(n) => write!(f, "{n}"),
            ParamValue::UInt(n) => write!(f, "{n}"),
            ParamValue::Float(x) => f.write_str(&short_float(*x)),
            ParamValue::Bool(b) => write!(f, "{b}"),
            ParamValue::Str(text) => f.write_str(text),
            ParamValue::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(item)?;
                }
                Ok(())
            }
        }
    }
}

/// A float as people write it: `10000`, `0.5`, `1.5`; in exponent form only when very
/// large or very small (`1e21`, `1e-7`), where JSON's and JavaScript's numbers switch
/// to it too. Never `1e4` for ten thousand.
pub(crate) fn short_float(x: f64) -> String {
    let magnitude = x.abs();
    if magnitude.is_finite() && magnitude != 0.0 && !(1e-6..1e21).contains(&magnitude) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

impl Serialize for ParamValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ParamValue::Int(n) => match i64::try_from(*n) {
                // Most serializers take 64 bits; wider numbers only where they must.
                Ok(n) => serializer.serialize_i64(n),
                Err(_) => serializer.serialize_i128(*n),
            },
            ParamValue::UInt(n) => match u64::try_from(*n) {
                Ok(n) => serializer.serialize_u64(n),
                Err(_) => serializer.serialize_u128(*n),
            },
            ParamValue::Float(x) => serializer.serialize_f64(*x),
            ParamValue::Bool(b) => serializer.serialize_bool(*b),
            ParamValue::Str(text) => serializer.serialize_str(text),
            ParamValue::List(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items.iter() {
                    seq.serialize_element(&**item)?;
                }
                seq.end()
            }
        }
    }
}

macro_rules! from_signed {
    ($($ty:ty)*) => {$(
        impl From<$ty> for ParamValue {
            fn from(n: $ty) -> Self {
                ParamValue::Int(i128::from(n))
            }
        }
    )*};
}

from_signed!(i8 i16 i32 i64 i128 u8 u16 u32 u64);

impl From<isize> for ParamValue {
    fn from(n: isize) -> Self {
        // isize is at most 64 bits on every target Rust supports.
        ParamValue::Int(n as i128)
    }
}

impl From<usize> for ParamValue {
    fn from(n: usize) -> Self {
        ParamValue::Int(n as i128)
    }
}

impl From<u128> for ParamValue {
    fn from(n: u128) -> Self {
        match i128::try_from(n) {
            Ok(n) => ParamValue::Int(n),
            Err(_) => ParamValue::UInt(n),
        }
    }
}

impl From<f64> for ParamValue {
    fn from(x: f64) -> Self {
        ParamValue::Float(x)
    }
}

impl From<f32> for ParamValue {
    fn from(x: f32) -> Self {
        // Through the shortest decimal that reads back as this f32, so 0.1f32 is
        // 0.1 and not 0.10000000149011612.
        ParamValue::Float(x.to_string().parse().unwrap_or(f64::from(x)))
    }
}

impl From<bool> for ParamValue {
    fn from(b: bool) -> Self {
        ParamValue::Bool(b)
    }
}

impl From<&'static str> for ParamValue {
    fn from(text: &'static str) -> Self {
        ParamValue::Str(Cow::Borrowed(text))
    }
}

impl From<String> for ParamValue {
    fn from(text: String) -> Self {
        ParamValue::Str(Cow::Owned(text))
    }
}

impl From<Cow<'static, str>> for ParamValue {
    fn from(text: Cow<'static, str>) -> Self {
        ParamValue::Str(text)
    }
}

impl From<&'static [Cow<'static, str>]> for ParamValue {
    fn from(items: &'static [Cow<'static, str>]) -> Self {
        ParamValue::List(Cow::Borrowed(items))
    }
}

impl From<Vec<String>> for ParamValue {
    fn from(items: Vec<String>) -> Self {
        ParamValue::List(Cow::Owned(items.into_iter().map(Cow::Owned).collect()))
    }
}

/// The built-in rules have at most three parameters (`length`: `min`, `max`, `unit`),
/// which are kept in place; only more than that (from a `custom` rule) allocates.
const INLINE: usize = 3;

/// The parameters of one broken rule, in the order the rule gives them.
///
/// Every [`FieldError`](crate::FieldError) has them: `length` gives `min` and `max`
/// (or `equal`), as written, and `unit` (`chars`, `bytes`, `utf16`, or `items` on a
/// collection); `range` gives whichever of `min`, `max`, `exclusive_min`,
/// `exclusive_max` it has; `sid` and `prefix` give `prefix`; `uri` and `url` give
/// `schemes` when the rule names some; `pattern` gives `pattern`; `must_match` gives
/// `other`; a `custom` rule gives what its [`RuleError`](crate::RuleError) carries.
///
/// ```
/// use modelbuild::{ParamValue, Validate};
///
/// #[derive(Validate)]
/// struct Build {
///     #[validate(length(max = 4))]
///     unique_name: String,
/// }
///
/// let errors = Build { unique_name: "too long".into() }.validate().unwrap_err();
/// let params = errors.iter().next().unwrap().params();
/// assert_eq!(params.get("max"), Some(&ParamValue::Int(4)));
/// assert_eq!(params.get("unit").and_then(ParamValue::as_str), Some("chars"));
/// assert_eq!(params.render("au plus {max} caractères"), "au plus 4 caractères");
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Params {
    repr: Repr,
}

#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    Inline(u8, [(&'static str, ParamValue); INLINE]),
    Heap(Vec<(&'static str, ParamValue)>),
}

/// What fills the unused places of an inline list; never read.
const VACANT: (&str, ParamValue) = ("", ParamValue::Bool(false));

impl Default for Repr {
    fn default() -> Self {
        Repr::Inline(0, [VACANT; INLINE])
    }
}

impl Params {
    /// No parameters.
    pub const fn new() -> Self {
        Params {
            repr: Repr::Inline(0, [VACANT; INLINE]),
        }
    }

    /// These parameters and one more.
    pub fn with(mut self, name: &'static str, value: impl Into<ParamValue>) -> Self {
        self.push(name, value);
        self
    }

    /// Adds a parameter; one of the same name already there is replaced.
    pub fn push(&mut self, name: &'static str, value: impl Into<ParamValue>) {
        let value = value.into();
        if let Some(slot) = self.entries_mut().iter_mut().find(|(known, _)| *known == name) {
            slot.1 = value;
            return;
        }
        match &mut self.repr {
            Repr::Inline(len, items) if usize::from(*len) < INLINE => {
                items[usize::from(*len)] = (name, value);
                *len += 1;
            }
            Repr::Inline(_, items) => {
                let mut heap: Vec<_> = std::mem::replace(items, [VACANT; INLINE]).into();
                heap.push((name, value));
                self.repr = Repr::Heap(heap);
            }
            Repr::Heap(items) => items.push((name, value)),
        }
    }

    fn entries(&self) -> &[(&'static str, ParamValue)] {
        match &self.repr {
            Repr::Inline(len, items) => &items[..usize::from(*len)],
            Repr::Heap(items) => items,
        }
    }

    fn entries_mut(&mut self) -> &mut [(&'static str, ParamValue)] {
        match &mut self.repr {
            Repr::Inline(len, items) => &mut items[..usize::from(*len)],
            Repr::Heap(items) => items,
        }
    }

    /// The value of the parameter `name`.
    pub fn get(&self, name: &str) -> Option<&ParamValue> {
        (self.entries().iter())
            .find(|(known, _)| *known == name)
            .map(|(_, value)| value)
    }

    /// The parameters, in order, as `(name, value)`.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&'static str, &ParamValue)> {
        self.entries().iter().map(|(name, value)| (*name, value))
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.entries().len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries().is_empty()
    }

    /// `template` with each `{name}` replaced by that parameter's value; `{{` and `}}`
    /// are literal braces, and a `{name}` with no such parameter is left as written.
    ///
    /// ```
    /// use modelbuild::Params;
    ///
    /// let params = Params::new().with("min", 1).with("max", 64);
    /// assert_eq!(params.render("{min} to {max} {{chars}}"), "1 to 64 {chars}");
    /// assert_eq!(params.render("at most {maximum}"), "at most {maximum}");
    /// ```
    pub fn render(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 8);
        let mut rest = template;
        while let Some(at) = rest.find(['{', '}']) {
            out.push_str(&rest[..at]);
            let tail = &rest[at..];
            if tail.starts_with("{{") || tail.starts_with("}}") {
                out.push_str(&tail[..1]);
                rest = &tail[2..];
                continue;
            }
            if tail.starts_with('{') {
                if let Some(end) = tail.find('}') {
                    let name = &tail[1..end];
                    if let Some(value) = self.get(name) {
                        // Writing to a String cannot fail.
                        let _ = write!(out, "{value}");
                        rest = &tail[end + 1..];
                        continue;
                    }
                }
            }
            out.push_str(&tail[..1]);
            rest = &tail[1..];
        }
        out.push_str(rest);
        out
    }
}

impl fmt::Debug for Params {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// A JSON object, `{"min": 1, "max": 64, "unit": "chars"}`, in the rule's order.
impl Serialize for Params {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (name, value) in self.iter() {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl<V: Into<ParamValue>> FromIterator<(&'static str, V)> for Params {
    fn from_iter<I: IntoIterator<Item = (&'static str, V)>>(iter: I) -> Self {
        let mut params = Params::new();
        for (name, value) in iter {
            params.push(name, value);
        }
        params
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_than_inline_moves_to_the_heap_in_order() {
        let params: Params = (0..5).map(|i| (["a", "b", "c", "d", "e"][i], i)).collect();
        let names: Vec<_> = params.iter().map(|(name, _)| name).collect();
        assert_eq!(names, ["a", "b", "c", "d", "e"]);
        assert_eq!(params.get("e"), Some(&ParamValue::Int(4)));
    }

    #[test]
    fn a_name_given_twice_keeps_the_last_value() {
        let params = Params::new().with("max", 1).with("max", 2);
        assert_eq!(params.len(), 1);
        assert_eq!(params.get("max"), Some(&ParamValue::Int(2)));
    }

    #[test]
    fn render_handles_braces_at_the_edges() {
        let params = Params::new().with("n", 3);
        assert_eq!(params.render("{n}"), "3");
        assert_eq!(params.render("{"), "{");
        assert_eq!(params.render("}"), "}");
        assert_eq!(params.render("{n"), "{n");
        assert_eq!(params.render("{{n}}"), "{n}");
        assert_eq!(params.render("é{n}é"), "é3é");
    }
}
