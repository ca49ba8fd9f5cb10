//! The rules in the OpenAPI document utoipa derives (`modelbuild::utoipa`): what
//! utoipa states on its own, every rule's keywords once written, and `validate()`
//! agreeing field by field with the `jsonschema` crate on the schema read from the
//! document.

mod agreement;

use std::collections::BTreeMap;

use agreement::{agree, document_validator, everything_valid, few_fixed_cases, Everything, Inner};
use modelbuild::axum::Problem;
use modelbuild::model_build::{ModelBuildPage, PageMeta};
use modelbuild::{
    CreateModelBuild, ListModelBuilds, ModelBuild, ModelBuildStatus, UpdateModelBuild, Validate,
};
use serde_json::{json, Value};
use utoipa::{OpenApi, ToSchema};

const EVERYTHING: modelbuild::utoipa::Rules<(Everything, Inner)> = modelbuild::utoipa::Rules::new();

#[derive(OpenApi)]
#[openapi(components(schemas(Everything, Inner)), modifiers(&EVERYTHING))]
struct EverythingDoc;

/// A document as it is served: its JSON.
fn json_of(document: utoipa::openapi::OpenApi) -> Value {
    serde_json::to_value(document).unwrap()
}

/// A schema that is the component `name` of `document`, its references resolved
/// within the document (JSON Schema 2020-12 reads the document's other members as
/// unknown keywords).
fn component_schema(mut document: Value, name: &str) -> Value {
    document["$ref"] = json!(format!("#/components/schemas/{name}"));
    document
}

#[test]
fn validate_and_the_schema_in_utoipas_document_agree_field_by_field() {
    let document = json_of(EverythingDoc::openapi());
    let schema = component_schema(document, "Everything");
    let validator = document_validator(&schema);
    let valid = serde_json::to_value(everything_valid()).unwrap();
    assert!(
        validator.is_valid(&valid),
        "{:?}",
        validator
            .iter_errors(&valid)
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
    );
    agree(&validator, few_fixed_cases(), 2);
}

/// One field per rule, with a hand-written utoipa bound beside one of them.
#[allow(dead_code)]
#[derive(ToSchema, Validate)]
struct Rules {
    #[validate(sid(prefix = "UG"))]
    sid: String,
    #[validate(length(min = 1, max = 64))]
    #[schema(max_length = 100)]
    chars: String,
    #[validate(length(max = 64, unit = "bytes"))]
    bytes: String,
    #[validate(length(min = 1, max = 5))]
    list: Vec<u32>,
    #[validate(length(max = 2))]
    map: BTreeMap<String, u32>,
    #[validate(range(min = 1, max = 1000))]
    page_size: i64,
    #[validate(range(exclusive_min = 0.0, exclusive_max = 1.5))]
    ratio: f64,
    #[validate(required)]
    needed: Option<String>,
    #[validate(uri(schemes = ["https"]))]
    web: String,
    #[validate(email)]
    email: String,
    #[validate(ip)]
    ip: String,
    #[validate(pattern = "^[a-z]+$")]
    pattern: String,
    #[validate(prefix = "UG", suffix = ".pdf")]
    affixes: String,
    #[validate(contains(pattern = "a-b"))]
    contains: String,
    #[validate(does_not_contain = "..")]
    no_dots: String,
    #[validate(each(sid(prefix = "AC")), length(max = 10))]
    accounts: Vec<String>,
    #[validate(keys(length(max = 8)), each(range(max = 9)))]
    scores: BTreeMap<String, u8>,
    #[validate(nested)]
    step: Step,
}

#[allow(dead_code)]
#[derive(ToSchema, Validate)]
struct Step {
    #[validate(length(max = 3))]
    name: String,
}

const RULES: modelbuild::utoipa::Rules<(Rules, Step)> = modelbuild::utoipa::Rules::new();

#[derive(OpenApi)]
#[openapi(components(schemas(Rules, Step)), modifiers(&RULES))]
struct RulesDoc;

#[derive(OpenApi)]
#[openapi(components(schemas(Rules, Step)))]
struct UtoipaAlone;

