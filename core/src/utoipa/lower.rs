//! A schema with the rules in it, reshaped so that utoipa's schema model holds every
//! keyword: that model is OpenAPI's usual shapes (an object schema, an array schema,
//! and `allOf`, `anyOf`, `oneOf` standing alone), where JSON Schema lets any keywords
//! sit together. Each reshaping states the same constraint:
//!
//! - a composition beside other keywords becomes one `allOf` whose first member holds
//!   those keywords (`{type, pattern, allOf: [B]}` is `{allOf: [{type, pattern}, B]}`);
//! - a member with no `type` takes the type of the schema it sits in, which holds
//!   anyway (`{type: string, allOf: [{pattern}]}` is `{allOf: [{type: string}, {type:
//!   string, pattern}]}`);
//! - `does_not_contain`'s `not: {type: string, pattern: P}` (utoipa has no `not`)
//!   becomes the pattern `^(?![\s\S]*(?:P))`, which ECMA-262 regexes read.

use serde_json::{Map, Value};

const COMPOSITIONS: [&str; 3] = ["allOf", "anyOf", "oneOf"];

/// What utoipa's `allOf`, `anyOf` and `oneOf` schemas hold beside their list.
fn composition_may_hold(key: &str) -> bool {
    matches!(
        key,
        "title" | "description" | "default" | "example" | "examples" | "discriminator"
    ) || key.starts_with("x-")
}

/// Reshapes `schema` and every schema inside it.
pub(super) fn lower(schema: &mut Value) {
    lower_within(schema, None);
}

fn lower_within(schema: &mut Value, outer_type: Option<&Value>) {
    let Value::Object(object) = schema else {
        return;
    };
    if is_bare(object) {
        if let Some(ty) = outer_type {
            object.insert("type".into(), ty.clone());
        }
    }
    negation_as_pattern(object);
    // What a member of a composition inherits: this schema's type, or what it inherited.
    let own_type = object.get("type").or(outer_type).cloned();
    for (key, child) in object.iter_mut() {
        match key.as_str() {
            "properties" => {
                if let Value::Object(properties) = child {
                    properties
                        .values_mut()
                        .for_each(|property| lower_within(property, None));
                }
            }
            "items" | "additionalProperties" | "propertyNames" => lower_within(child, None),
            "prefixItems" => each_member(child, None),
            key if COMPOSITIONS.contains(&key) => each_member(child, own_type.as_ref()),
            _ => {}
        }
    }
    compositions_alone(object);
}

fn each_member(list: &mut Value, outer_type: Option<&Value>) {
    if let Value::Array(members) = list {
        members
            .iter_mut()
            .for_each(|member| lower_within(member, outer_type));
    }
}

/// A schema of keywords alone: no type, no reference, no composition.
fn is_bare(object: &Map<String, Value>) -> bool {
    !object.contains_key("type")
        && !object.contains_key("$ref")
        && !COMPOSITIONS.iter().any(|key| object.contains_key(*key))
}

/// `not: {type: string, pattern: P}`, as `does_not_contain` writes it into `allOf`,
/// as a pattern of the member itself.
fn negation_as_pattern(object: &mut Map<String, Value>) {
    let pattern = match object.get("not") {
        Some(Value::Object(not)) if not.len() == 2 && not.get("type") == Some(&Value::from("string")) => {
            match not.get("pattern") {
                Some(Value::String(pattern)) => pattern.clone(),
                _ => return,
            }
        }
        _ => return,
    };
    if object.contains_key("pattern") {
        return;
    }
    object.remove("not");
    object.insert(
        "pattern".into(),
        Value::from(format!(r"^(?![\s\S]*(?:{pattern}))")),
    );
}

/// One `allOf` in place of compositions beside other keywords, or beside each other.
fn compositions_alone(object: &mut Map<String, Value>) {
    let lists: Vec<&str> = COMPOSITIONS
        .into_iter()
        .filter(|key| object.contains_key(*key))
        .collect();
    let others = object
        .keys()
        .any(|key| !COMPOSITIONS.contains(&key.as_str()) && !composition_may_hold(key));
    let alone = lists.is_empty() || (lists.len() == 1 && !others);
    if alone {
        return;
    }
    let mut all = Vec::new();
    let mut rest = Map::new();
    for (key, value) in std::mem::take(object) {
        match key.as_str() {
            "allOf" => match value {
                Value::Array(members) => all.extend(members),
                other => all.push(other),
            },
            "anyOf" | "oneOf" => all.push(Value::Object(Map::from_iter([(key, value)]))),
            _ if composition_may_hold(&key) => {
                object.insert(key, value);
            }
            _ => {
                rest.insert(key, value);
            }
        }
    }
    if !rest.is_empty() {
        all.insert(0, Value::Object(rest));
    }
    object.insert("allOf".into(), Value::Array(all));
}

/// Whether two documents are the same JSON, numbers compared by value (`1.0` is `1`),
/// as utoipa writes a whole float without its fraction.
pub(super) fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(a), Value::Number(b)) => a == b || a.as_f64() == b.as_f64(),
        (Value::Array(a), Value::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b)),
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(key, a)| b.get(key).is_some_and(|b| same(a, b)))
        }
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn lowered(mut schema: Value) -> Value {
        lower(&mut schema);
        schema
    }

    #[test]
    fn keywords_beside_a_composition_become_its_first_member() {
        let schema = json!({"type": "string", "pattern": "^a", "description": "d",
            "allOf": [{"pattern": "b$"}, {"anyOf": [{"format": "ipv4"}, {"format": "ipv6"}]}]});
        assert_eq!(
            lowered(schema),
            json!({"description": "d", "allOf": [
                {"type": "string", "pattern": "^a"},
                {"type": "string", "pattern": "b$"},
                {"anyOf": [{"type": "string", "format": "ipv4"}, {"type": "string", "format": "ipv6"}]},
            ]})
        );
    }

    #[test]
    fn a_composition_alone_stays() {
        let schema =
            json!({"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/A"}], "description": "d"});
        assert_eq!(lowered(schema.clone()), schema);
    }

    #[test]
    fn a_negated_pattern_becomes_a_lookahead() {
        let schema = json!({"type": "string", "allOf": [{"not": {"type": "string", "pattern": "\\.\\."}}]});
        assert_eq!(
            lowered(schema),
            json!({"allOf": [{"type": "string"}, {"type": "string", "pattern": "^(?![\\s\\S]*(?:\\.\\.))"}]})
        );
    }

    #[test]
    fn numbers_are_the_same_by_value() {
        assert!(same(&json!({"a": [1.0]}), &json!({"a": [1]})));
        assert!(!same(&json!({"a": 1}), &json!({"a": 2})));
        assert!(!same(&json!({"a": 1}), &json!({"a": 1, "b": 1})));
    }
}
