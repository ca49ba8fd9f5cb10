//! A small ModelBuild API on axum, documented with utoipa: create a build, fetch it,
//! and the OpenAPI document at `/openapi.json`, in which every rule the handlers
//! enforce is stated (`modelbuild::utoipa`), with the `422` they answer a broken one
//! with.
//!
//! Run it with `cargo run -p modelbuild-example-openapi`; it prints the address it
//! listens on (`--port N` picks the port, any free one by default).

#![forbid(unsafe_code)]

use std::sync::{Arc, Mutex, PoisonError};

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use modelbuild::axum::Problem;
use modelbuild::model_build::{paths, ModelBuildStatus};
use modelbuild::{CreateModelBuild, ModelBuild, Valid, ValidationErrors};
use utoipa::OpenApi;

/// The builds made so far, in memory, each with the assistant it was made for.
#[derive(Clone, Default)]
pub struct Builds(Arc<Mutex<Vec<(String, ModelBuild)>>>);

impl Builds {
    /// Makes a build of `request` for `assistant`, enqueued, and keeps it.
    fn create(&self, assistant: &str, request: CreateModelBuild) -> Result<ModelBuild, ValidationErrors> {
        let mut builds = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        // A SID of the build's own: `UG` and its number, in 32 hex digits.
        let sid = format!("UG{:032x}", builds.len() + 1);
        let build = ModelBuild {
            url: Some(paths::fetch(assistant, &sid)?.url_on(BASE)),
            sid: Some(sid),
            status: Some(ModelBuildStatus::Enqueued),
            unique_name: request.unique_name,
            date_created: Some(modelbuild::time::OffsetDateTime::now_utc()),
            ..ModelBuild::default()
        };
        builds.push((assistant.to_owned(), build.clone()));
        Ok(build)
    }

    /// The build of `assistant` whose SID or unique name is `sid`.
    fn find(&self, assistant: &str, sid: &str) -> Option<ModelBuild> {
        let builds = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let found = builds.iter().find(|(of, build)| {
            of == assistant
                && (build.sid.as_deref() == Some(sid) || build.unique_name.as_deref() == Some(sid))
        });
        found.map(|(_, build)| build.clone())
    }
}

/// The origin the builds' `url`s are given under.
const BASE: &str = "https://autopilot.example.com";

/// Creates a build: a form body, every rule checked, every error at once.
#[utoipa::path(
    post,
    path = "/v1/Assistants/{AssistantSid}/ModelBuilds",
    params(("AssistantSid" = String, Path, description = "The assistant's SID or unique name")),
    request_body(content = CreateModelBuild, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 201, description = "The build, enqueued", body = ModelBuild),
        (status = 422, description = "Every broken rule", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn create(
    State(builds): State<Builds>,
    Path(assistant): Path<String>,
    request: Valid<Form<CreateModelBuild>>,
) -> Response {
    let Form(request) = request.into_inner();
    match builds.create(&assistant, request) {
        Ok(build) => (StatusCode::CREATED, Json(build)).into_response(),
        // An assistant's name too long to be one.
        Err(errors) => Problem::invalid(errors).into_response(),
    }
}

/// Fetches a build by its SID or unique name.
#[utoipa::path(
    get,
    path = "/v1/Assistants/{AssistantSid}/ModelBuilds/{Sid}",
    params(
        ("AssistantSid" = String, Path, description = "The assistant's SID or unique name"),
        ("Sid" = String, Path, description = "The build's SID or unique name"),
    ),
    responses(
        (status = 200, description = "The build", body = ModelBuild),
        (status = 404, description = "No such build", body = Problem, content_type = "application/problem+json"),
    )
)]
async fn fetch(State(builds): State<Builds>, Path((assistant, sid)): Path<(String, String)>) -> Response {
    match builds.find(&assistant, &sid) {
        Some(build) => Json(build).into_response(),
        None => Problem::status(
            StatusCode::NOT_FOUND,
            format!("no build {sid} of assistant {assistant}"),
        )
        .into_response(),
    }
}

/// The rules of every type the API reads or writes, written into the document.
const RULES: modelbuild::utoipa::Rules<(CreateModelBuild, ModelBuild)> = modelbuild::utoipa::Rules::new();

/// The API's OpenAPI document.
#[derive(OpenApi)]
#[openapi(
    info(title = "ModelBuild API (example)", description = "Twilio Autopilot v1 ModelBuilds, validated by modelbuild"),
    paths(create, fetch),
    components(schemas(ModelBuildStatus)),
    modifiers(&RULES)
)]
pub struct ApiDoc;

/// The API's routes, `/openapi.json` among them, over a store of its own.
pub fn app() -> Router {
    let document = serde_json::to_value(ApiDoc::openapi()).unwrap_or_default();
    Router::new()
        .route("/v1/Assistants/{AssistantSid}/ModelBuilds", post(create))
        .route("/v1/Assistants/{AssistantSid}/ModelBuilds/{Sid}", get(fetch))
        .route("/openapi.json", get(move || async move { Json(document) }))
        .with_state(Builds::default())
}
