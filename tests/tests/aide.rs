//! The extractors in aide's OpenAPI document (`modelbuild::aide`): a small router is
//! documented, its document read back as JSON, and what it says is checked against
//! what the same router does: the rules of the request body (`validate()` and the
//! `jsonschema` crate on the documented schema agree field by field), and the `422`
//! (the problem the router sends is valid against the documented `Problem`).

mod agreement;

use agreement::{agree, document_validator, everything_valid, few_fixed_cases, Everything};
use aide::axum::routing::{get, post};
use aide::axum::ApiRouter;
use aide::openapi::OpenApi;
use axum::body::Body;
use axum::extract::rejection::FormRejection;
use axum::extract::FromRef;
use axum::http::{header, Request, StatusCode};
use axum::{Form, Json, Router};
use http_body_util::BodyExt;
use modelbuild::axum::{Problem, Rejection, Signed, TwilioWebhook, ValidWith};
use modelbuild::signature::AuthToken;
use modelbuild::{CreateModelBuild, ListModelBuilds, RuleError, Valid, Validate};
use schemars::JsonSchema;
use serde_json::{json, Value};
use tower::ServiceExt;

async fn everything(body: Valid<Json<Everything>>) -> Json<Everything> {
    Json(body.into_inner().0)
}

async fn create(body: Valid<Form<CreateModelBuild>>) -> String {
    body.into_inner().0.unique_name.unwrap_or_default()
}

async fn list(query: Valid<axum::extract::Query<ListModelBuilds>>) -> String {
    format!("{:?}", query.into_inner().0.page_size)
}

/// A route that answers the rejection itself, and one that answers problems of its own.
async fn create_or_reject(
    body: Result<Valid<Form<CreateModelBuild>>, Rejection<FormRejection>>,
) -> Result<String, Rejection<FormRejection>> {
    Ok(body?.into_inner().0.unique_name.unwrap_or_default())
}

async fn teapot() -> Result<String, Problem> {
    Err(Problem::status(StatusCode::IM_A_TEAPOT, "short and stout"))
}

/// The context of `Rename`: names already taken.
#[derive(Clone)]
struct Taken(Vec<String>);

fn is_free(name: &str, taken: &Taken) -> Result<(), RuleError> {
    match taken.0.iter().any(|t| t == name) {
        true => Err(RuleError::new("taken", "is already taken")),
        false => Ok(()),
    }
}

#[derive(serde::Deserialize, JsonSchema, Validate)]
#[schemars(transform = modelbuild::schema::rules::<Self>)]
#[validate(context = Taken)]
struct Rename {
    #[validate(length(min = 1, max = 64), custom = is_free)]
    unique_name: String,
}

async fn rename(body: ValidWith<Json<Rename>, Taken>) -> String {
    body.into_inner().0.unique_name
}

async fn callback(Signed(body): Signed<Valid<Form<CreateModelBuild>>>) -> String {
    body.into_inner().0.unique_name.unwrap_or_default()
}

#[derive(Clone)]
struct AppState {
    taken: Taken,
    webhook: TwilioWebhook,
}

impl FromRef<AppState> for Taken {
    fn from_ref(state: &AppState) -> Taken {
        state.taken.clone()
    }
}

impl FromRef<AppState> for TwilioWebhook {
    fn from_ref(state: &AppState) -> TwilioWebhook {
        state.webhook.clone()
    }
}

/// The router, and its document as it would be served.
fn documented() -> (Router, Value) {
    let mut api = OpenApi::default();
    let state = AppState {
        taken: Taken(vec!["nightly".into()]),
        webhook: TwilioWebhook::new(AuthToken::new("12345"), "https://hooks.example.com"),
    };
    let router = ApiRouter::new()
        .api_route("/everything", post(everything))
        .api_route("/builds", post(create).get(list))
        .api_route("/builds-or-reject", post(create_or_reject))
        .api_route("/teapot", get(teapot))
        .api_route("/rename", post(rename))
        .api_route("/callback", post(callback))
        .finish_api(&mut api)
        .with_state(state);
    (router, serde_json::to_value(&api).unwrap())
}

