//! The ModelBuild types against Twilio's official OpenAPI definition, read from
//! `../shared/spec/twilio_autopilot_v1.json`: every field and parameter the spec
//! lists must exist on our type with the matching rule, shown by behaviour through
//! the public API (a value the spec allows passes, a near miss fails with the
//! right code at the right path), and nothing the spec lacks may exist.

use std::collections::BTreeSet;

use modelbuild::model_build::paths::{self, Method};
use modelbuild::model_build::{ListModelBuilds, TwilioError};
use modelbuild::{
    CreateModelBuild, ModelBuild, ModelBuildPage, ModelBuildStatus, UpdateModelBuild, Validate,
};
use modelbuild_tests::{codes_at, load_spec};
use regex::Regex;
use serde::de::DeserializeOwned;
use serde_json::{json, Map, Value};

const SCHEMA: &str = "autopilot.v1.assistant.model_build";
const COLLECTION: &str = "/v1/Assistants/{AssistantSid}/ModelBuilds";
const INSTANCE: &str = "/v1/Assistants/{AssistantSid}/ModelBuilds/{Sid}";

fn spec() -> Value {
    load_spec("twilio_autopilot_v1.json")
}

fn resolve<'a>(spec: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(reference) => {
            let name = reference.rsplit('/').next().unwrap();
            &spec["components"]["schemas"][name]
        }
        None => schema,
    }
}

fn properties(schema: &Value) -> &Map<String, Value> {
    schema["properties"].as_object().expect("schema has properties")
}

fn keys(map: &Map<String, Value>) -> BTreeSet<String> {
    map.keys().cloned().collect()
}

/// The codes reported at `path` when `value` (JSON) is read as `T` and validated.
fn parsed_codes_at<T: DeserializeOwned + Validate>(value: Value, path: &str) -> Vec<String> {
    let parsed: T = serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{value}: {e}"));
    codes_at(&parsed, path)
}

/// A value the schema allows, used as the "passes" side of each check.
fn sample(property: &Value) -> Value {
    if let Some(pattern) = property.get("pattern").and_then(Value::as_str) {
        let prefix = sid_prefix(pattern);
        return json!(format!("{prefix}0123456789abcdefABCDEF0123456789"));
    }
    match (
        property["type"].as_str(),
        property.get("format").and_then(Value::as_str),
    ) {
        (Some("string"), Some("uri")) => json!("https://autopilot.twilio.com/v1/Assistants"),
        (Some("string"), Some("date-time")) => json!("2015-07-30T20:00:00Z"),
        (Some("integer"), _) => json!(property.get("minimum").and_then(Value::as_i64).unwrap_or(0)),
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

/// "no more than 64 characters" in a description -> 64.
fn described_max_length(property: &Value) -> Option<usize> {
    let text = property.get("description")?.as_str()?;
    let phrase = Regex::new(r"no more than (\d+) characters").unwrap();
    phrase.captures(text).map(|c| c[1].parse().unwrap())
}

#[test]
fn model_build_has_exactly_the_spec_fields() {
    let spec = spec();
    let schema = &spec["components"]["schemas"][SCHEMA];
    let ours = serde_json::to_value(ModelBuild::default()).unwrap();
    assert_eq!(keys(ours.as_object().unwrap()), keys(properties(schema)));
}

#[test]
fn model_build_fields_carry_the_spec_rules() {
    let spec = spec();
    let schema = &spec["components"]["schemas"][SCHEMA];
    for (name, property) in properties(schema) {
        let resolved = resolve(&spec, property);
        let with = |value: Value| json!({ name.as_str(): value });
        // nullable -> Option: null is read, and passes.
        if property["nullable"] == json!(true) {
            assert!(
                parsed_codes_at::<ModelBuild>(with(Value::Null), name).is_empty(),
                "{name}: null"
            );
        }
        assert!(
            parsed_codes_at::<ModelBuild>(with(sample(resolved)), name).is_empty(),
            "{name}: sample"
        );
        if let Some(pattern) = resolved.get("pattern").and_then(Value::as_str) {
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
            let (min, max) = (&resolved["minLength"], &resolved["maxLength"]);
            assert_eq!(
                (min, max),
                (&json!(prefix.len() + 32), &json!(prefix.len() + 32)),
                "{name}"
            );
        }
        match resolved.get("format").and_then(Value::as_str) {
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
        if resolved["type"] == json!("integer") {
            assert!(
                serde_json::from_value::<ModelBuild>(with(json!("1"))).is_err(),
                "{name}: string read"
            );
            assert!(
                serde_json::from_value::<ModelBuild>(with(json!(1.5))).is_err(),
                "{name}: float read"
            );
        }
        if let Some(values) = resolved.get("enum").and_then(Value::as_array) {
            check_status_enum(values);
        }
    }
}

fn check_status_enum(values: &[Value]) {
    let spec_values: Vec<&str> = values.iter().map(|v| v.as_str().unwrap()).collect();
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
    let spec = spec();
    let create = &request_schema(&spec, COLLECTION)["properties"]["UniqueName"];
    let limit = described_max_length(create).expect("the description states a limit");
    let at = |n: usize| json!({ "unique_name": "é".repeat(n) });
    assert!(parsed_codes_at::<ModelBuild>(at(limit), "unique_name").is_empty());
    assert_eq!(
        parsed_codes_at::<ModelBuild>(at(limit + 1), "unique_name"),
        ["length"]
    );
}

fn operation<'a>(spec: &'a Value, path: &str, method: &str) -> &'a Value {
    let operation = &spec["paths"][path][method];
    assert!(operation.is_object(), "{method} {path} is not in the spec");
    operation
}

fn request_schema<'a>(spec: &'a Value, path: &str) -> &'a Value {
    &operation(spec, path, "post")["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]
}

