//! The schemas a type gets from `#[derive(JsonSchema, Validate)]` with
//! `#[schemars(transform = modelbuild::schema::rules::<Self>)]`: every rule JSON Schema
//! can state, exactly, and what schemars does with our attributes on its own.

use std::collections::BTreeMap;

use modelbuild::Validate;
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::{json, Value};

fn schema_of<T: JsonSchema>() -> Value {
    schemars::schema_for!(T).to_value()
}

fn property<T: JsonSchema>(name: &str) -> Value {
    schema_of::<T>()["properties"][name].clone()
}

/// One field per rule, each with the schemars attribute reading schemars accepts.
#[allow(dead_code)]
#[derive(Deserialize, JsonSchema, Validate)]
#[schemars(transform = modelbuild::schema::rules::<Self>)]
struct Rules {
    #[validate(sid(prefix = "UG"))]
    sid: String,
    #[validate(length(min = 1, max = 64))]
    chars: String,
    #[validate(length(equal = 3))]
    exact: String,
    #[validate(length(max = 64, unit = "bytes"))]
    bytes: String,
    #[validate(length(min = 2, unit = "utf16"))]
    utf16: String,
    #[validate(length(min = 1, max = 5))]
    list: Vec<u32>,
    #[validate(length(max = 2))]
    map: BTreeMap<String, u32>,
    #[validate(range(min = 1, max = 1000))]
    page_size: i64,
    #[validate(range(exclusive_min = 0.0, exclusive_max = 1.5))]
    ratio: f64,
    #[validate(range(min = 1, max = 255))]
    small: u8,
    #[validate(required)]
    needed: Option<String>,
    #[validate(uri)]
    uri: String,
    #[validate(uri(schemes = ["https", "svn+ssh"]))]
    web: String,
    #[validate(url)]
    url: String,
    #[validate(email)]
    email: String,
    #[validate(ip)]
    ip: String,
    #[validate(ipv4)]
    ipv4: String,
    #[validate(ipv6)]
    ipv6: String,
    #[validate(pattern = "^[a-z]+$")]
    pattern: String,
    #[validate(prefix = "UG", suffix = ".pdf")]
    affixes: String,
    #[validate(contains(pattern = "a-b"))]
    contains: String,
    #[validate(does_not_contain = "..")]
    no_dots: Option<String>,
    #[validate(ascii)]
    ascii: String,
    #[validate(alphanumeric)]
    alphanumeric: String,
    #[validate(non_control_character)]
    printable: String,
    #[validate(phone)]
    phone: String,
    #[validate(credit_card)]
    card: String,
    #[validate(each(sid(prefix = "AC")), length(max = 10))]
    accounts: Vec<String>,
    #[validate(keys(length(max = 8), ascii), each(range(min = 1)))]
    labels: BTreeMap<String, u32>,
    #[validate(nested)]
    inner: Inner,
}

#[allow(dead_code)]
#[derive(Deserialize, JsonSchema, Validate)]
#[schemars(transform = modelbuild::schema::rules::<Self>)]
struct Inner {
    #[validate(length(max = 2))]
    code: String,
}

