//! `modelbuild::json`: a document that is wrong in several ways is answered with every
//! error at once, in document order, each at its wire-name path and JSON Pointer.

// The types' fields are read by serde and the derive; the tests read the errors.
#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};

use modelbuild::{json, Validate, ValidationErrors};
use serde::Deserialize;
use serde_json::json;

/// `(pointer, code)` of each error, in order.
fn found(errors: &ValidationErrors) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|e| (e.path().to_json_pointer(), e.code().to_owned()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

/// The errors of `document`, a JSON text (written out, so that its members keep
/// their order: `serde_json::Value` sorts them).
fn errors_of<T: for<'de> Deserialize<'de> + Validate + std::fmt::Debug>(document: &str) -> ValidationErrors {
    json::from_str::<T>(document).unwrap_err()
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Signup {
    #[validate(length(min = 3, max = 20))]
    username: String,
    #[validate(range(min = 13))]
    age: u8,
    #[validate(email)]
    email: String,
    #[serde(default)]
    #[validate(length(max = 3))]
    tags: Vec<String>,
    #[validate(nested)]
    address: Option<Address>,
    plan: Plan,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Address {
    #[validate(length(min = 1))]
    city: String,
    zip: u32,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Plan {
    Free,
    Team,
}

#[test]
fn a_body_wrong_in_five_ways_is_answered_with_all_five() {
    let errors = errors_of::<Signup>(
        r#"{
            "username": "x",
            "age": "ten",
            "tags": ["a", 2, "c", "d"],
            "address": {"city": "", "zip": "75001", "country": "FR"},
            "plan": "gold"
        }"#,
    );
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/username", "length"),
            ("/age", "type"),
            ("/tags", "length"),
            ("/tags/1", "type"),
            ("/address/city", "length"),
            ("/address/zip", "type"),
            ("/address/country", "unknown_field"),
            ("/plan", "unknown_variant"),
            ("/email", "missing"),
        ])
    );
    let messages: Vec<String> = errors
        .iter()
        .map(|e| format!("{}: {}", e.path(), e.message()))
        .collect();
    assert_eq!(
        messages,
        [
            "username: must be between 3 and 20 characters long",
            "age: must be an integer, not a string",
            "tags: must have at most 3 items",
            "tags[1]: must be a string, not an integer",
            "address.city: must be at least 1 character long",
            "address.zip: must be an integer, not a string",
            "address.country: is not a field here; the fields are city, zip",
            "plan: must be one of free, team, not \"gold\"",
            "email: is missing",
        ]
    );
    let json = serde_json::to_value(&errors).unwrap();
    assert_eq!(
        json[1]["params"],
        json!({"expected": "an integer", "found": "a string"})
    );
    assert_eq!(
        json[7]["params"],
        json!({"expected": "one of free, team", "found": "gold"})
    );
    // The rule on `tags` (at most 3) speaks: an element of the wrong type does not put
    // the list's length in doubt. A rule on a value that was itself of the wrong type
    // would: `age` has none but its type error.
}

#[test]
fn a_valid_document_reads_as_serde_reads_it() {
    let text = r#"{"username": "ada", "age": 36, "email": "ada@example.com", "plan": "team",
                   "address": {"city": "London", "zip": 1}}"#;
    let ours: Signup = json::from_str(text).unwrap();
    let theirs: Signup = serde_json::from_str(text).unwrap();
    assert_eq!(format!("{ours:?}"), format!("{theirs:?}"));
}

#[test]
fn rule_errors_alone_come_in_document_order() {
    // `age` is written before `username`: its error comes first.
    let errors = json::from_str::<Signup>(
        r#"{"age": 3, "username": "x", "email": "ada@example.com", "plan": "free"}"#,
    )
    .unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[("/age", "range"), ("/username", "length")])
    );
}