/// Checks one form request type against the spec's request schema.
fn check_form_request<T: DeserializeOwned + Validate>(
    spec: &Value,
    path: &str,
    full: &T,
    encode: fn(&T) -> String,
) {
    let schema = request_schema(spec, path);
    let form: BTreeSet<String> = encode(full)
        .split('&')
        .map(|pair| pair.split('=').next().unwrap().to_owned())
        .collect();
    assert_eq!(form, keys(properties(schema)), "{path}: form keys");
    for (name, property) in properties(schema) {
        let decode = |value: &str| -> T {
            let body = serde_urlencoded::to_string([(name.as_str(), value)]).unwrap();
            serde_urlencoded::from_str(&body).unwrap()
        };
        let codes = |value: &str| codes_at(&decode(value), name);
        if property.get("format").and_then(Value::as_str) == Some("uri") {
            assert!(codes("https://example.com/status").is_empty(), "{name}");
            assert_eq!(codes("not a uri"), ["uri"], "{name}");
        }
        if let Some(limit) = described_max_length(property) {
            assert!(codes(&"n".repeat(limit)).is_empty(), "{name}");
            assert_eq!(codes(&"n".repeat(limit + 1)), ["length"], "{name}");
        }
    }
}

#[test]
fn create_and_update_bodies_match_the_spec() {
    let spec = spec();
    let create = CreateModelBuild {
        status_callback: Some("https://example.com".into()),
        unique_name: Some("n".into()),
    };
    check_form_request(&spec, COLLECTION, &create, CreateModelBuild::to_form);
    let update = UpdateModelBuild {
        unique_name: Some("n".into()),
    };
    check_form_request(&spec, INSTANCE, &update, UpdateModelBuild::to_form);
}

#[test]
fn list_parameters_match_the_spec() {
    let spec = spec();
    let parameters = operation(&spec, COLLECTION, "get")["parameters"]
        .as_array()
        .unwrap();
    let query: Vec<&Value> = parameters.iter().filter(|p| p["in"] == "query").collect();
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
    let theirs: BTreeSet<String> = query
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ours, theirs);
    for parameter in query {
        let name = parameter["name"].as_str().unwrap();
        let schema = &parameter["schema"];
        let codes = |value: i64| {
            codes_at(
                &ListModelBuilds::from_query(format!("{name}={value}").as_bytes()).unwrap(),
                name,
            )
        };
        if let Some(min) = schema.get("minimum").and_then(Value::as_i64) {
            assert!(codes(min).is_empty(), "{name} = {min}");
            assert_eq!(codes(min - 1), ["range"], "{name} = {}", min - 1);
        }
        if let Some(max) = schema.get("maximum").and_then(Value::as_i64) {
            assert!(codes(max).is_empty(), "{name} = {max}");
            assert_eq!(codes(max + 1), ["range"], "{name} = {}", max + 1);
        }
        if schema["type"] == "string" {
            assert!(ListModelBuilds::from_query(format!("{name}=any+text").as_bytes())
                .unwrap()
                .validate()
                .is_ok());
        }
    }
}

