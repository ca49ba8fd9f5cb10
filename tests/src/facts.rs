//! The facts about Twilio's ModelBuild resource that the conformance tests need,
//! extracted from the official OpenAPI definition.
//!
//! The definition itself lives outside this repository (`../shared/spec/`), so a clone
//! on its own could not run the conformance tests. [`extract`] reduces it to the facts
//! those tests check (paths, methods, success statuses, parameters, fields with their
//! types, formats, patterns, bounds, enums and nullability, and the example responses),
//! and `tests/facts/model_build.json` keeps the result. The test `facts.rs` extracts
//! them again whenever the definition is present and requires them to be identical,
//! so the committed file cannot drift from the source.
//!
//! Regenerate with `cargo run -p modelbuild-tests --bin extract-facts`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Every fact the conformance tests read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// Where the facts come from.
    pub source: Source,
    /// The base URL every ModelBuild path is served under.
    pub server: String,
    /// The five operations, in the order of the definition.
    pub operations: Vec<Operation>,
    /// The fields of the ModelBuild resource (`autopilot.v1.assistant.model_build`).
    pub model_build: Vec<Property>,
    /// The list response.
    pub page: Page,
    /// The example responses of the definition's examples variant.
    pub examples: Vec<Example>,
}

/// The documents the facts were extracted from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The definition's file name and `info.version`.
    pub definition: String,
    /// The file the examples come from, and its `info.version`.
    pub examples: String,
    /// Whose facts these are.
    pub notice: String,
}

/// One operation on a ModelBuild path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Operation {
    /// `operationId`, such as `CreateModelBuild`.
    pub id: String,
    /// `get`, `post` or `delete`.
    pub method: String,
    /// The path template, such as `/v1/Assistants/{AssistantSid}/ModelBuilds`.
    pub path: String,
    /// The one success status the definition lists.
    pub success_status: u16,
    /// What the success response carries: `model_build`, `page`, or nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
    /// Parameters in the path.
    pub path_parameters: Vec<Property>,
    /// Parameters in the query string.
    pub query_parameters: Vec<Property>,
    /// The fields of the `application/x-www-form-urlencoded` request body.
    pub form: Vec<Property>,
}

/// The list response: an array of ModelBuilds and a `meta` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// The response's top-level keys.
    pub fields: Vec<String>,
    /// The key that holds the array of ModelBuilds.
    pub items_field: String,
    /// The fields of `meta`.
    pub meta: Vec<Property>,
}

/// One field or parameter and the constraints the definition states for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Property {
    /// The wire name.
    pub name: String,
    /// The JSON Schema type: `string`, `integer`, ...
    #[serde(rename = "type")]
    pub kind: String,
    /// `uri`, `date-time`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// The regex the value must match.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// `minLength`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u64>,
    /// `maxLength`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u64>,
    /// `minimum`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum: Option<i64>,
    /// `maximum`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum: Option<i64>,
    /// The allowed values, from the property or the schema it refers to.
    #[serde(rename = "enum", default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
    /// Whether `null` is allowed.
    pub nullable: bool,
    /// Whether a parameter must be given.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    /// A length limit stated only in prose: "no more than 64 characters".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub described_max_length: Option<u64>,
}

/// One example response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// The example's name in the definition: `fetch`, `readFull`, ...
    pub name: String,
    /// The operation whose response it is.
    pub operation: String,
    /// The response body.
    pub value: Value,
}

/// What can go wrong while extracting: the definition has a shape these facts do not
/// describe. Said plainly, with the JSON pointer of the place.
pub type ExtractError = String;

const MODEL_BUILD_SCHEMA: &str = "autopilot.v1.assistant.model_build";
const PAGE_ITEMS: &str = "model_builds";

/// The facts of `definition` (`twilio_autopilot_v1.json`), with the example responses
/// of `examples` (the examples variant of the same definition).
pub fn extract(definition: &Value, examples: &Value) -> Result<Facts, ExtractError> {
    let schemas = &definition["components"]["schemas"];
    let mut operations = Vec::new();
    let mut servers = Vec::new();
    for (path, item) in model_build_paths(definition)? {
        servers.push(text(&item["servers"][0]["url"], &format!("{path} servers"))?);
        for (method, operation) in item.as_object().into_iter().flatten() {
            if let Some(id) = operation.get("operationId") {
                operations.push(extract_operation(schemas, path, method, id, operation)?);
            }
        }
    }
    servers.dedup();
    let [server] = <[String; 1]>::try_from(servers).map_err(|s| format!("not one server: {s:?}"))?;
    let model_build = properties(schemas, &schemas[MODEL_BUILD_SCHEMA], MODEL_BUILD_SCHEMA)?;
    let page = extract_page(definition, &operations)?;
    Ok(Facts {
        source: Source {
            definition: format!("twilio_autopilot_v1.json {}", version(definition)?),
            examples: format!("examples-variant/twilio_autopilot_v1.json {}", version(examples)?),
            notice: "Facts extracted from Twilio's OpenAPI definition of Autopilot v1 \
                     (github.com/twilio/twilio-oai, MIT licence, Copyright Twilio, Inc.)"
                .to_owned(),
        },
        server,
        operations,
        model_build,
        page,
        examples: extract_examples(examples)?,
    })
}