fn properties(document: &Value, name: &str) -> Value {
    document["components"]["schemas"][name]["properties"].clone()
}

/// utoipa reads its own `#[schema(..)]` and nothing of `#[validate(..)]`: alone, it
/// documents no rule, a `required` field as optional and nullable, and a bound
/// written twice as the copy says.
#[test]
fn utoipa_alone_states_none_of_the_rules() {
    let document = json_of(UtoipaAlone::openapi());
    let rules = properties(&document, "Rules");
    let keywords = [
        "pattern",
        "minLength",
        "maxLength",
        "minItems",
        "maxItems",
        "maxProperties",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "format",
        "allOf",
        "anyOf",
        "propertyNames",
    ];
    for (field, schema) in rules.as_object().unwrap() {
        for keyword in keywords {
            // What utoipa says of the Rust type itself: an integer's format, and a
            // map's keys being strings; and the bound copied by hand.
            let own = match keyword {
                "format" => schema["type"] != "string",
                "propertyNames" => schema[keyword] == json!({"type": "string"}),
                "maxLength" => field == "chars",
                _ => false,
            };
            if !own {
                assert!(schema.get(keyword).is_none(), "{field}: {keyword} in {schema}");
            }
        }
    }
    assert_eq!(rules["chars"]["maxLength"], 100);
    assert_eq!(rules["needed"]["type"], json!(["string", "null"]));
    let required = &document["components"]["schemas"]["Rules"]["required"];
    assert!(!required.as_array().unwrap().contains(&json!("needed")));
    assert!(properties(&document, "Step")["name"].get("maxLength").is_none());
}

#[test]
fn every_rule_utoipa_can_state_is_in_the_document() {
    let document = json_of(RulesDoc::openapi());
    let rules = properties(&document, "Rules");
    assert_eq!(
        rules["sid"],
        json!({"type": "string", "pattern": "^UG[0-9a-fA-F]{32}$", "minLength": 34, "maxLength": 34})
    );
    // The rule's bound, tighter than the copy written by hand.
    assert_eq!(
        rules["chars"],
        json!({"type": "string", "minLength": 1, "maxLength": 64})
    );
    assert_eq!(
        rules["bytes"],
        json!({"type": "string", "x-length": {"unit": "bytes", "max": 64}})
    );
    assert_eq!(
        (&rules["list"]["minItems"], &rules["list"]["maxItems"]),
        (&json!(1), &json!(5))
    );
    assert_eq!(rules["map"]["maxProperties"], 2);
    assert_eq!(
        (&rules["page_size"]["minimum"], &rules["page_size"]["maximum"]),
        (&json!(1), &json!(1000))
    );
    assert_eq!(rules["ratio"]["exclusiveMinimum"].as_f64(), Some(0.0));
    assert_eq!(rules["ratio"]["exclusiveMaximum"], 1.5);
    assert!(rules["ratio"].get("minimum").is_none());
    // `required`: not nullable, and required.
    assert_eq!(rules["needed"]["type"], "string");
    let required = &document["components"]["schemas"]["Rules"]["required"];
    assert!(required.as_array().unwrap().contains(&json!("needed")));
    assert_eq!(rules["web"]["format"], "uri");
    assert_eq!(rules["web"]["pattern"], "^(?:[Hh][Tt][Tt][Pp][Ss]):");
    assert_eq!(rules["email"]["format"], "email");
    assert!(rules["email"]["pattern"].as_str().unwrap().starts_with('^'));
    // What utoipa's model holds only as an `allOf`: `ip`'s either-or, two patterns.
    assert_eq!(
        rules["ip"],
        json!({"allOf": [
            {"type": "string"},
            {"anyOf": [{"type": "string", "format": "ipv4"}, {"type": "string", "format": "ipv6"}]}
        ]})
    );
    assert_eq!(
        rules["affixes"],
        json!({"allOf": [{"type": "string", "pattern": "^UG"}, {"type": "string", "pattern": "\\.pdf$"}]})
    );
    assert_eq!(rules["pattern"]["pattern"], "^[a-z]+$");
    assert_eq!(rules["contains"]["pattern"], "a-b");
    assert_eq!(
        rules["no_dots"],
        json!({"allOf": [{"type": "string"}, {"type": "string", "pattern": "^(?![\\s\\S]*(?:\\.\\.))"}]})
    );
    assert_eq!(rules["accounts"]["maxItems"], 10);
    assert_eq!(rules["accounts"]["items"]["pattern"], "^AC[0-9a-fA-F]{32}$");
    assert_eq!(
        rules["scores"]["propertyNames"],
        json!({"type": "string", "maxLength": 8})
    );
    assert_eq!(rules["scores"]["additionalProperties"]["maximum"], 9);
    // `nested` refers to the type's own component, which has its own rules.
    assert_eq!(rules["step"]["$ref"], "#/components/schemas/Step");
    assert_eq!(properties(&document, "Step")["name"]["maxLength"], 3);
}