#[test]
fn a_value_out_of_its_types_range_says_the_range() {
    let errors = errors_of::<Address>(r#"{"city": "Paris", "zip": -1}"#);
    let error = errors.iter().next().unwrap();
    assert_eq!(error.message(), "must be an integer from 0 to 4294967295, not -1");
    assert_eq!(error.code(), "type");
}

#[test]
fn a_syntax_error_is_one_error_at_the_deepest_path_reached() {
    let errors =
        json::from_str::<Signup>(r#"{"username": "ada", "address": {"city": "x", "zip": 1,}}"#).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    let error = errors.iter().next().unwrap();
    assert_eq!(error.code(), "syntax");
    assert_eq!(error.path().to_json_pointer(), "/address");
    assert_eq!(error.params().get("line").and_then(|v| v.as_int()), Some(1));
    assert_eq!(error.params().get("column").and_then(|v| v.as_int()), Some(55));
    assert!(
        error.message().starts_with("is not valid JSON: trailing comma"),
        "{}",
        error.message()
    );

    let truncated = json::from_str::<Signup>(r#"{"username": "ada", "tags": ["a", "#).unwrap_err();
    assert_eq!(found(&truncated), pairs(&[("/tags/1", "syntax")]));
    let trailing = json::from_str::<Signup>(r#"{"username": "ada"} x"#).unwrap_err();
    assert_eq!(found(&trailing), pairs(&[("", "syntax")]));
}

#[derive(Debug, Deserialize, Validate)]
struct Item {
    #[validate(length(max = 4))]
    name: String,
    count: u32,
    note: Option<String>,
}

#[test]
fn every_element_of_a_list_is_read() {
    let mut items: Vec<serde_json::Value> = (0..20).map(|i| json!({"name": format!("i{i}")})).collect();
    items[3] = json!({"name": "toolong", "count": 1});
    items[7] = json!({"name": 7, "count": "7", "extra": true});
    let errors = errors_of::<Vec<Item>>(&serde_json::Value::Array(items).to_string());
    let mut expected = Vec::new();
    for i in 0..20 {
        match i {
            3 => expected.push(("/3/name".to_string(), "length".to_string())),
            // serde_json::Value writes members sorted: count, extra, name.
            7 => {
                expected.push(("/7/count".to_string(), "type".to_string()));
                expected.push(("/7/name".to_string(), "type".to_string()));
            }
            _ => expected.push((format!("/{i}/count"), "missing".to_string())),
        }
    }
    assert_eq!(found(&errors), expected);
}

#[test]
fn maps_report_at_each_key() {
    #[derive(Debug, Deserialize, Validate)]
    struct Labels {
        #[validate(each(length(max = 3)))]
        labels: BTreeMap<String, String>,
        counts: HashMap<u16, u8>,
    }
    let errors = errors_of::<Labels>(
        r#"{
        "labels": {"env": "prod-eu", "tier": 1},
        "counts": {"1": 300, "x": 2, "3": 4}
    }"#,
    );
    let shown: Vec<(String, String, &str)> = errors
        .iter()
        .map(|e| (e.path().to_string(), e.path().to_json_pointer(), e.code()))
        .collect();
    assert_eq!(
        shown,
        [
            ("labels[env]".into(), "/labels/env".into(), "length"),
            ("labels[tier]".into(), "/labels/tier".into(), "type"),
            ("counts[\"1\"]".into(), "/counts/1".into(), "type"),
            ("counts[x]".into(), "/counts/x".into(), "type"),
        ]
    );
}

#[test]
fn defaults_options_and_boxes() {
    #[derive(Debug, Deserialize, Validate)]
    struct Outer {
        #[serde(default)]
        #[validate(range(max = 5))]
        retries: u8,
        maybe: Option<u8>,
        #[validate(nested)]
        boxed: Box<Address>,
    }
    let errors = errors_of::<Outer>(r#"{"maybe": "x", "boxed": {"city": 1}}"#);
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/maybe", "type"),
            ("/boxed/city", "type"),
            ("/boxed/zip", "missing")
        ])
    );
    let ok: Outer = json::from_str(r#"{"boxed": {"city": "Rome", "zip": 1}}"#).unwrap();
    assert_eq!((ok.retries, ok.maybe), (0, None));
}

#[test]
fn a_field_given_twice_is_reported() {
    let errors = json::from_str::<Address>(r#"{"city": "a", "zip": 1, "city": "b"}"#).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/city", "duplicate")]));
}

#[derive(Debug, Deserialize, Validate)]
#[serde(rename_all = "PascalCase")]
struct Shapes {
    #[validate(nested)]
    external: Shape,
    #[validate(nested)]
    adjacent: Adjacent,
    #[validate(nested)]
    internal: Internal,
    #[validate(nested)]
    untagged: Untagged,
}

#[derive(Debug, Deserialize, Validate)]
enum Shape {
    Circle {
        #[validate(range(min = 0.0))]
        radius: f64,
    },
    Pair(#[validate(length(min = 1))] String, u8),
    Empty,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    Circle {
        #[validate(range(min = 0.0))]
        radius: f64,
    },
    Empty,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(tag = "type")]
enum Internal {
    Circle {
        #[validate(range(min = 0.0))]
        radius: f64,
        label: String,
    },
    Empty,
}

#[derive(Debug, Deserialize, Validate)]
#[serde(untagged)]
enum Untagged {
    Named {
        #[validate(length(max = 3))]
        name: String,
    },
    Number(u32),
}

#[test]
fn the_four_enum_representations_report_at_the_right_path() {
    let errors = errors_of::<Shapes>(
        r#"{
            "External": {"Circle": {"radius": "big"}},
            "Adjacent": {"t": "Circle", "c": {"radius": "big"}},
            "Internal": {"type": "Circle", "radius": "big", "label": "l"},
            "Untagged": {"name": "long name"}
        }"#,
    );
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/External/Circle/radius", "type"),
            ("/Adjacent/c/radius", "type"),
            ("/Internal/radius", "type"),
            ("/Untagged/name", "length"),
        ])
    );

    let unknown = errors_of::<Shapes>(
        r#"{
            "External": "Square",
            "Adjacent": {"t": "Square", "c": {}},
            "Internal": {"type": "Square"},
            "Untagged": 5
        }"#,
    );
    assert_eq!(
        found(&unknown),
        pairs(&[
            ("/External", "unknown_variant"),
            ("/Adjacent/t", "unknown_variant"),
            ("/Internal/type", "unknown_variant"),
        ])
    );

    let rules = errors_of::<Shapes>(
        r#"{
            "External": {"Pair": ["", 2]},
            "Adjacent": {"t": "Circle", "c": {"radius": -1.0}},
            "Internal": {"type": "Circle", "radius": -1.0, "label": "l"},
            "Untagged": {"name": "long"}
        }"#,
    );
    assert_eq!(
        found(&rules),
        pairs(&[
            ("/External/Pair/0", "length"),
            ("/Adjacent/c/radius", "range"),
            ("/Internal/radius", "range"),
            ("/Untagged/name", "length"),
        ])
    );
}

