//! The actix-web extractors through an app, in-process (`actix_web::test`): what a
//! handler receives, and what a client is answered when a request cannot be read or
//! breaks rules.

use std::collections::HashSet;

use actix_web::http::header;
use actix_web::http::StatusCode;
use actix_web::test::{self, TestRequest};
use actix_web::web::{self, Form, Json, Path, Query};
use actix_web::{App, Error, HttpResponse};
use modelbuild::actix::{Rejection, ValidWith};
use modelbuild::{CreateModelBuild, ListModelBuilds, RuleError, Valid, Validate};
use serde_json::{json, Value};

struct Answer {
    status: StatusCode,
    content_type: String,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.body)))
    }

    /// Each error's pointer and code, in the order of the answer.
    fn errors(&self) -> Vec<(String, String)> {
        let json = self.json();
        let errors = json["errors"].as_array().expect("a problem lists its errors");
        let text = |e: &Value, key: &str| e[key].as_str().unwrap().to_owned();
        errors
            .iter()
            .map(|e| (text(e, "pointer"), text(e, "code")))
            .collect()
    }
}

/// Runs the app on actix's runtime and sends it each request, in order. A macro, since
/// an `App`'s type names every service it holds.
macro_rules! send {
    ($app:expr, [$($request:expr),+ $(,)?]) => {
        actix_web::rt::System::new().block_on(async {
            let app = test::init_service($app).await;
            [$({
                let response = test::call_service(&app, $request.to_request()).await;
                let status = response.status();
                let content_type = response
                    .headers()
                    .get(header::CONTENT_TYPE)
                    .map(|v| v.to_str().unwrap().to_owned())
                    .unwrap_or_default();
                let body = test::read_body(response).await.to_vec();
                Answer { status, content_type, body }
            }),+]
        })
    };
}

fn post_as(uri: &str, content_type: &str, body: &str) -> TestRequest {
    TestRequest::post()
        .uri(uri)
        .insert_header((header::CONTENT_TYPE, content_type))
        .set_payload(body.to_owned())
}

const FORM: &str = "application/x-www-form-urlencoded";

#[derive(Debug, serde::Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Subscription {
    #[validate(sid(prefix = "AC"))]
    account_sid: String,
    #[validate(length(min = 1, max = 4), each(length(max = 8)))]
    events: Vec<String>,
}

async fn subscribe(body: Valid<Json<Subscription>>) -> String {
    body.account_sid.clone()
}