#[test]
fn every_rule_json_schema_can_state_is_stated_exactly() {
    let cases = [
        (
            "sid",
            json!({"type": "string", "pattern": "^UG[0-9a-fA-F]{32}$", "minLength": 34, "maxLength": 34}),
        ),
        (
            "chars",
            json!({"type": "string", "minLength": 1, "maxLength": 64}),
        ),
        ("exact", json!({"type": "string", "minLength": 3, "maxLength": 3})),
        // Bytes and UTF-16 units are not characters: no minLength/maxLength.
        (
            "bytes",
            json!({"type": "string", "x-length": {"unit": "bytes", "max": 64}}),
        ),
        (
            "utf16",
            json!({"type": "string", "x-length": {"unit": "utf16", "min": 2}}),
        ),
        (
            "list",
            json!({"type": "array", "items": {"type": "integer", "format": "uint32", "minimum": 0}, "minItems": 1, "maxItems": 5}),
        ),
        (
            "map",
            json!({"type": "object", "additionalProperties": {"type": "integer", "format": "uint32", "minimum": 0}, "maxProperties": 2}),
        ),
        (
            "page_size",
            json!({"type": "integer", "format": "int64", "minimum": 1, "maximum": 1000}),
        ),
        (
            "ratio",
            json!({"type": "number", "format": "double", "exclusiveMinimum": 0.0, "exclusiveMaximum": 1.5}),
        ),
        // The rule's lower bound is tighter than the type's 0; the upper ones agree.
        (
            "small",
            json!({"type": "integer", "format": "uint8", "minimum": 1, "maximum": 255}),
        ),
        ("needed", json!({"type": "string"})),
        ("uri", json!({"type": "string", "format": "uri"})),
        (
            "web",
            json!({"type": "string", "format": "uri", "pattern": "^(?:[Hh][Tt][Tt][Pp][Ss]|[Ss][Vv][Nn]\\+[Ss][Ss][Hh]):"}),
        ),
        ("url", json!({"type": "string", "format": "uri"})),
        (
            "email",
            json!({"type": "string", "format": "email", "pattern": modelbuild::rules::email::PATTERN}),
        ),
        (
            "ip",
            json!({"type": "string", "allOf": [{"anyOf": [{"format": "ipv4"}, {"format": "ipv6"}]}]}),
        ),
        ("ipv4", json!({"type": "string", "format": "ipv4"})),
        ("ipv6", json!({"type": "string", "format": "ipv6"})),
        ("pattern", json!({"type": "string", "pattern": "^[a-z]+$"})),
        (
            "affixes",
            json!({"type": "string", "pattern": "^UG", "allOf": [{"pattern": "\\.pdf$"}]}),
        ),
        // schemars wrote `a\-b` (the regex crate's escape, invalid in ECMA-262's
        // Unicode mode); the rule's own escape replaces it.
        ("contains", json!({"type": "string", "pattern": "a-b"})),
        (
            "no_dots",
            json!({"type": ["string", "null"], "allOf": [{"not": {"type": "string", "pattern": "\\.\\."}}]}),
        ),
        ("ascii", json!({"type": "string", "pattern": "^[\\x00-\\x7F]*$"})),
        (
            "alphanumeric",
            json!({"type": "string", "pattern": "^[\\p{Alphabetic}\\p{N}]*$"}),
        ),
        ("printable", json!({"type": "string", "pattern": "^\\P{Cc}*$"})),
        (
            "phone",
            json!({"type": "string", "pattern": "^\\+[1-9][0-9]{0,14}$"}),
        ),
        // A check digit has no JSON Schema form.
        ("card", json!({"type": "string"})),
        (
            "accounts",
            json!({"type": "array", "maxItems": 10, "items": {"type": "string", "pattern": "^AC[0-9a-fA-F]{32}$", "minLength": 34, "maxLength": 34}}),
        ),
        (
            "labels",
            json!({
                "type": "object",
                "additionalProperties": {"type": "integer", "format": "uint32", "minimum": 1},
                "propertyNames": {"type": "string", "maxLength": 8, "pattern": "^[\\x00-\\x7F]*$"},
            }),
        ),
        ("inner", json!({"$ref": "#/$defs/Inner"})),
    ];
    let schema = schema_of::<Rules>();
    for (name, expected) in cases {
        assert_eq!(schema["properties"][name], expected, "field `{name}`");
    }
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(required.contains(&"needed"));
    assert_eq!(
        schema["$defs"]["Inner"]["properties"]["code"],
        json!({"type": "string", "maxLength": 2})
    );
}