#[test]
fn flattened_fields_report_at_the_outer_level() {
    #[derive(Debug, Deserialize, Validate)]
    struct Page {
        #[validate(length(max = 2))]
        items: Vec<u8>,
        #[serde(flatten)]
        #[validate(nested)]
        meta: Meta,
    }
    #[derive(Debug, Deserialize, Validate)]
    struct Meta {
        #[validate(range(min = 1))]
        page_size: u32,
        next: Option<String>,
    }
    let errors = errors_of::<Page>(r#"{"items": [1, 2, 3], "page_size": "big", "next": 4}"#);
    assert_eq!(
        found(&errors),
        pairs(&[("/items", "length"), ("/page_size", "type"), ("/next", "type")])
    );
}

#[test]
fn many_unknown_fields_are_each_reported() {
    let mut object = serde_json::Map::new();
    object.insert("city".into(), json!("Oslo"));
    object.insert("zip".into(), json!(1));
    for i in 0..50 {
        object.insert(format!("x{i:02}"), json!(i));
    }
    let errors = errors_of::<Address>(&serde_json::Value::Object(object).to_string());
    assert_eq!(errors.len(), 50);
    assert!(errors.iter().all(|e| e.code() == "unknown_field"));
}

#[test]
fn hostile_documents_give_errors_not_panics() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let errors = json::from_str::<Signup>(&deep).unwrap_err();
    assert_eq!(errors.iter().next().unwrap().code(), "syntax");

    let huge_key = "k".repeat(1_000_000);
    let errors =
        json::from_str::<Address>(&format!(r#"{{"city": "a", "zip": 1, "{huge_key}": 1}}"#)).unwrap_err();
    assert_eq!(found(&errors)[0].1, "unknown_field");
    assert!(errors.iter().next().unwrap().message().len() < 100);

    for text in [
        "",
        "null",
        "[]",
        "\"x\"",
        "{\"username\": {\"a\": [1, {}]}}",
        "\u{feff}{}",
    ] {
        let errors = json::from_str::<Signup>(text).unwrap_err();
        assert!(!errors.is_empty(), "{text:?}");
    }
}

#[test]
fn forms_report_every_error_too() {
    use modelbuild::model_build::ListModelBuilds;
    use modelbuild::{form, CreateModelBuild};

    let errors = form::from_bytes::<CreateModelBuild>(
        b"StatusCallback=ftp%3A%2F%2Fx&UniqueName=a&UniqueName=b&Colour=red&Bad=%zz",
    )
    .unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/StatusCallback", "uri"),
            ("/UniqueName", "duplicate"),
            ("/Colour", "unknown_field"),
            ("/Bad", "syntax"),
            ("/Bad", "unknown_field"),
        ])
    );
    let errors = form::from_bytes::<ListModelBuilds>(b"PageSize=0&Page=x&PageToken=%FF").unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/PageSize", "range"),
            ("/Page", "type"),
            ("/PageToken", "syntax")
        ])
    );
    let ok: ListModelBuilds = form::from_bytes(b"PageSize=5").unwrap();
    assert_eq!(ok.page_size, Some(5));
}

/// A document whose every item needs its own reading ends after a bounded number of
/// readings, its list saying it may be incomplete: no hang on hostile input.
#[test]
fn readings_are_bounded() {
    #[derive(Debug, Deserialize, Validate)]
    struct Page {
        #[validate(nested)]
        items: Vec<Internal>,
    }
    let items: Vec<String> = (0..2000).map(|i| format!(r#"{{"type": "Square{i}"}}"#)).collect();
    let document = format!(r#"{{"items": [{}]}}"#, items.join(","));
    let errors = json::from_str::<Page>(&document).unwrap_err();
    let last = errors.iter().last().unwrap();
    assert_eq!(last.code(), "incomplete");
    assert!(errors.len() > 10 && errors.len() < 100, "{}", errors.len());
    assert!(errors.iter().take(10).all(|e| e.code() == "unknown_variant"));
}
