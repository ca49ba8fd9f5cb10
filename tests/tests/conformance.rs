//! The ModelBuild types against Twilio's official OpenAPI definition, through the facts
//! extracted from it (`tests/facts/model_build.json`, kept identical to the definition
//! by `facts.rs`): every field and parameter the definition lists must exist on our
//! type with the matching rule, shown by behaviour through the public API (a value the
//! definition allows passes, a near miss fails with the right code at the right path),
//! and nothing the definition lacks may exist.

use std::collections::BTreeSet;

use modelbuild::model_build::paths::{self, Method};
use modelbuild::model_build::{ListModelBuilds, TwilioError};
use modelbuild::{
    CreateModelBuild, ModelBuild, ModelBuildPage, ModelBuildStatus, UpdateModelBuild, Validate,
};
use modelbuild_tests::codes_at;
use modelbuild_tests::facts::{self, Facts, Operation, Property};
use regex::Regex;
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};

fn operation<'a>(facts: &'a Facts, id: &str) -> &'a Operation {
    facts
        .operations
        .iter()
        .find(|o| o.id == id)
        .unwrap_or_else(|| panic!("no operation {id} in the facts"))
}

fn names(properties: &[Property]) -> BTreeSet<String> {
    properties.iter().map(|p| p.name.clone()).collect()
}

fn keys(map: &Map<String, Value>) -> BTreeSet<String> {
    map.keys().cloned().collect()
}

/// The codes reported at `path` when `value` (JSON) is read as `T` and validated.
fn parsed_codes_at<T: DeserializeOwned + Validate>(value: Value, path: &str) -> Vec<String> {
    let parsed: T = serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{value}: {e}"));
    codes_at(&parsed, path)
}

/// A value the definition allows, used as the "passes" side of each check.
fn sample(property: &Property) -> Value {
    if let Some(pattern) = &property.pattern {
        let prefix = sid_prefix(pattern);
        return json!(format!("{prefix}0123456789abcdefABCDEF0123456789"));
    }
    match (property.kind.as_str(), property.format.as_deref()) {
        ("string", Some("uri")) => json!("https://autopilot.twilio.com/v1/Assistants"),
        ("string", Some("date-time")) => json!("2015-07-30T20:00:00Z"),
        ("string", None) if property.values.is_some() => json!(property.values.as_ref().unwrap()[0]),
        ("integer", _) => json!(property.minimum.unwrap_or(0)),
        _ => json!("nightly"),
    }
}

/// `^UG[0-9a-fA-F]{32}$` -> `UG`; any other pattern is a failure of this test.
fn sid_prefix(pattern: &str) -> String {
    let shape = Regex::new(r"^\^([A-Z]{2})\[0-9a-fA-F\]\{32\}\$$").unwrap();
    let captures = shape
        .captures(pattern)
        .unwrap_or_else(|| panic!("unexpected pattern {pattern}"));
    captures[1].to_owned()
}

#[test]
fn model_build_has_exactly_the_spec_fields() {
    let facts = facts::committed();
    let ours = serde_json::to_value(ModelBuild::default()).unwrap();
    assert_eq!(keys(ours.as_object().unwrap()), names(&facts.model_build));
}

#[test]
fn model_build_fields_carry_the_spec_rules() {
    for property in facts::committed().model_build {
        let name = &property.name;
        let with = |value: Value| json!({ name.as_str(): value });
        // nullable -> Option: null is read, and passes.
        if property.nullable {
            assert!(
                parsed_codes_at::<ModelBuild>(with(Value::Null), name).is_empty(),
                "{name}: null"
            );
        }
        assert!(
            parsed_codes_at::<ModelBuild>(with(sample(&property)), name).is_empty(),
            "{name}: sample"
        );
        if let Some(pattern) = &property.pattern {
            let prefix = sid_prefix(pattern);
            let regex = Regex::new(pattern).unwrap();
            let near_misses = [
                format!("{prefix}0123456789abcdef0123456789abcde"),
                format!("{prefix}0123456789abcdef0123456789abcdef0"),
                format!("{prefix}0123456789abcdef0123456789abcdeg"),
                format!("{}0123456789abcdef0123456789abcdef", prefix.to_lowercase()),
                "XX0123456789abcdef0123456789abcdef".to_owned(),
            ];
            for miss in near_misses {
                assert!(!regex.is_match(&miss), "the spec's own regex accepts {miss}");
                assert_eq!(
                    parsed_codes_at::<ModelBuild>(with(json!(miss)), name),
                    ["sid"],
                    "{name}: {miss}"
                );
            }
            let sid_length = Some(prefix.len() as u64 + 32);
            assert_eq!(
                (property.min_length, property.max_length),
                (sid_length, sid_length),
                "{name}"
            );
        }
        match property.format.as_deref() {
            Some("uri") => {
                assert_eq!(
                    parsed_codes_at::<ModelBuild>(with(json!("/relative/path")), name),
                    ["uri"],
                    "{name}"
                );
            }
            Some("date-time") => {
                let bad = serde_json::from_value::<ModelBuild>(with(json!("not a date")));
                assert!(bad.is_err(), "{name}: a bad date-time was read");
            }
            _ => {}
        }
        if property.kind == "integer" {
            assert!(
                serde_json::from_value::<ModelBuild>(with(json!("1"))).is_err(),
                "{name}: string read"
            );
            assert!(
                serde_json::from_value::<ModelBuild>(with(json!(1.5))).is_err(),
                "{name}: float read"
            );
        }
        if let Some(values) = &property.values {
            check_status_enum(values);
        }
    }
}