fn version(definition: &Value) -> Result<String, ExtractError> {
    text(&definition["info"]["version"], "info.version")
}

fn model_build_paths(definition: &Value) -> Result<Vec<(&String, &Value)>, ExtractError> {
    let paths = definition["paths"]
        .as_object()
        .ok_or("the definition has no paths")?;
    let found: Vec<_> = paths
        .iter()
        .filter(|(path, _)| path.contains("/ModelBuilds"))
        .collect();
    if found.is_empty() {
        return Err("no ModelBuild paths".into());
    }
    Ok(found)
}

fn extract_operation(
    schemas: &Value,
    path: &str,
    method: &str,
    id: &Value,
    operation: &Value,
) -> Result<Operation, ExtractError> {
    let id = text(id, &format!("{method} {path} operationId"))?;
    let responses = operation["responses"]
        .as_object()
        .ok_or(format!("{id}: no responses"))?;
    let [(status, response)] = <[_; 1]>::try_from(responses.iter().collect::<Vec<_>>())
        .map_err(|_| format!("{id}: not exactly one response"))?;
    let success_status = status.parse().map_err(|_| format!("{id}: status {status}"))?;
    let body = &response["content"]["application/json"]["schema"];
    let response = match (body.get("$ref"), body.get("properties")) {
        (None, None) if body.is_null() => None,
        (Some(_), _) => Some(reference_name(body)?.replace("autopilot.v1.assistant.", "")),
        (None, Some(_)) if body["properties"].get(PAGE_ITEMS).is_some() => Some("page".to_owned()),
        _ => return Err(format!("{id}: a response body of unknown shape")),
    };
    let parameters = |place: &str| -> Result<Vec<Property>, ExtractError> {
        operation["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|p| p["in"] == place)
            .map(|p| parameter(schemas, p, &id))
            .collect()
    };
    let (path_parameters, query_parameters) = (parameters("path")?, parameters("query")?);
    let form_schema = &operation["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"];
    let form = if form_schema.is_null() {
        Vec::new()
    } else {
        properties(schemas, form_schema, &format!("{id} form"))?
    };
    Ok(Operation {
        id,
        method: method.to_owned(),
        path: path.to_owned(),
        success_status,
        response,
        path_parameters,
        query_parameters,
        form,
    })
}

fn parameter(schemas: &Value, parameter: &Value, operation: &str) -> Result<Property, ExtractError> {
    let name = text(&parameter["name"], &format!("{operation} parameter name"))?;
    let mut property = property(schemas, &name, &parameter["schema"])?;
    property.required = parameter["required"] == Value::Bool(true);
    property.described_max_length = described_max_length(&parameter["description"]);
    Ok(property)
}

fn extract_page(definition: &Value, operations: &[Operation]) -> Result<Page, ExtractError> {
    let list = operations
        .iter()
        .find(|o| o.response.as_deref() == Some("page"))
        .ok_or("no operation answers with a page")?;
    let schema = &definition["paths"][&list.path][&list.method]["responses"][list.success_status.to_string()]
        ["content"]["application/json"]["schema"];
    let fields = schema["properties"]
        .as_object()
        .ok_or("the page has no properties")?;
    let items = &fields[PAGE_ITEMS];
    if items["type"] != "array" || reference_name(&items["items"])? != MODEL_BUILD_SCHEMA {
        return Err(format!("{PAGE_ITEMS} is not an array of {MODEL_BUILD_SCHEMA}"));
    }
    let schemas = &definition["components"]["schemas"];
    Ok(Page {
        fields: fields.keys().cloned().collect(),
        items_field: PAGE_ITEMS.to_owned(),
        meta: properties(schemas, &fields["meta"], "meta")?,
    })
}

fn properties(schemas: &Value, schema: &Value, place: &str) -> Result<Vec<Property>, ExtractError> {
    let object: &Map<String, Value> = schema["properties"]
        .as_object()
        .ok_or(format!("{place}: no properties"))?;
    object
        .iter()
        .map(|(name, value)| property(schemas, name, value))
        .collect()
}

fn property(schemas: &Value, name: &str, schema: &Value) -> Result<Property, ExtractError> {
    let referred = match schema.get("$ref") {
        Some(_) => &schemas[reference_name(schema)?],
        None => &Value::Null,
    };
    // A property may state its type beside a `$ref`; either place counts.
    let field = |key: &str| schema.get(key).or_else(|| referred.get(key));
    let string = |key: &str| field(key).and_then(Value::as_str).map(str::to_owned);
    let values = field("enum")
        .map(|values| {
            values
                .as_array()
                .into_iter()
                .flatten()
                .map(|v| text(v, &format!("{name} enum")))
                .collect::<Result<Vec<_>, _>>()
        })
        .transpose()?;
    Ok(Property {
        name: name.to_owned(),
        kind: string("type").ok_or(format!("{name}: no type"))?,
        format: string("format"),
        pattern: string("pattern"),
        min_length: field("minLength").and_then(Value::as_u64),
        max_length: field("maxLength").and_then(Value::as_u64),
        minimum: field("minimum").and_then(Value::as_i64),
        maximum: field("maximum").and_then(Value::as_i64),
        values,
        nullable: field("nullable") == Some(&Value::Bool(true)),
        required: false,
        described_max_length: described_max_length(&schema["description"]),
    })
}

/// `#/components/schemas/NAME` -> `NAME`.
fn reference_name(schema: &Value) -> Result<&str, ExtractError> {
    let reference = schema["$ref"].as_str().ok_or("expected a $ref")?;
    reference
        .strip_prefix("#/components/schemas/")
        .ok_or(format!("a $ref outside the schemas: {reference}"))
}

/// "... of no more than 64 characters ..." -> 64: the only form the definition uses
/// for a limit it states in prose.
fn described_max_length(description: &Value) -> Option<u64> {
    let text = description.as_str()?;
    let (_, after) = text.split_once("no more than ")?;
    let (number, rest) = after.split_once(' ')?;
    rest.starts_with("characters").then(|| number.parse().ok())?
}

fn extract_examples(examples: &Value) -> Result<Vec<Example>, ExtractError> {
    let mut found = Vec::new();
    for (_, item) in model_build_paths(examples)? {
        for operation in item.as_object().into_iter().flatten().map(|(_, o)| o) {
            let Some(id) = operation.get("operationId").and_then(Value::as_str) else {
                continue;
            };
            for response in operation["responses"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(_, r)| r)
            {
                let named = response["content"]["application/json"]["examples"].as_object();
                for (name, example) in named.into_iter().flatten() {
                    found.push(Example {
                        name: name.clone(),
                        operation: id.to_owned(),
                        value: example["value"].clone(),
                    });
                }
            }
        }
    }
    Ok(found)
}

fn text(value: &Value, what: &str) -> Result<String, ExtractError> {
    value
        .as_str()
        .map(str::to_owned)
        .ok_or(format!("{what}: expected a string"))
}

/// The committed facts file.
pub fn committed_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("facts/model_build.json")
}

/// The committed facts, which every conformance test reads.
pub fn committed() -> Facts {
    let path = committed_path();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The facts as the committed file spells them: pretty JSON and a final newline.
pub fn to_text(facts: &Facts) -> String {
    let mut text = serde_json::to_string_pretty(facts).expect("facts serialize");
    text.push('\n');
    text
}

/// Where the official definition is: `$MODELBUILD_SPEC_DIR`, or `../shared/spec` beside
/// the repository.
pub fn spec_dir() -> PathBuf {
    match std::env::var_os("MODELBUILD_SPEC_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/spec"),
    }
}

/// The facts extracted from the definition in [`spec_dir`], or `None` when it is not
/// there; an error when it is there but cannot be read or has an unexpected shape.
pub fn extract_from_spec_dir() -> Result<Option<Facts>, ExtractError> {
    let dir = spec_dir();
    let definition = dir.join("twilio_autopilot_v1.json");
    if !definition.exists() {
        return Ok(None);
    }
    let read = |path: PathBuf| -> Result<Value, ExtractError> {
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    };
    let examples = read(dir.join("examples-variant/twilio_autopilot_v1.json"))?;
    extract(&read(definition)?, &examples).map(Some)
}
