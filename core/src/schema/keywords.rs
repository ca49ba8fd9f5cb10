//! Writing keywords into a schema so that several rules, and what the type already
//! states, add up: bounds keep the tighter value, and a second `pattern` or `format`
//! goes into `allOf`, since a schema object holds one of each.

use std::cmp::Ordering;

use schemars::Schema;
use serde_json::{Number, Value};

use crate::params::ParamValue;

/// Whether the schema's `type` is or includes `ty`.
pub(crate) fn has_type(schema: &Schema, ty: &str) -> bool {
    match schema.get("type") {
        Some(Value::String(one)) => one == ty,
        Some(Value::Array(many)) => many.iter().any(|t| t == ty),
        _ => false,
    }
}

/// Which way a bound limits: a lower bound keeps the larger of two values.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bound {
    Lower,
    Upper,
}

/// Sets the bound `key` to `value`, or keeps the one there when it is tighter.
pub(crate) fn set_bound(schema: &mut Schema, key: &str, direction: Bound, value: Number) {
    let keep = match schema.get(key).and_then(Value::as_number) {
        Some(existing) => {
            let order = compare(existing, &value);
            match direction {
                Bound::Lower => order != Some(Ordering::Less),
                Bound::Upper => order != Some(Ordering::Greater),
            }
        }
        None => false,
    };
    if !keep {
        schema.insert(key.to_owned(), Value::Number(value));
    }
}

/// Integers exactly, anything with a fraction as `f64`.
fn compare(a: &Number, b: &Number) -> Option<Ordering> {
    fn integer(n: &Number) -> Option<i128> {
        n.as_i64().map(i128::from).or_else(|| n.as_u64().map(i128::from))
    }
    match (integer(a), integer(b)) {
        (Some(a), Some(b)) => Some(a.cmp(&b)),
        _ => a.as_f64()?.partial_cmp(&b.as_f64()?),
    }
}

/// A rule's bound as a JSON number: exact when it fits 64 bits, else the nearest `f64`.
/// `None` for what is not a finite number, which JSON cannot hold.
pub(crate) fn number(value: &ParamValue) -> Option<Number> {
    match *value {
        ParamValue::Int(n) => i64::try_from(n)
            .map(Number::from)
            .ok()
            .or_else(|| Number::from_f64(n as f64)),
        ParamValue::UInt(n) => u64::try_from(n)
            .map(Number::from)
            .ok()
            .or_else(|| Number::from_f64(n as f64)),
        ParamValue::Float(n) => Number::from_f64(n),
        _ => None,
    }
}

/// Sets `pattern`, or adds it under `allOf` when another pattern is there.
pub(crate) fn add_pattern(schema: &mut Schema, pattern: String) {
    add_single(schema, "pattern", Value::String(pattern));
}

/// Sets `format`, or adds it under `allOf` when another format is there.
pub(crate) fn add_format(schema: &mut Schema, format: &str) {
    add_single(schema, "format", Value::String(format.to_owned()));
}

fn add_single(schema: &mut Schema, key: &str, value: Value) {
    match schema.get(key) {
        None => {
            schema.insert(key.to_owned(), value);
        }
        Some(existing) if *existing == value => {}
        Some(_) => {
            let mut sub = serde_json::Map::new();
            sub.insert(key.to_owned(), value);
            add_subschema(schema, Value::Object(sub));
        }
    }
}

/// Adds `sub` to the schema's `allOf`, once.
pub(crate) fn add_subschema(schema: &mut Schema, sub: Value) {
    let all_of = schema
        .ensure_object()
        .entry("allOf")
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(all_of) = all_of {
        if !all_of.contains(&sub) {
            all_of.push(sub);
        }
    }
}

/// `text` as a regex that matches it literally, in the syntax JSON Schema's `pattern`
/// uses (ECMA-262) and that the regex crate reads alike: only the syntax characters are
/// escaped, since ECMA-262's Unicode mode rejects an escaped `-` or `#`.
pub(crate) fn ecma_escape(text: &str) -> String {
    escape(text, "\\^$.*+?()[]{}|/")
}

/// `text` with a backslash before each of `special`.
fn escape(text: &str, special: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if special.contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A `pattern` that admits a URI whose scheme is one of `schemes`, in any case
/// (RFC 3986 section 3.1): `^(?:[Hh][Tt][Tt][Pp][Ss]|...):`.
pub(crate) fn scheme_pattern<S: AsRef<str>>(schemes: &[S]) -> String {
    let alternatives: Vec<String> = schemes
        .iter()
        .map(|scheme| {
            scheme
                .as_ref()
                .chars()
                .map(|c| match c {
                    c if c.is_ascii_alphabetic() => {
                        format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase())
                    }
                    c => ecma_escape(c.encode_utf8(&mut [0; 4])),
                })
                .collect()
        })
        .collect();
    format!("^(?:{}):", alternatives.join("|"))
}

/// `text` escaped as schemars escapes a `contains` pattern (the regex crate's
/// metacharacters), to recognise what it wrote for `contains(pattern = "..")`.
pub(crate) fn rust_escaped(text: &str) -> String {
    escape(text, "\\.+*?()|[]{}^$#&-~")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tighter_bound_stays() {
        let mut schema = Schema::default();
        set_bound(&mut schema, "maximum", Bound::Upper, 255.into());
        set_bound(&mut schema, "maximum", Bound::Upper, 1000.into());
        assert_eq!(schema.get("maximum"), Some(&Value::from(255)));
        set_bound(&mut schema, "minimum", Bound::Lower, 0.into());
        set_bound(
            &mut schema,
            "minimum",
            Bound::Lower,
            Number::from_f64(0.5).unwrap(),
        );
        assert_eq!(schema.get("minimum"), Some(&Value::from(0.5)));
        // u64 and i64 compared exactly.
        set_bound(&mut schema, "maximum", Bound::Upper, u64::MAX.into());
        assert_eq!(schema.get("maximum"), Some(&Value::from(255)));
    }

    #[test]
    fn a_second_pattern_goes_into_all_of() {
        let mut schema = Schema::default();
        add_pattern(&mut schema, "^a".into());
        add_pattern(&mut schema, "^a".into());
        add_pattern(&mut schema, "b$".into());
        assert_eq!(schema.get("pattern"), Some(&Value::from("^a")));
        assert_eq!(schema.get("allOf"), Some(&serde_json::json!([{"pattern": "b$"}])));
    }

    #[test]
    fn escapes_are_ecma_syntax_characters_only() {
        assert_eq!(ecma_escape("a-b#c.d/e"), "a-b#c\\.d\\/e");
        assert_eq!(rust_escaped("a-b.c"), "a\\-b\\.c");
    }

    #[test]
    fn huge_bounds_become_floats_and_nan_nothing() {
        assert_eq!(
            number(&ParamValue::UInt(u128::MAX)).and_then(|n| n.as_f64()),
            Some(u128::MAX as f64)
        );
        assert_eq!(number(&ParamValue::Int(-5)), Some(Number::from(-5)));
        assert_eq!(number(&ParamValue::Float(f64::NAN)), None);
    }
}