fn check_status_enum(values: &[String]) {
    let spec_values: Vec<&str> = values.iter().map(String::as_str).collect();
    let ours: Vec<&str> = ModelBuildStatus::KNOWN
        .iter()
        .map(ModelBuildStatus::as_str)
        .collect();
    assert_eq!(ours, spec_values);
    for value in spec_values {
        let status: ModelBuildStatus = serde_json::from_value(json!(value)).unwrap();
        assert!(!matches!(status, ModelBuildStatus::Unknown(_)), "{value}");
    }
}

#[test]
fn unique_names_are_limited_as_the_request_descriptions_say() {
    let facts = facts::committed();
    let create = &operation(&facts, "CreateModelBuild").form;
    let unique_name = create.iter().find(|p| p.name == "UniqueName").unwrap();
    let limit = unique_name
        .described_max_length
        .expect("the description states a limit") as usize;
    let at = |n: usize| json!({ "unique_name": "é".repeat(n) });
    assert!(parsed_codes_at::<ModelBuild>(at(limit), "unique_name").is_empty());
    assert_eq!(
        parsed_codes_at::<ModelBuild>(at(limit + 1), "unique_name"),
        ["length"]
    );
}

/// Checks one form request type against the spec's request schema.
fn check_form_request<T: DeserializeOwned + Validate>(
    operation: &Operation,
    full: &T,
    encode: fn(&T) -> String,
) {
    let form: BTreeSet<String> = encode(full)
        .split('&')
        .map(|pair| pair.split('=').next().unwrap().to_owned())
        .collect();
    assert_eq!(form, names(&operation.form), "{}: form keys", operation.id);
    for property in &operation.form {
        let name = &property.name;
        let decode = |value: &str| -> T {
            let body = serde_urlencoded::to_string([(name.as_str(), value)]).unwrap();
            serde_urlencoded::from_str(&body).unwrap()
        };
        let codes = |value: &str| codes_at(&decode(value), name);
        if property.format.as_deref() == Some("uri") {
            assert!(codes("https://example.com/status").is_empty(), "{name}");
            assert_eq!(codes("not a uri"), ["uri"], "{name}");
        }
        if let Some(limit) = property.described_max_length.map(|n| n as usize) {
            assert!(codes(&"n".repeat(limit)).is_empty(), "{name}");
            assert_eq!(codes(&"n".repeat(limit + 1)), ["length"], "{name}");
        }
    }
}

#[test]
fn create_and_update_bodies_match_the_spec() {
    let facts = facts::committed();
    let create = CreateModelBuild {
        status_callback: Some("https://example.com".into()),
        unique_name: Some("n".into()),
    };
    check_form_request(
        operation(&facts, "CreateModelBuild"),
        &create,
        CreateModelBuild::to_form,
    );
    let update = UpdateModelBuild {
        unique_name: Some("n".into()),
    };
    check_form_request(
        operation(&facts, "UpdateModelBuild"),
        &update,
        UpdateModelBuild::to_form,
    );
}

#[test]
fn list_parameters_match_the_spec() {
    let facts = facts::committed();
    let query = &operation(&facts, "ListModelBuild").query_parameters;
    let full = ListModelBuilds {
        page_size: Some(1),
        page: Some(0),
        page_token: Some("t".into()),
    };
    let ours: BTreeSet<String> = full
        .to_query()
        .split('&')
        .map(|p| p.split('=').next().unwrap().to_owned())
        .collect();
    assert_eq!(ours, names(query));
    for parameter in query {
        let name = &parameter.name;
        let codes = |value: i64| {
            codes_at(
                &ListModelBuilds::from_query(format!("{name}={value}").as_bytes()).unwrap(),
                name,
            )
        };
        if let Some(min) = parameter.minimum {
            assert!(codes(min).is_empty(), "{name} = {min}");
            assert_eq!(codes(min - 1), ["range"], "{name} = {}", min - 1);
        }
        if let Some(max) = parameter.maximum {
            assert!(codes(max).is_empty(), "{name} = {max}");
            assert_eq!(codes(max + 1), ["range"], "{name} = {}", max + 1);
        }
        if parameter.kind == "string" {
            assert!(ListModelBuilds::from_query(format!("{name}=any+text").as_bytes())
                .unwrap()
                .validate()
                .is_ok());
        }
    }
}