#[test]
fn a_valid_json_body_reaches_the_handler_and_a_bad_one_is_a_422_listing_every_error() {
    let app = App::new().route("/subscriptions", web::post().to(subscribe));
    let [ok, broken, mistyped] = send!(
        app,
        [
            post_as(
                "/subscriptions",
                "application/json",
                r#"{"accountSid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "events": ["built"]}"#
            ),
            post_as(
                "/subscriptions",
                "application/json",
                r#"{"accountSid": "AC12", "events": ["built", "much too long"]}"#
            ),
            post_as(
                "/subscriptions",
                "application/json",
                r#"{"accountSid": 5, "events": ["built", "much too long", 7]}"#
            ),
        ]
    );
    assert_eq!(
        (ok.status, ok.body.as_slice()),
        (StatusCode::OK, b"ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".as_slice())
    );

    assert_eq!(broken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(broken.content_type, "application/problem+json");
    assert_eq!(
        broken.json(),
        json!({
            "type": "about:blank",
            "title": "Unprocessable Content",
            "status": 422,
            "detail": "the request breaks 2 rules; `errors` lists each",
            "errors": [
                {"path": "accountSid", "pointer": "/accountSid", "code": "sid",
                 "message": "must be a SID: \"AC\" followed by 32 hexadecimal digits",
                 "params": {"prefix": "AC"}},
                {"path": "events[1]", "pointer": "/events/1", "code": "length",
                 "message": "must be at most 8 characters long",
                 "params": {"max": 8, "unit": "chars"}}
            ]
        })
    );
    // Read in one step: values of the wrong type and a broken rule, in one answer.
    assert_eq!(mistyped.status, StatusCode::UNPROCESSABLE_ENTITY);
    let expected = [
        ("/accountSid", "type"),
        ("/events/1", "length"),
        ("/events/2", "type"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(p, c)| (p.to_string(), c.to_string()))
        .collect();
    assert_eq!(mistyped.errors(), expected);
}

#[test]
fn a_body_actix_cannot_read_keeps_actixs_own_answer_and_its_config() {
    let cases = [
        ("application/json", "{not json".to_owned()),
        ("application/json", r#"{"accountSid": "AC1"} trailing"#.to_owned()),
        ("text/plain", "{}".to_owned()),
        (
            "application/json",
            format!(r#"{{"accountSid": "{}"}}"#, "a".repeat(200)),
        ),
    ];
    let limited = || web::JsonConfig::default().limit(100);
    let ours = App::new()
        .app_data(limited())
        .route("/s", web::post().to(subscribe));
    let plain = App::new()
        .app_data(limited())
        .route("/s", web::post().to(|_: Json<Subscription>| async { "" }));
    let ours = send!(
        ours,
        [
            post_as("/s", cases[0].0, &cases[0].1),
            post_as("/s", cases[1].0, &cases[1].1),
            post_as("/s", cases[2].0, &cases[2].1),
            post_as("/s", cases[3].0, &cases[3].1),
        ]
    );
    let actixs = send!(
        plain,
        [
            post_as("/s", cases[0].0, &cases[0].1),
            post_as("/s", cases[1].0, &cases[1].1),
            post_as("/s", cases[2].0, &cases[2].1),
            post_as("/s", cases[3].0, &cases[3].1),
        ]
    );
    for ((ours, actixs), (_, body)) in ours.iter().zip(&actixs).zip(&cases) {
        assert!(ours.status.is_client_error(), "{body}");
        assert_ne!(ours.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(
            (ours.status, &ours.content_type),
            (actixs.status, &actixs.content_type),
            "{body}"
        );
    }
    assert_eq!(ours[3].status, StatusCode::PAYLOAD_TOO_LARGE);
    // The app's JsonConfig error handler answers for the inner extractor too.
    let handled = App::new()
        .app_data(web::JsonConfig::default().error_handler(|_, _| {
            actix_web::error::InternalError::from_response("no", HttpResponse::ImATeapot().finish()).into()
        }))
        .route("/s", web::post().to(subscribe));
    let [teapot] = send!(handled, [post_as("/s", "application/json", "{not json")]);
    assert_eq!(teapot.status, StatusCode::IM_A_TEAPOT);
}

#[test]
fn forms_queries_and_paths_are_read_in_one_step_with_the_wire_names() {
    async fn create(body: Valid<Form<CreateModelBuild>>) -> String {
        body.into_inner().into_inner().to_form()
    }
    async fn list(query: Valid<Query<ListModelBuilds>>) -> String {
        query.into_inner().into_inner().to_query()
    }
    let app = App::new()
        .route("/builds", web::post().to(create))
        .route("/builds", web::get().to(list));
    let long = format!("StatusCallback=ftp%3A%2F%2Fx&UniqueName={}", "x".repeat(65));
    let [ok, bad, repeated, other_type, page, unreadable] = send!(
        app,
        [
            post_as("/builds", FORM, "UniqueName=nightly"),
            post_as("/builds", FORM, &long),
            post_as(
                "/builds",
                FORM,
                "UniqueName=a&UniqueName=b&Colour=red&StatusCallback=%zz"
            ),
            post_as("/builds", "application/json", "{}"),
            TestRequest::get().uri("/builds?PageSize=20"),
            TestRequest::get().uri("/builds?PageSize=many&Page=-1"),
        ]
    );
    assert_eq!(
        (ok.status, ok.body.as_slice()),
        (StatusCode::OK, b"UniqueName=nightly".as_slice())
    );
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let codes = |answer: &Answer| {
        answer
            .errors()
            .into_iter()
            .map(|(p, c)| format!("{p} {c}"))
            .collect::<Vec<_>>()
    };
    assert_eq!(codes(&bad), ["/StatusCallback uri", "/UniqueName length"]);
    // Decoded strictly: a repeated key, a bad escape, an unknown field, each reported.
    assert_eq!(
        codes(&repeated),
        [
            "/UniqueName duplicate",
            "/Colour unknown_field",
            "/StatusCallback syntax"
        ]
    );
    // A body that is no form is actix's own answer (415, as `web::Form` answers it).
    assert_eq!(other_type.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_ne!(other_type.content_type, "application/problem+json");
    assert_eq!(
        (page.status, page.body.as_slice()),
        (StatusCode::OK, b"PageSize=20".as_slice())
    );
    assert_eq!(codes(&unreadable), ["/PageSize type", "/Page range"]);
}

#[derive(Debug, serde::Deserialize, Validate)]
struct BuildPath {
    #[validate(length(min = 2, max = 64))]
    assistant: String,
    #[validate(sid(prefix = "UG"))]
    sid: String,
    #[validate(range(max = 9))]
    version: u8,
}

#[test]
fn a_path_is_read_by_the_names_of_its_segments() {
    async fn fetch(path: Valid<Path<BuildPath>>) -> String {
        let path = path.into_inner().into_inner();
        format!("{} {} {}", path.assistant, path.sid, path.version)
    }
    let app = App::new().route("/{assistant}/builds/{sid}/v/{version}", web::get().to(fetch));
    let sid = format!("UG{}", "0".repeat(32));
    let [ok, broken, mistyped] = send!(
        app,
        [
            TestRequest::get().uri(&format!("/support%20bot/builds/{sid}/v/2")),
            TestRequest::get().uri("/a/builds/UG1/v/10"),
            TestRequest::get().uri("/a+b%2Fc/builds/UG1/v/ten"),
        ]
    );
    assert_eq!(
        String::from_utf8(ok.body).unwrap(),
        format!("support bot {sid} 2")
    );
    let codes = |answer: &Answer| {
        answer
            .errors()
            .into_iter()
            .map(|(p, c)| format!("{p} {c}"))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        codes(&broken),
        ["/assistant length", "/sid sid", "/version range"]
    );
    // A segment of the wrong type is one more error beside the broken rules, where
    // actix's own `Path` would answer 404 for the first.
    assert_eq!(mistyped.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(codes(&mistyped), ["/sid sid", "/version type"]);
}

#[test]
fn the_answer_can_be_the_handlers_own() {
    async fn create(body: Result<Valid<Form<CreateModelBuild>>, Rejection<Error>>) -> HttpResponse {
        match body {
            Ok(_) => HttpResponse::Created().finish(),
            Err(Rejection::Invalid(errors)) => HttpResponse::BadRequest().body(errors.to_string()),
            Err(other) => HttpResponse::from_error(other),
        }
    }
    let app = App::new().route("/builds", web::post().to(create));
    let [created, bad, other_type] = send!(
        app,
        [
            post_as("/builds", FORM, "UniqueName=nightly"),
            post_as("/builds", FORM, &format!("UniqueName={}", "x".repeat(65))),
            post_as("/builds", "text/plain", "UniqueName=nightly"),
        ]
    );
    assert_eq!(created.status, StatusCode::CREATED);
    assert_eq!(
        (bad.status, String::from_utf8(bad.body).unwrap()),
        (
            StatusCode::BAD_REQUEST,
            "UniqueName: must be at most 64 characters long".to_owned()
        )
    );
    assert_eq!(other_type.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

struct Taken(HashSet<String>);

fn is_free(name: &str, taken: &Taken) -> Result<(), RuleError> {
    match taken.0.contains(name) {
        true => Err(RuleError::new("taken", "is already taken")),
        false => Ok(()),
    }
}

#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "PascalCase")]
#[validate(context = Taken)]
struct Rename {
    #[validate(length(max = 64), custom = is_free)]
    unique_name: String,
}

#[derive(serde::Deserialize, Validate)]
#[validate(context = Taken)]
struct NamePath {
    #[validate(custom = is_free)]
    name: String,
}

#[test]
fn the_context_comes_from_the_apps_data() {
    async fn rename(body: ValidWith<Form<Rename>, Taken>) -> String {
        body.into_inner().into_inner().unique_name
    }
    async fn rename_json(body: ValidWith<Json<Rename>, Taken>) -> String {
        body.into_inner().into_inner().unique_name
    }
    async fn search(query: ValidWith<Query<Rename>, Taken>) -> String {
        query.unique_name.clone()
    }
    async fn named(path: ValidWith<Path<NamePath>, Taken>) -> String {
        path.name.clone()
    }
    let taken = || Taken(HashSet::from(["nightly".to_owned()]));
    // As `web::Data<C>`, the usual way to share state.
    let data = App::new()
        .app_data(web::Data::new(taken()))
        .route("/rename", web::post().to(rename))
        .route("/rename.json", web::post().to(rename_json))
        .route("/search", web::get().to(search))
        .route("/names/{name}", web::get().to(named));
    let [free, in_use, in_use_json, query, path] = send!(
        data,
        [
            post_as("/rename", FORM, "UniqueName=weekly"),
            post_as("/rename", FORM, "UniqueName=nightly"),
            post_as("/rename.json", "application/json", r#"{"UniqueName": "nightly"}"#),
            TestRequest::get().uri("/search?UniqueName=nightly"),
            TestRequest::get().uri("/names/nightly"),
        ]
    );
    assert_eq!(
        (free.status, free.body.as_slice()),
        (StatusCode::OK, b"weekly".as_slice())
    );
    for answer in [&in_use, &in_use_json, &query, &path] {
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(answer.json()["errors"][0]["message"], "is already taken");
    }
    // As a plain `C`, the way actix's own configurations are given.
    let plain = App::new()
        .app_data(taken())
        .route("/rename", web::post().to(rename));
    let [in_use] = send!(plain, [post_as("/rename", FORM, "UniqueName=nightly")]);
    assert_eq!(in_use.json()["errors"][0]["code"], "taken");
    // An app without it is a server error, not the client's.
    let missing = App::new().route("/rename", web::post().to(rename));
    let [missing] = send!(missing, [post_as("/rename", FORM, "UniqueName=weekly")]);
    assert_eq!(missing.status, StatusCode::INTERNAL_SERVER_ERROR);
}

// Async rules: the same extractors run them, with the context from the app's data.
async fn is_free_later(name: &str, taken: &Taken) -> Result<(), RuleError> {
    actix_web::rt::task::yield_now().await;
    is_free(name, taken)
}

#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "PascalCase")]
#[validate(context = Taken)]
struct AsyncRename {
    #[validate(length(max = 8), custom(function = is_free_later, async))]
    unique_name: String,
    #[validate(length(max = 8), custom(function = is_free_later, async))]
    friendly_name: String,
    page_size: u32,
}

#[derive(serde::Deserialize, Validate)]
#[validate(context = Taken)]
struct AsyncNamePath {
    #[validate(custom(function = is_free_later, async))]
    name: String,
}

#[test]
fn the_extractors_run_async_rules_with_every_other_error() {
    async fn rename(body: ValidWith<Json<AsyncRename>, Taken>) -> String {
        let rename = body.into_inner().into_inner();
        format!("{} {}", rename.unique_name, rename.page_size)
    }
    async fn form(body: ValidWith<Form<AsyncRename>, Taken>) -> String {
        body.into_inner().into_inner().friendly_name
    }
    async fn search(query: ValidWith<Query<AsyncRename>, Taken>) -> String {
        query.unique_name.clone()
    }
    async fn named(path: ValidWith<Path<AsyncNamePath>, Taken>) -> String {
        path.name.clone()
    }
    let app = App::new()
        .app_data(web::Data::new(Taken(HashSet::from(["nightly".to_owned()]))))
        .route("/rename", web::post().to(rename))
        .route("/form", web::post().to(form))
        .route("/search", web::get().to(search))
        .route("/names/{name}", web::get().to(named));
    let free = r#"{"UniqueName": "weekly", "FriendlyName": "daily", "PageSize": 5}"#;
    // A taken name, a name too long (not looked up) and a value of the wrong type: one
    // 422 listing all three, in the body's order.
    let wrong = r#"{"UniqueName": "nightly", "FriendlyName": "much too long", "PageSize": "five"}"#;
    let [ok, all, form, query, path] = send!(
        app,
        [
            post_as("/rename", "application/json", free),
            post_as("/rename", "application/json", wrong),
            post_as(
                "/form",
                FORM,
                "UniqueName=nightly&FriendlyName=nightly&PageSize=1"
            ),
            TestRequest::get().uri("/search?UniqueName=weekly&FriendlyName=nightly&PageSize=1"),
            TestRequest::get().uri("/names/nightly"),
        ]
    );
    assert_eq!(
        (ok.status, ok.body.as_slice()),
        (StatusCode::OK, b"weekly 5".as_slice())
    );
    assert_eq!(all.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(all.content_type, "application/problem+json");
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter().map(|(p, c)| (p.to_string(), c.to_string())).collect()
    };
    assert_eq!(
        all.errors(),
        pairs(&[
            ("/UniqueName", "taken"),
            ("/FriendlyName", "length"),
            ("/PageSize", "type")
        ])
    );
    assert_eq!(
        form.errors(),
        pairs(&[("/UniqueName", "taken"), ("/FriendlyName", "taken")])
    );
    assert_eq!(query.errors(), pairs(&[("/FriendlyName", "taken")]));
    assert_eq!(path.errors(), pairs(&[("/name", "taken")]));
}