#[test]
fn the_list_page_matches_the_spec() {
    let spec = spec();
    let response =
        &operation(&spec, COLLECTION, "get")["responses"]["200"]["content"]["application/json"]["schema"];
    let page = ModelBuildPage {
        model_builds: vec![ModelBuild::default()],
        ..Default::default()
    };
    let ours = serde_json::to_value(&page).unwrap();
    assert_eq!(keys(ours.as_object().unwrap()), keys(properties(response)));
    let items = &properties(response)["model_builds"]["items"]["$ref"];
    assert_eq!(items, &json!(format!("#/components/schemas/{SCHEMA}")));

    let meta = &properties(response)["meta"];
    let mut full = Map::new();
    for (name, property) in properties(meta) {
        full.insert(name.clone(), sample(property));
    }
    let parsed: ModelBuildPage = serde_json::from_value(json!({ "meta": full })).unwrap();
    assert_eq!(parsed.validate().map_err(|e| e.to_string()), Ok(()));
    let written = serde_json::to_value(&parsed).unwrap();
    assert_eq!(keys(written["meta"].as_object().unwrap()), keys(properties(meta)));
    for (name, property) in properties(meta) {
        let with = |value: Value| json!({ "meta": { name.as_str(): value } });
        let nullable = property["nullable"] == json!(true);
        assert_eq!(
            serde_json::from_value::<ModelBuildPage>(with(Value::Null)).is_ok(),
            nullable,
            "meta.{name}"
        );
        let path = format!("meta.{name}");
        if property.get("format").and_then(Value::as_str) == Some("uri") {
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
    let spec = spec();
    let (assistant, sid) = (
        "UA0123456789abcdef0123456789abcdef",
        "UG0123456789abcdef0123456789abcdef",
    );
    let mut seen = Vec::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        if !path.contains("/ModelBuilds") {
            continue;
        }
        assert_eq!(item["servers"][0]["url"], json!(paths::BASE_URL), "{path}");
        for (method, operation) in item.as_object().unwrap() {
            let Some(id) = operation.get("operationId").and_then(Value::as_str) else {
                continue;
            };
            let endpoint = match id {
                "CreateModelBuild" => paths::create(assistant),
                "FetchModelBuild" => paths::fetch(assistant, sid),
                "ListModelBuild" => paths::list(assistant, &ListModelBuilds::default()),
                "UpdateModelBuild" => paths::update(assistant, sid),
                "DeleteModelBuild" => paths::delete(assistant, sid),
                other => panic!("no endpoint for {other}"),
            }
            .unwrap();
            let expected_path = path.replace("{AssistantSid}", assistant).replace("{Sid}", sid);
            assert_eq!(endpoint.path, expected_path, "{id}");
            let expected_method = match method.as_str() {
                "get" => Method::Get,
                "post" => Method::Post,
                "delete" => Method::Delete,
                other => panic!("unexpected method {other}"),
            };
            assert_eq!(endpoint.method, expected_method, "{id}");
            let statuses: Vec<&String> = operation["responses"].as_object().unwrap().keys().collect();
            assert_eq!(statuses, [&endpoint.success_status.to_string()], "{id}");
            // The path parameters take a SID or a unique name: neither is a SID check.
            for parameter in operation["parameters"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|p| p["in"] == "path")
            {
                assert_eq!(parameter["schema"], json!({"type": "string"}), "{id}");
            }
            seen.push(id.to_owned());
        }
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
    let spec = spec();
    let schema = &spec["components"]["schemas"][SCHEMA];
    for file in ["model_build_doc_example.json", "model_build.json"] {
        let path = format!("{}/../examples/data/{file}", env!("CARGO_MANIFEST_DIR"));
        let value: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let fields = keys(value.as_object().unwrap());
        assert!(
            keys(properties(schema)).is_subset(&fields),
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