#[test]
fn one_call_writes_the_rules_into_a_document_built_otherwise() {
    let mut document = UtoipaAlone::openapi();
    modelbuild::utoipa::write_rules::<Rules>(&mut document);
    let document = json_of(document);
    assert_eq!(properties(&document, "Rules")["chars"]["maxLength"], 64);
    // Only the types named: `Step` was not.
    assert!(properties(&document, "Step")["name"].get("maxLength").is_none());
    // A document without the type's component is left as it was.
    let mut empty = utoipa::openapi::OpenApi::default();
    modelbuild::utoipa::write_rules::<(Rules, Step)>(&mut empty);
    assert_eq!(json_of(empty), json_of(utoipa::openapi::OpenApi::default()));
}

#[test]
fn a_document_with_the_rules_reads_back_as_itself() {
    let document = json_of(RulesDoc::openapi());
    let read: utoipa::openapi::OpenApi = serde_json::from_value(document.clone()).unwrap();
    assert_eq!(json_of(read), document);
    assert!(everything_valid().validate().is_ok());
}

#[allow(dead_code)]
#[derive(serde::Deserialize, ToSchema, Validate)]
enum External {
    Named {
        #[validate(length(max = 3))]
        name: String,
    },
    Plain(#[validate(sid(prefix = "UG"))] String),
}

#[allow(dead_code)]
#[derive(serde::Deserialize, ToSchema, Validate)]
#[serde(tag = "kind")]
enum Internal {
    Named {
        #[validate(length(max = 3))]
        name: String,
    },
    Other {
        #[validate(range(max = 3))]
        count: u32,
    },
}

#[allow(dead_code)]
#[derive(serde::Deserialize, ToSchema, Validate)]
#[serde(tag = "kind", content = "value")]
enum Adjacent {
    Named {
        #[validate(length(max = 3))]
        name: String,
    },
}

const ENUMS: modelbuild::utoipa::Rules<(External, Internal, Adjacent)> = modelbuild::utoipa::Rules::new();

#[derive(OpenApi)]
#[openapi(components(schemas(External, Internal, Adjacent)), modifiers(&ENUMS))]
struct EnumDoc;

/// An enum's variants are found in utoipa's layout of each serde representation.
#[test]
fn the_rules_of_each_variant_are_in_its_option() {
    let document = json_of(EnumDoc::openapi());
    let options = |name: &str| document["components"]["schemas"][name]["oneOf"].clone();
    let external = options("External");
    assert_eq!(
        external[0]["properties"]["Named"]["properties"]["name"]["maxLength"],
        3
    );
    assert_eq!(
        external[1]["properties"]["Plain"]["pattern"],
        "^UG[0-9a-fA-F]{32}$"
    );
    let internal = options("Internal");
    assert_eq!(internal[0]["properties"]["name"]["maxLength"], 3);
    assert_eq!(internal[1]["properties"]["count"]["maximum"], 3);
    let adjacent = options("Adjacent");
    assert_eq!(
        adjacent[0]["properties"]["value"]["properties"]["name"]["maxLength"],
        3
    );
}

const MODEL_BUILD: modelbuild::utoipa::Rules<(
    CreateModelBuild,
    UpdateModelBuild,
    ListModelBuilds,
    ModelBuild,
    ModelBuildPage,
    PageMeta,
)> = modelbuild::utoipa::Rules::new();

#[derive(OpenApi)]
#[openapi(
    components(schemas(
        CreateModelBuild,
        UpdateModelBuild,
        ListModelBuilds,
        ModelBuild,
        ModelBuildStatus,
        ModelBuildPage,
        PageMeta,
        Problem
    )),
    modifiers(&MODEL_BUILD)
)]
struct ModelBuildDoc;

