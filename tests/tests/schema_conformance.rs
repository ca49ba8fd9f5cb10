//! ModelBuild by generation: the OpenAPI 3.0 schemas schemars derives from our types
//! (with the rules written in by `modelbuild::schema::rules`), compared keyword by
//! keyword with Twilio's official definition, through the facts extracted from it
//! (`tests/facts/model_build.json`, which `facts.rs` keeps identical to the definition
//! whenever it is present).
//!
//! Compared: the property names, and for each property `type`, `nullable`, `format`,
//! `pattern`, `minLength`, `maxLength`, `enum`, `minimum` and `maximum`. Every
//! difference must be listed in [`KNOWN`] with its reason, and every listed difference
//! must still be found, so the list can neither hide a new one nor go stale.

use std::collections::{BTreeMap, BTreeSet};

use modelbuild::model_build::ListModelBuilds;
use modelbuild::{CreateModelBuild, ModelBuild, ModelBuildPage, PageMeta, UpdateModelBuild};
use modelbuild_tests::facts::{self, Property};
use schemars::generate::SchemaSettings;
use serde_json::{json, Map, Value};

/// `(schema, property, keyword, ours, the definition's, why)`: each difference the
/// definition and our schemas have, and why it stays.
const KNOWN: &[(&str, &str, &str, &str, &str, &str)] = &[
    (
        "ModelBuild",
        "build_duration",
        "format",
        "\"int64\"",
        "null",
        "the field is an i64, whose width schemars states; the definition gives integers no format",
    ),
    ("ModelBuild", "error_code", "format", "\"int64\"", "null", "as build_duration"),
    (
        "ModelBuild",
        "build_duration",
        "minimum",
        "0",
        "null",
        "our rule: a duration in seconds is never negative; the definition states no bound",
    ),
    (
        "ModelBuild",
        "unique_name",
        "maxLength",
        "64",
        "null",
        "the create and update descriptions limit a unique name to 64 characters; the resource's schema does not repeat it",
    ),
    ("PageMeta", "page", "format", "\"int64\"", "null", "as build_duration"),
    ("PageMeta", "page_size", "format", "\"int64\"", "null", "as build_duration"),
    (
        "CreateModelBuild",
        "StatusCallback",
        "pattern",
        "\"^(?:[Hh][Tt][Tt][Pp][Ss]|[Hh][Tt][Tt][Pp]):\"",
        "null",
        "our rule: Twilio can only call back an http or https URL; the definition says only format: uri",
    ),
    (
        "CreateModelBuild",
        "UniqueName",
        "maxLength",
        "64",
        "null",
        "the definition states it in the description only (\"no more than 64 characters\")",
    ),
    ("UpdateModelBuild", "UniqueName", "maxLength", "64", "null", "as CreateModelBuild's"),
    ("ListModelBuilds", "PageSize", "format", "\"int64\"", "null", "as build_duration"),
    ("ListModelBuilds", "Page", "format", "\"int64\"", "null", "as build_duration"),
];

const KEYWORDS: [&str; 9] = [
    "type",
    "nullable",
    "format",
    "pattern",
    "minLength",
    "maxLength",
    "enum",
    "minimum",
    "maximum",
];

/// The OpenAPI 3.0 schemas of the five types, by name, as `components/schemas` would
/// hold them.
fn generated() -> Map<String, Value> {
    let mut generator = SchemaSettings::openapi3().into_generator();
    generator.subschema_for::<ModelBuild>();
    generator.subschema_for::<ModelBuildPage>();
    generator.subschema_for::<PageMeta>();
    generator.subschema_for::<CreateModelBuild>();
    generator.subschema_for::<UpdateModelBuild>();
    generator.subschema_for::<ListModelBuilds>();
    generator.take_definitions(true)
}

/// The compared keywords of one of our properties; `enum` without its `null`, which
/// OpenAPI 3.0 spells as `nullable`.
fn ours(property: &Value) -> BTreeMap<&'static str, Value> {
    KEYWORDS
        .iter()
        .map(|&keyword| {
            let value = match (keyword, property.get(keyword)) {
                ("nullable", None) => json!(false),
                ("enum", Some(Value::Array(values))) => {
                    Value::Array(values.iter().filter(|v| !v.is_null()).cloned().collect())
                }
                (_, value) => value.cloned().unwrap_or(Value::Null),
            };
            (keyword, value)
        })
        .collect()
}