/// A schema that is `pointer`'s schema in `document`, references resolved within the
/// document (JSON Schema 2020-12, OpenAPI 3.1's dialect, reads the document's other
/// members as unknown keywords).
fn schema_at(mut document: Value, pointer: &str) -> Value {
    let schema = document
        .pointer(pointer)
        .unwrap_or_else(|| panic!("no {pointer}"))
        .clone();
    document["$ref"] = schema["$ref"].clone();
    assert!(document["$ref"].is_string(), "{pointer} is a reference: {schema}");
    document
}

fn send(router: Router, request: Request<Body>) -> (StatusCode, String, Value) {
    let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    runtime.block_on(async {
        let response = router.oneshot(request).await.unwrap();
        let status = response.status();
        let content_type = response.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .to_owned();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        (status, content_type, serde_json::from_slice(&body).unwrap())
    })
}

fn post_as(uri: &str, content_type: &str, body: &str) -> Request<Body> {
    Request::post(uri)
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body.to_owned()))
        .unwrap()
}

const REQUEST_BODY: &str = "/paths/~1everything/post/requestBody/content/application~1json/schema";

#[test]
fn validate_and_the_request_body_in_aides_document_agree_field_by_field() {
    let (_, document) = documented();
    let validator = document_validator(&schema_at(document, REQUEST_BODY));
    let valid = serde_json::to_value(everything_valid()).unwrap();
    assert!(validator.is_valid(&valid));
    agree(&validator, few_fixed_cases(), 2);
}

#[test]
fn a_json_route_documents_the_problem_in_place_of_aides_422() {
    let (_, document) = documented();
    let responses = &document["paths"]["/everything"]["post"]["responses"];
    let invalid = &responses["422"]["content"];
    assert_eq!(invalid.as_object().unwrap().len(), 1, "{invalid}");
    let problem = &invalid["application/problem+json"]["schema"];
    assert_eq!(problem["$ref"], "#/components/schemas/Problem");
    // What axum answers itself stays as aide documents it.
    assert!(
        responses["400"]["content"]["text/plain"].is_object(),
        "{responses}"
    );
    assert!(
        responses["415"]["content"]["text/plain"].is_object(),
        "{responses}"
    );
    assert!(
        responses["200"]["content"]["application/json"].is_object(),
        "{responses}"
    );
}

#[test]
fn the_problem_the_router_sends_is_the_documented_problem() {
    let (router, document) = documented();
    let pointer = "/paths/~1everything/post/responses/422/content/application~1problem+json/schema";
    let problem = document_validator(&schema_at(document, pointer));
    let mut broken = serde_json::to_value(everything_valid()).unwrap();
    broken["name"] = json!("far too long");
    broken["count"] = json!("ten");
    broken.as_object_mut().unwrap().remove("email");
    let request = post_as("/everything", "application/json", &broken.to_string());
    let (status, content_type, body) = send(router.clone(), request);
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(content_type, "application/problem+json");
    assert_eq!(body["errors"].as_array().unwrap().len(), 3, "{body}");
    assert!(problem.is_valid(&body), "{body}");
    // A valid body passes, and the document's schema of the problem is not a blank one.
    let valid = serde_json::to_value(everything_valid()).unwrap();
    let request = post_as("/everything", "application/json", &valid.to_string());
    assert_eq!(send(router, request).0, StatusCode::OK);
    assert!(!problem.is_valid(&json!({"type": "about:blank", "title": "x", "status": "422"})));
    assert!(!problem.is_valid(&json!({"type": "about:blank", "title": "x", "status": 422})));
}

#[test]
fn a_form_route_documents_its_body_with_the_rules_and_the_422() {
    let (_, document) = documented();
    let operation = &document["paths"]["/builds"]["post"];
    let body = &operation["requestBody"]["content"]["application/x-www-form-urlencoded"];
    assert_eq!(body["schema"]["$ref"], "#/components/schemas/CreateModelBuild");
    let create = &document["components"]["schemas"]["CreateModelBuild"]["properties"];
    assert_eq!(create["UniqueName"]["maxLength"], 64, "{create}");
    let invalid = &operation["responses"]["422"]["content"]["application/problem+json"];
    assert_eq!(invalid["schema"]["$ref"], "#/components/schemas/Problem");
}

