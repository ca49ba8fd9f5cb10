//! Finding where a field's schema is inside the schema schemars made for its type, as
//! schemars lays out each serde representation.

use schemars::Schema;
use serde_json::Value;

/// How an enum is represented, as serde's attributes say; the derive passes it.
#[derive(Debug, Clone, Copy)]
pub enum Tagging<'a> {
    /// `{"Variant": content}`.
    External,
    /// `{"tag": "Variant", ...fields}`.
    Internal {
        /// The tag's key.
        tag: &'a str,
    },
    /// `{"tag": "Variant", "content": content}`.
    Adjacent {
        /// The tag's key.
        tag: &'a str,
        /// The content's key.
        content: &'a str,
    },
    /// The content alone; the variant is found by its position among the variants
    /// serde reads.
    Untagged {
        /// The position.
        index: usize,
    },
}

fn schema_at(value: &mut Value) -> Option<&mut Schema> {
    value.try_into().ok()
}

/// The schema of the object property `name`.
pub fn property<'s>(schema: &'s mut Schema, name: &str) -> Option<&'s mut Schema> {
    schema.get_mut("properties")?.get_mut(name).and_then(schema_at)
}

/// The schema of position `index` of a tuple.
pub fn item(schema: &mut Schema, index: usize) -> Option<&mut Schema> {
    schema.get_mut("prefixItems")?.get_mut(index).and_then(schema_at)
}

/// The schema of every element: an array's `items`, or a map's `additionalProperties`.
pub fn elements(schema: &mut Schema) -> Option<&mut Schema> {
    if schema.get("items").is_some() {
        schema.get_mut("items").and_then(schema_at)
    } else {
        schema.get_mut("additionalProperties").and_then(schema_at)
    }
}

/// The schema of every key of a map: `propertyNames`, made (`type: string`, as every
/// JSON key is) when the map has none.
pub fn keys(schema: &mut Schema) -> Option<&mut Schema> {
    if !super::has_type(schema, "object") && schema.get("additionalProperties").is_none() {
        return None;
    }
    schema
        .ensure_object()
        .entry("propertyNames")
        .or_insert_with(|| serde_json::json!({"type": "string"}));
    schema.get_mut("propertyNames").and_then(schema_at)
}

/// Lists `name` in the object's `required`, once.
pub fn require(schema: &mut Schema, name: &str) {
    let required = schema
        .ensure_object()
        .entry("required")
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(required) = required {
        if !required.iter().any(|known| known == name) {
            required.push(Value::from(name));
        }
    }
}

/// The schema of one variant's content, or `None` when the enum's schema has no such
/// variant.
pub fn variant<'s>(schema: &'s mut Schema, tagging: Tagging<'_>, name: &str) -> Option<&'s mut Schema> {
    let listed = schema.get("oneOf").is_some() || schema.get("anyOf").is_some();
    if !listed {
        // An enum of one variant may be laid out without a list: the schema is it.
        return match matches(schema.as_value(), 0, tagging, name) {
            true => content(schema, tagging, name),
            false => None,
        };
    }
    let mut options: Vec<&mut Value> = Vec::new();
    for (key, value) in schema.as_object_mut()?.iter_mut() {
        if key == "oneOf" || key == "anyOf" {
            if let Value::Array(list) = value {
                options.extend(list.iter_mut());
            }
        }
    }
    let found = options
        .into_iter()
        .enumerate()
        .find(|(index, option)| matches(option, *index, tagging, name))?;
    content(schema_at(found.1)?, tagging, name)
}

/// Whether the option at `index` is the variant `name`.
fn matches(option: &Value, index: usize, tagging: Tagging<'_>, name: &str) -> bool {
    match tagging {
        Tagging::Untagged { index: wanted } => index == wanted,
        Tagging::External => {
            option["properties"].get(name).is_some()
                && option["required"]
                    .as_array()
                    .is_some_and(|r| r.len() == 1 && r[0] == name)
        }
        Tagging::Internal { tag } | Tagging::Adjacent { tag, .. } => names(option, tag, name),
    }
}

/// Where the variant's content is in its option.
fn content<'s>(option: &'s mut Schema, tagging: Tagging<'_>, name: &str) -> Option<&'s mut Schema> {
    match tagging {
        Tagging::External => property(option, name),
        Tagging::Adjacent { content, .. } => property(option, content),
        Tagging::Internal { .. } | Tagging::Untagged { .. } => Some(option),
    }
}

/// Whether the option's `tag` property admits only `name`.
fn names(option: &Value, tag: &str, name: &str) -> bool {
    let tag = &option["properties"][tag];
    tag["const"] == name
        || tag["enum"]
            .as_array()
            .is_some_and(|e| e.len() == 1 && e[0] == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn schema(value: Value) -> Schema {
        value.try_into().unwrap()
    }

    #[test]
    fn finds_each_representation() {
        let mut external = schema(json!({"oneOf": [
            {"type": "string", "enum": ["Unit"]},
            {"type": "object", "properties": {"A": {"type": "object", "properties": {"x": {}}}}, "required": ["A"]},
        ]}));
        let a = variant(&mut external, Tagging::External, "A").unwrap();
        assert!(property(a, "x").is_some());
        assert!(variant(&mut external, Tagging::External, "Unit").is_none());

        let mut internal = schema(json!({"oneOf": [
            {"type": "object", "properties": {"t": {"type": "string", "const": "A"}, "x": {}}},
            {"type": "object", "properties": {"t": {"type": "string", "const": "B"}, "y": {}}},
        ]}));
        let b = variant(&mut internal, Tagging::Internal { tag: "t" }, "B").unwrap();
        assert!(property(b, "y").is_some());

        let mut adjacent = schema(json!({"oneOf": [
            {"type": "object", "properties": {"t": {"enum": ["A"]}, "c": {"type": "string"}}},
        ]}));
        let c = variant(
            &mut adjacent,
            Tagging::Adjacent {
                tag: "t",
                content: "c",
            },
            "A",
        )
        .unwrap();
        assert!(super::super::has_type(c, "string"));

        let mut untagged = schema(json!({"anyOf": [{"type": "string"}, {"type": "integer"}]}));
        let second = variant(&mut untagged, Tagging::Untagged { index: 1 }, "B").unwrap();
        assert!(super::super::has_type(second, "integer"));
    }
}