/// The keywords a rule writes, of each property of a schema.
fn rule_keywords(schema: &Value) -> BTreeMap<String, Value> {
    const RULES: [&str; 8] = [
        "pattern",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "allOf",
    ];
    let mut found = BTreeMap::new();
    for (name, property) in schema["properties"].as_object().unwrap() {
        for keyword in RULES {
            if let Some(value) = property.get(keyword) {
                found.insert(format!("{name}.{keyword}"), value.clone());
            }
        }
        if property["type"] == "string"
            || property["type"]
                .as_array()
                .is_some_and(|t| t.contains(&json!("string")))
        {
            if let Some(format) = property.get("format") {
                found.insert(format!("{name}.format"), format.clone());
            }
        }
    }
    found
}

/// The ModelBuild types state in utoipa's document every rule keyword they state in
/// the schema schemars derives: the same table, from the same rules.
#[test]
fn the_modelbuild_types_state_the_same_rules_to_utoipa_as_to_schemars() {
    let document = json_of(ModelBuildDoc::openapi());
    let schemas = &document["components"]["schemas"];
    let schemars_of = [
        (
            "CreateModelBuild",
            schemars::schema_for!(CreateModelBuild).to_value(),
        ),
        (
            "UpdateModelBuild",
            schemars::schema_for!(UpdateModelBuild).to_value(),
        ),
        (
            "ListModelBuilds",
            schemars::schema_for!(ListModelBuilds).to_value(),
        ),
        ("ModelBuild", schemars::schema_for!(ModelBuild).to_value()),
        ("PageMeta", schemars::schema_for!(PageMeta).to_value()),
    ];
    for (name, schemars_schema) in schemars_of {
        let ours = rule_keywords(&schemas[name]);
        assert!(!ours.is_empty(), "{name}");
        assert_eq!(ours, rule_keywords(&schemars_schema), "{name}");
    }
    let create = &schemas["CreateModelBuild"]["properties"];
    assert_eq!(
        create["UniqueName"],
        json!({"type": "string", "maxLength": 64, "description": create["UniqueName"]["description"]})
    );
    // A nullable status: null, or the component.
    let status = &schemas["ModelBuild"]["properties"]["status"]["oneOf"];
    assert_eq!(
        status[0]["$ref"], "#/components/schemas/ModelBuildStatus",
        "{status}"
    );
    assert_eq!(
        schemas["ModelBuildStatus"],
        json!({"type": "string", "enum": ["enqueued", "building", "completed", "failed", "canceled"]})
    );
}

/// `Problem`'s schema describes the document the extractors send.
#[test]
fn the_problem_schema_describes_the_422_body() {
    let document = json_of(ModelBuildDoc::openapi());
    let validator = jsonschema::validator_for(&component_schema(document, "Problem")).unwrap();
    let broken = CreateModelBuild {
        status_callback: Some("ftp://x".into()),
        unique_name: Some("x".repeat(65)),
    };
    let problem = serde_json::to_value(Problem::invalid(broken.validate().unwrap_err())).unwrap();
    assert!(validator.is_valid(&problem), "{problem}");
    assert!(!validator.is_valid(&json!({"type": "about:blank", "title": "x", "status": "422", "detail": ""})));
    let no_params = json!({"type": "about:blank", "title": "x", "status": 422, "detail": "",
        "errors": [{"path": "a", "pointer": "/a", "code": "c", "message": "m"}]});
    assert!(!validator.is_valid(&no_params));
}