/// The same attributes with and without the transform: `$name` gets the `$attr`s.
macro_rules! misread_by_schemars {
    ($name:ident $(, $attr:meta)?) => {
        #[allow(dead_code)]
        #[derive(Deserialize, JsonSchema, Validate)]
        $(#[$attr])?
        struct $name {
            #[validate(length(max = 64, unit = "bytes"))]
            bytes: String,
            #[validate(range(min = 1, exclusive_max = 5))]
            bounded: i32,
            #[validate(ip)]
            ip: String,
            #[validate(contains(pattern = "a-b"))]
            contains: String,
            #[validate(sid(prefix = "UG"))]
            sid: String,
            #[validate(uri)]
            uri: String,
            #[validate(required)]
            needed: Option<String>,
            #[validate(email)]
            email: String,
        }
    };
}

// What schemars makes of the attributes alone.
misread_by_schemars!(Alone);
misread_by_schemars!(Corrected, schemars(transform = modelbuild::schema::rules::<Self>));

#[test]
fn what_schemars_does_alone_and_what_the_transform_corrects() {
    // Wrong: bytes read as characters.
    assert_eq!(property::<Alone>("bytes")["maxLength"], 64);
    assert_eq!(property::<Corrected>("bytes").get("maxLength"), None);
    // Lost: the exclusive bound.
    assert_eq!(property::<Alone>("bounded").get("exclusiveMaximum"), None);
    assert_eq!(property::<Corrected>("bounded")["exclusiveMaximum"], 5);
    // Not a format any draft defines.
    assert_eq!(property::<Alone>("ip")["format"], "ip");
    assert_eq!(property::<Corrected>("ip").get("format"), None);
    // The regex crate's escape.
    assert_eq!(property::<Alone>("contains")["pattern"], "a\\-b");
    assert_eq!(property::<Corrected>("contains")["pattern"], "a-b");
    // Unknown to schemars: nothing.
    assert_eq!(property::<Alone>("sid"), json!({"type": "string"}));
    assert_eq!(property::<Alone>("uri"), json!({"type": "string"}));
    // Right on its own, and kept: `required` and `email`'s format.
    assert_eq!(property::<Alone>("needed"), json!({"type": "string"}));
    assert_eq!(property::<Corrected>("needed"), json!({"type": "string"}));
    assert_eq!(property::<Alone>("email")["format"], "email");
    assert_eq!(property::<Corrected>("email")["format"], "email");
}

#[allow(dead_code)]
#[derive(Deserialize, JsonSchema, Validate)]
#[schemars(transform = modelbuild::schema::rules::<Self>)]
enum External {
    Unit,
    Named {
        #[validate(length(max = 3))]
        name: String,
    },
    Pair(
        #[validate(sid(prefix = "UG"))] String,
        #[validate(range(max = 9))] u32,
    ),
    Wrapped(#[validate(uri)] String),
}

#[allow(dead_code)]
#[derive(Deserialize, JsonSchema, Validate)]
#[schemars(transform = modelbuild::schema::rules::<Self>)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Internal {
    First {
        #[validate(length(max = 3))]
        name: String,
    },
    Second {
        #[validate(phone)]
        phone: String,
    },
}

#[allow(dead_code)]
#[derive(Deserialize, JsonSchema, Validate)]
#[schemars(transform = modelbuild::schema::rules::<Self>)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    Text(#[validate(length(min = 1))] String),
    Number(#[validate(range(min = 1))] i32),
}

#[allow(dead_code)]
#[derive(Deserialize, JsonSchema, Validate)]
#[schemars(transform = modelbuild::schema::rules::<Self>)]
#[serde(untagged)]
enum Untagged {
    Number(#[validate(range(max = 10))] i32),
    Text(#[validate(length(max = 4))] String),
}

#[test]
fn enum_variants_are_found_in_each_representation() {
    let external = schema_of::<External>();
    let options = external["oneOf"].as_array().unwrap();
    let find = |name: &str| {
        options
            .iter()
            .find(|o| o["properties"].get(name).is_some())
            .unwrap()["properties"][name]
            .clone()
    };
    assert_eq!(find("Named")["properties"]["name"]["maxLength"], 3);
    assert_eq!(find("Pair")["prefixItems"][0]["pattern"], "^UG[0-9a-fA-F]{32}$");
    assert_eq!(find("Pair")["prefixItems"][1]["maximum"], 9);
    assert_eq!(find("Wrapped")["format"], "uri");

    let internal = schema_of::<Internal>();
    assert_eq!(internal["oneOf"][0]["properties"]["name"]["maxLength"], 3);
    assert_eq!(
        internal["oneOf"][1]["properties"]["phone"]["pattern"],
        "^\\+[1-9][0-9]{0,14}$"
    );

    let adjacent = schema_of::<Adjacent>();
    assert_eq!(adjacent["oneOf"][0]["properties"]["c"]["minLength"], 1);
    assert_eq!(adjacent["oneOf"][1]["properties"]["c"]["minimum"], 1);

    let untagged = schema_of::<Untagged>();
    assert_eq!(untagged["anyOf"][0]["maximum"], 10);
    assert_eq!(untagged["anyOf"][1]["maxLength"], 4);
}

#[allow(dead_code)]
#[derive(Deserialize, JsonSchema, Validate)]
#[schemars(transform = modelbuild::schema::rules::<Self>)]
struct Name(#[validate(length(min = 1, max = 20))] String);

#[allow(dead_code)]
#[derive(Deserialize, JsonSchema, Validate)]
#[schemars(transform = modelbuild::schema::rules::<Self>)]
#[serde(rename_all = "camelCase")]
struct Page<T> {
    #[validate(length(max = 50))]
    items: Vec<T>,
    #[validate(uri)]
    next_page_url: Option<String>,
}

#[test]
fn newtypes_generics_and_wire_names() {
    assert_eq!(schema_of::<Name>()["maxLength"], 20);
    let page = schema_of::<Page<u8>>();
    assert_eq!(page["properties"]["items"]["maxItems"], 50);
    assert_eq!(
        page["properties"]["nextPageUrl"],
        json!({"type": ["string", "null"], "format": "uri"})
    );
}

#[test]
fn openapi3_output_keeps_the_rules() {
    let mut generator = schemars::generate::SchemaSettings::openapi3().into_generator();
    generator.subschema_for::<Page<u8>>();
    let definitions = generator.take_definitions(true);
    let next = &definitions["Page"]["properties"]["nextPageUrl"];
    assert_eq!(
        next,
        &json!({"type": "string", "nullable": true, "format": "uri"})
    );
}