#[test]
fn the_list_page_matches_the_spec() {
    let facts = facts::committed();
    let page = ModelBuildPage {
        model_builds: vec![ModelBuild::default()],
        ..Default::default()
    };
    let ours = serde_json::to_value(&page).unwrap();
    let theirs: BTreeSet<String> = facts.page.fields.iter().cloned().collect();
    assert_eq!(keys(ours.as_object().unwrap()), theirs);
    assert!(ours[&facts.page.items_field].is_array());
    assert_eq!(
        operation(&facts, "ListModelBuild").response.as_deref(),
        Some("page")
    );

    let meta = &facts.page.meta;
    let mut full = Map::new();
    for property in meta {
        full.insert(property.name.clone(), sample(property));
    }
    let parsed: ModelBuildPage = serde_json::from_value(json!({ "meta": full })).unwrap();
    assert_eq!(parsed.validate().map_err(|e| e.to_string()), Ok(()));
    let written = serde_json::to_value(&parsed).unwrap();
    assert_eq!(keys(written["meta"].as_object().unwrap()), names(meta));
    for property in meta {
        let name = &property.name;
        let with = |value: Value| json!({ "meta": { name.as_str(): value } });
        let nullable = property.nullable;
        assert_eq!(
            serde_json::from_value::<ModelBuildPage>(with(Value::Null)).is_ok(),
            nullable,
            "meta.{name}"
        );
        let path = format!("meta.{name}");
        if property.format.as_deref() == Some("uri") {
            assert_eq!(
                parsed_codes_at::<ModelBuildPage>(with(json!("no uri")), &path),
                ["uri"],
                "{path}"
            );
        }
    }
}

#[test]
fn every_operation_has_its_endpoint() {
    let facts = facts::committed();
    assert_eq!(facts.server, paths::BASE_URL);
    let (assistant, sid) = (
        "UA0123456789abcdef0123456789abcdef",
        "UG0123456789abcdef0123456789abcdef",
    );
    let mut seen = Vec::new();
    for operation in &facts.operations {
        let id = operation.id.as_str();
        let endpoint = match id {
            "CreateModelBuild" => paths::create(assistant),
            "FetchModelBuild" => paths::fetch(assistant, sid),
            "ListModelBuild" => paths::list(assistant, &ListModelBuilds::default()),
            "UpdateModelBuild" => paths::update(assistant, sid),
            "DeleteModelBuild" => paths::delete(assistant, sid),
            other => panic!("no endpoint for {other}"),
        }
        .unwrap();
        let expected_path = operation
            .path
            .replace("{AssistantSid}", assistant)
            .replace("{Sid}", sid);
        assert_eq!(endpoint.path, expected_path, "{id}");
        let expected_method = match operation.method.as_str() {
            "get" => Method::Get,
            "post" => Method::Post,
            "delete" => Method::Delete,
            other => panic!("unexpected method {other}"),
        };
        assert_eq!(endpoint.method, expected_method, "{id}");
        assert_eq!(endpoint.success_status, operation.success_status, "{id}");
        // The path parameters take a SID or a unique name: plain required strings,
        // with no SID rule.
        for parameter in &operation.path_parameters {
            assert_eq!(parameter.kind, "string", "{id}");
            assert!(parameter.required, "{id}");
            assert_eq!((&parameter.pattern, parameter.max_length), (&None, None), "{id}");
        }
        seen.push(id.to_owned());
    }
    seen.sort();
    assert_eq!(
        seen,
        [
            "CreateModelBuild",
            "DeleteModelBuild",
            "FetchModelBuild",
            "ListModelBuild",
            "UpdateModelBuild"
        ]
    );
    assert!(paths::fetch("my-assistant", "nightly").is_ok());
}

#[test]
fn the_shipped_doc_example_has_the_spec_fields() {
    let facts = facts::committed();
    for file in ["model_build_doc_example.json", "model_build.json"] {
        let path = format!("{}/../examples/data/{file}", env!("CARGO_MANIFEST_DIR"));
        let value: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let fields = keys(value.as_object().unwrap());
        assert!(
            names(&facts.model_build).is_subset(&fields),
            "{file} lacks spec fields"
        );
    }
}

#[test]
fn twilio_error_bodies_have_the_documented_fields() {
    let body = TwilioError::new(20422, 400, "Invalid parameter");
    let value = serde_json::to_value(body).unwrap();
    let fields: Vec<&String> = value.as_object().unwrap().keys().collect();
    assert_eq!(fields, ["code", "message", "more_info", "status"]);
}