#[test]
fn a_query_route_documents_each_parameter_with_its_rules() {
    let (_, document) = documented();
    let operation = &document["paths"]["/builds"]["get"];
    let parameters = operation["parameters"].as_array().unwrap();
    let page_size = parameters
        .iter()
        .find(|p| p["name"] == "PageSize")
        .unwrap_or_else(|| panic!("{parameters:?}"));
    assert_eq!(page_size["in"], "query");
    assert_eq!(page_size["schema"]["minimum"], 1);
    assert_eq!(page_size["schema"]["maximum"], 1000);
    let page = parameters.iter().find(|p| p["name"] == "Page").unwrap();
    assert_eq!(page["schema"]["minimum"], 0);
    assert!(operation["responses"]["422"]["content"]["application/problem+json"].is_object());
}

#[test]
fn a_route_with_a_context_is_documented_as_one_without() {
    let (router, document) = documented();
    let operation = &document["paths"]["/rename"]["post"];
    let body = &operation["requestBody"]["content"]["application/json"]["schema"];
    assert_eq!(body["$ref"], "#/components/schemas/Rename");
    let rename = &document["components"]["schemas"]["Rename"]["properties"];
    assert_eq!(rename["unique_name"]["minLength"], 1);
    assert_eq!(rename["unique_name"]["maxLength"], 64);
    assert!(operation["responses"]["422"]["content"]["application/problem+json"].is_object());
    // The router itself still checks the context's rule.
    let request = post_as("/rename", "application/json", r#"{"unique_name": "nightly"}"#);
    let (status, _, problem) = send(router, request);
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["code"], "taken");
}

#[test]
fn a_signed_route_documents_the_signature_header_and_the_403() {
    let (router, document) = documented();
    let operation = &document["paths"]["/callback"]["post"];
    let parameters = operation["parameters"].as_array().unwrap();
    let signature = parameters
        .iter()
        .find(|p| p["name"] == "X-Twilio-Signature")
        .unwrap_or_else(|| panic!("{parameters:?}"));
    assert_eq!(signature["in"], "header");
    assert_eq!(signature["required"], true);
    let responses = &operation["responses"];
    let forbidden = &responses["403"]["content"]["application/problem+json"]["schema"];
    assert_eq!(forbidden["$ref"], "#/components/schemas/Problem");
    // The inner extractor's body and 422 are there too.
    assert!(operation["requestBody"]["content"]["application/x-www-form-urlencoded"].is_object());
    assert!(responses["422"].is_object(), "{responses}");
    // And the router answers an unsigned request with the documented 403.
    let pointer = "/paths/~1callback/post/responses/403/content/application~1problem+json/schema";
    let problem = document_validator(&schema_at(document.clone(), pointer));
    let request = post_as("/callback", "application/x-www-form-urlencoded", "UniqueName=a");
    let (status, content_type, body) = send(router, request);
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(content_type, "application/problem+json");
    assert!(problem.is_valid(&body), "{body}");
}

#[test]
fn a_handler_that_answers_the_rejection_or_a_problem_documents_it() {
    let (_, document) = documented();
    let responses = &document["paths"]["/builds-or-reject"]["post"]["responses"];
    let invalid = &responses["422"]["content"]["application/problem+json"]["schema"];
    assert_eq!(invalid["$ref"], "#/components/schemas/Problem");
    let responses = &document["paths"]["/teapot"]["get"]["responses"];
    let default = &responses["default"]["content"]["application/problem+json"]["schema"];
    assert_eq!(default["$ref"], "#/components/schemas/Problem", "{responses}");
}

#[test]
fn the_problem_has_one_schema_whichever_generator_states_it() {
    let mut schemars = schemars::schema_for!(Problem).to_value();
    let schemars = schemars.as_object_mut().unwrap();
    schemars.remove("$schema");
    schemars.remove("title");
    let utoipa = serde_json::to_value(<Problem as utoipa::PartialSchema>::schema()).unwrap();
    assert_eq!(Value::Object(schemars.clone()), utoipa);
}