/// The same keywords, as the definition states them.
fn theirs(property: &Property) -> BTreeMap<&'static str, Value> {
    let value = |v: Option<Value>| v.unwrap_or(Value::Null);
    BTreeMap::from([
        ("type", json!(property.kind)),
        ("nullable", json!(property.nullable)),
        ("format", value(property.format.clone().map(Value::from))),
        ("pattern", value(property.pattern.clone().map(Value::from))),
        ("minLength", value(property.min_length.map(Value::from))),
        ("maxLength", value(property.max_length.map(Value::from))),
        ("enum", value(property.values.clone().map(Value::from))),
        ("minimum", value(property.minimum.map(Value::from))),
        ("maximum", value(property.maximum.map(Value::from))),
    ])
}

type Difference = (String, String, String, String, String);

/// Compares one generated object schema with the definition's properties: the same
/// names, and each keyword; differences are collected.
fn compare(schemas: &Map<String, Value>, name: &str, spec: &[Property], found: &mut Vec<Difference>) {
    let properties = schemas[name]["properties"]
        .as_object()
        .unwrap_or_else(|| panic!("{name} has properties"));
    let generated: BTreeSet<&str> = properties.keys().map(String::as_str).collect();
    let defined: BTreeSet<&str> = spec.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(generated, defined, "the properties of {name}");
    for property in spec {
        let ours = ours(&properties[&property.name]);
        for (keyword, theirs) in theirs(property) {
            if ours[keyword] != theirs {
                found.push((
                    name.to_owned(),
                    property.name.clone(),
                    keyword.to_owned(),
                    ours[keyword].to_string(),
                    theirs.to_string(),
                ));
            }
        }
    }
}

#[test]
fn generated_schemas_match_the_definition_keyword_by_keyword() {
    let facts = facts::committed();
    let schemas = generated();
    let operation = |id: &str| facts.operations.iter().find(|o| o.id == id).unwrap();
    let mut found = Vec::new();
    compare(&schemas, "ModelBuild", &facts.model_build, &mut found);
    compare(&schemas, "PageMeta", &facts.page.meta, &mut found);
    compare(
        &schemas,
        "CreateModelBuild",
        &operation("CreateModelBuild").form,
        &mut found,
    );
    compare(
        &schemas,
        "UpdateModelBuild",
        &operation("UpdateModelBuild").form,
        &mut found,
    );
    compare(
        &schemas,
        "ListModelBuilds",
        &operation("ListModelBuild").query_parameters,
        &mut found,
    );

    let known: Vec<Difference> = KNOWN
        .iter()
        .map(|(schema, property, keyword, ours, theirs, _why)| {
            (
                schema.to_string(),
                property.to_string(),
                keyword.to_string(),
                ours.to_string(),
                theirs.to_string(),
            )
        })
        .collect();
    let unexplained: Vec<&Difference> = found.iter().filter(|d| !known.contains(d)).collect();
    let stale: Vec<&Difference> = known.iter().filter(|d| !found.contains(d)).collect();
    assert!(
        unexplained.is_empty(),
        "differences with no reason listed: {unexplained:#?}"
    );
    assert!(stale.is_empty(), "listed differences no longer found: {stale:#?}");
}

#[test]
fn the_page_holds_the_builds_and_its_meta() {
    let facts = facts::committed();
    let schemas = generated();
    let page = &schemas["ModelBuildPage"]["properties"];
    let keys: BTreeSet<&String> = page.as_object().unwrap().keys().collect();
    assert_eq!(keys, facts.page.fields.iter().collect());
    let items = &page[&facts.page.items_field];
    assert_eq!(items["type"], "array");
    assert_eq!(items["items"]["$ref"], "#/components/schemas/ModelBuild");
    // OpenAPI 3.0 allows no keyword beside `$ref`: schemars wraps it in `allOf`.
    assert_eq!(page["meta"]["allOf"][0]["$ref"], "#/components/schemas/PageMeta");
}

#[test]
fn forms_and_queries_admit_no_unknown_field_and_require_none() {
    let schemas = generated();
    for name in ["CreateModelBuild", "UpdateModelBuild", "ListModelBuilds"] {
        assert_eq!(schemas[name]["additionalProperties"], false, "{name}");
        assert_eq!(schemas[name].get("required"), None, "{name}");
    }
    assert_eq!(schemas["ModelBuild"].get("required"), None);
}
