//! The axum extractors through a router, in-process: what a handler receives, and what
//! a client is answered when a body cannot be read, breaks rules, or is not signed.

use std::collections::HashSet;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::rejection::FormRejection;
use axum::extract::{FromRef, Query};
use axum::http::{header, Request, StatusCode};
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use http_body_util::BodyExt;
use modelbuild::axum::{require_signature, Rejection, Signed, TwilioWebhook, ValidWith};
use modelbuild::signature::{AuthToken, HEADER};
use modelbuild::{CreateModelBuild, ListModelBuilds, RuleError, TwilioError, Valid, Validate};
use serde_json::{json, Value};
use tower::ServiceExt;

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
}

fn send(app: Router, request: Request<Body>) -> Answer {
    let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    runtime.block_on(async {
        let response = app.oneshot(request).await.unwrap();
        let status = response.status();
        let content_type = response
            .headers()
            .get(header::CONTENT_TYPE)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        let body = response.into_body().collect().await.unwrap().to_bytes().to_vec();
        Answer {
            status,
            content_type,
            body,
        }
    })
}

fn post_as(uri: &str, content_type: &str, body: &str) -> Request<Body> {
    Request::post(uri)
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body.to_owned()))
        .unwrap()
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

fn subscriptions() -> Router {
    Router::new().route("/subscriptions", post(subscribe))
}

#[test]
fn a_valid_json_body_reaches_the_handler() {
    let body = r#"{"accountSid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "events": ["built"]}"#;
    let answer = send(
        subscriptions(),
        post_as("/subscriptions", "application/json", body),
    );
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body, b"ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
}

#[test]
fn broken_rules_are_a_422_problem_listing_every_one() {
    let body = r#"{"accountSid": "AC12", "events": ["built", "much too long"]}"#;
    let answer = send(
        subscriptions(),
        post_as("/subscriptions", "application/json", body),
    );
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.content_type, "application/problem+json");
    assert_eq!(
        answer.json(),
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
}

#[test]
fn a_body_that_cannot_be_read_keeps_axums_own_rejection() {
    let plain = Router::new().route("/plain", post(|_: Json<Subscription>| async { "" }));
    for (content_type, body) in [
        ("application/json", "{not json"),
        ("application/json", r#"{"accountSid": "AC1"} trailing"#),
        ("text/plain", "{}"),
    ] {
        let ours = send(subscriptions(), post_as("/subscriptions", content_type, body));
        let axums = send(plain.clone(), post_as("/plain", content_type, body));
        assert_eq!((ours.status, &ours.body), (axums.status, &axums.body), "{body}");
        assert_eq!(ours.content_type, axums.content_type, "{body}");
        assert_ne!(ours.content_type, "application/problem+json", "{body}");
    }
}

/// A body that is JSON but wrong in any way, a value of the wrong type among them, is
/// one 422 listing everything: where axum would have said only the first.
#[test]
fn a_json_body_wrong_in_several_ways_is_one_problem_listing_all() {
    let body = r#"{"accountSid": 5, "events": ["built", "much too long", 7], "extra": true}"#;
    let answer = send(
        subscriptions(),
        post_as("/subscriptions", "application/json", body),
    );
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.content_type, "application/problem+json");
    let errors: Vec<(String, String)> = answer.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["pointer"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            ("/accountSid".to_string(), "type".to_string()),
            ("/events/1".to_string(), "length".to_string()),
            ("/events/2".to_string(), "type".to_string()),
        ]
    );
    let missing = send(
        subscriptions(),
        post_as("/subscriptions", "application/json", "{}"),
    );
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(missing.json()["errors"][0]["code"], "missing");
    assert_eq!(missing.json()["errors"][1]["pointer"], "/events");
}

#[test]
fn forms_and_queries_are_validated_with_the_wire_names() {
    async fn create(body: Valid<Form<CreateModelBuild>>) -> String {
        body.into_inner().0.to_form()
    }
    async fn list(query: Valid<Query<ListModelBuilds>>) -> String {
        query.into_inner().0.to_query()
    }
    let app = Router::new()
        .route("/builds", post(create))
        .route("/builds", get(list));

    let ok = send(app.clone(), post_as("/builds", FORM, "UniqueName=nightly"));
    assert_eq!(
        (ok.status, ok.body.as_slice()),
        (StatusCode::OK, b"UniqueName=nightly".as_slice())
    );
    let long = format!("StatusCallback=ftp%3A%2F%2Fx&UniqueName={}", "x".repeat(65));
    let bad = send(app.clone(), post_as("/builds", FORM, &long));
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let pointers: Vec<Value> = bad.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["pointer"].clone())
        .collect();
    assert_eq!(pointers, [json!("/StatusCallback"), json!("/UniqueName")]);

    let page = send(
        app.clone(),
        Request::get("/builds?PageSize=20").body(Body::empty()).unwrap(),
    );
    assert_eq!(
        (page.status, page.body.as_slice()),
        (StatusCode::OK, b"PageSize=20".as_slice())
    );
    let zero = send(
        app.clone(),
        Request::get("/builds?PageSize=0&Page=-1")
            .body(Body::empty())
            .unwrap(),
    );
    assert_eq!(zero.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(zero.json()["errors"][0]["code"], "range");
    assert_eq!(zero.json()["errors"][1]["pointer"], "/Page");
    // A value of the wrong type is one more error in the same answer.
    let unreadable = send(
        app.clone(),
        Request::get("/builds?PageSize=many&Page=-1")
            .body(Body::empty())
            .unwrap(),
    );
    assert_eq!(unreadable.status, StatusCode::UNPROCESSABLE_ENTITY);
    let codes: Vec<Value> = unreadable.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].clone())
        .collect();
    assert_eq!(codes, [json!("type"), json!("range")]);
    let form = send(
        app,
        post_as("/builds", FORM, "UniqueName=a&UniqueName=b&Colour=red"),
    );
    assert_eq!(form.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(form.json()["errors"][0]["code"], "duplicate");
    assert_eq!(form.json()["errors"][1]["code"], "unknown_field");
}

#[test]
fn the_answer_can_be_twilios_error_body_instead() {
    async fn create(
        body: Result<Valid<Form<CreateModelBuild>>, Rejection<FormRejection>>,
    ) -> Result<String, TwilioError> {
        Ok(body.map_err(TwilioError::from)?.into_inner().0.to_form())
    }
    let app = Router::new().route("/builds", post(create));
    let bad = send(
        app.clone(),
        post_as("/builds", FORM, &format!("UniqueName={}", "x".repeat(65))),
    );
    assert_eq!(
        (bad.status, bad.content_type.as_str()),
        (StatusCode::BAD_REQUEST, "application/json")
    );
    assert_eq!(
        bad.json(),
        json!({
            "code": 20422,
            "message": "Invalid parameter: UniqueName: must be at most 64 characters long",
            "more_info": "https://www.twilio.com/docs/errors/20422",
            "status": 400
        })
    );
    // A body the form extractor refuses keeps its status, in Twilio's shape.
    let wrong_type = send(app, post_as("/builds", "application/json", "{}"));
    assert_eq!(wrong_type.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(wrong_type.json()["code"], 20422);
    assert_eq!(wrong_type.json()["status"], 415);
}

#[derive(Clone)]
struct Taken(Arc<HashSet<String>>);

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

#[derive(Clone)]
struct AppState {
    taken: Taken,
}

// What `#[derive(FromRef)]` writes, by hand: axum's `macros` feature would build
// syn's full parser for this one impl.
impl FromRef<AppState> for Taken {
    fn from_ref(state: &AppState) -> Taken {
        state.taken.clone()
    }
}

#[test]
fn the_context_comes_from_the_state() {
    async fn rename(body: ValidWith<Form<Rename>, Taken>) -> String {
        body.into_inner().0.unique_name
    }
    async fn search(query: ValidWith<Query<Rename>, Taken>) -> String {
        query.unique_name.clone()
    }
    let state = AppState {
        taken: Taken(Arc::new(HashSet::from(["nightly".to_owned()]))),
    };
    let app = Router::new()
        .route("/rename", post(rename))
        .route("/search", get(search))
        .with_state(state);
    let free = send(app.clone(), post_as("/rename", FORM, "UniqueName=weekly"));
    assert_eq!(
        (free.status, free.body.as_slice()),
        (StatusCode::OK, b"weekly".as_slice())
    );
    let taken = send(app.clone(), post_as("/rename", FORM, "UniqueName=nightly"));
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(taken.json()["errors"][0]["code"], "taken");
    let query = send(
        app,
        Request::get("/search?UniqueName=nightly")
            .body(Body::empty())
            .unwrap(),
    );
    assert_eq!(query.json()["errors"][0]["message"], "is already taken");
}

#[derive(Debug, serde::Deserialize)]
struct Callback {
    #[serde(rename = "Status")]
    status: String,
}

fn signed_post(uri: &str, content_type: &str, body: &str, signature: Option<&str>) -> Request<Body> {
    let mut request = post_as(uri, content_type, body);
    request
        .headers_mut()
        .insert(header::HOST, "hooks.example.com".parse().unwrap());
    if let Some(signature) = signature {
        request.headers_mut().insert(HEADER, signature.parse().unwrap());
    }
    request
}

#[test]
fn signed_requests_pass_and_others_are_403() {
    async fn callback(Signed(Form(update)): Signed<Form<Callback>>) -> String {
        update.status
    }
    let token = AuthToken::new("12345");
    for webhook in [
        TwilioWebhook::new(token.clone(), "https://hooks.example.com/"),
        TwilioWebhook::from_host(token.clone(), "https"),
    ] {
        let app = Router::new()
            .route("/callback", post(callback))
            .with_state(webhook);
        let url = "https://hooks.example.com/callback?build=1";
        let body = "Status=completed&ModelBuildSid=UG1";
        let signature = token.sign_form_body(url, body.as_bytes()).unwrap();

        let ok = send(
            app.clone(),
            signed_post("/callback?build=1", FORM, body, Some(&signature)),
        );
        assert_eq!(
            (ok.status, ok.body.as_slice()),
            (StatusCode::OK, b"completed".as_slice())
        );

        for (uri, body, signature, detail) in [
            (
                "/callback?build=1",
                body,
                None,
                "the request has no X-Twilio-Signature header",
            ),
            (
                "/callback?build=1",
                body,
                Some("nonsense"),
                "the X-Twilio-Signature header is not a base64 HMAC-SHA1",
            ),
            (
                "/callback?build=2",
                body,
                Some(signature.as_str()),
                "the X-Twilio-Signature header does not match the request",
            ),
            (
                "/callback?build=1",
                "Status=failed&ModelBuildSid=UG1",
                Some(signature.as_str()),
                "the X-Twilio-Signature header does not match the request",
            ),
        ] {
            let refused = send(app.clone(), signed_post(uri, FORM, body, signature));
            assert_eq!(refused.status, StatusCode::FORBIDDEN, "{uri} {body}");
            assert_eq!(refused.content_type, "application/problem+json");
            assert_eq!(refused.json()["detail"], detail);
            assert_eq!(refused.json()["title"], "Forbidden");
        }
    }
}

#[test]
fn a_signed_json_body_is_checked_by_its_hash() {
    async fn callback(Signed(Json(update)): Signed<Json<Value>>) -> String {
        update["Status"].as_str().unwrap_or_default().to_owned()
    }
    let token = AuthToken::new("12345");
    let webhook = TwilioWebhook::new(token.clone(), "https://hooks.example.com");
    let app = Router::new()
        .route("/callback", post(callback))
        .with_state(webhook);
    let body = r#"{"Status":"building"}"#;
    let signed = token.sign_json("https://hooks.example.com/callback", body.as_bytes());
    let path = signed.url.trim_start_matches("https://hooks.example.com");
    let ok = send(
        app.clone(),
        signed_post(path, "application/json", body, Some(&signed.signature)),
    );
    assert_eq!(
        (ok.status, ok.body.as_slice()),
        (StatusCode::OK, b"building".as_slice())
    );
    let tampered = send(
        app,
        signed_post(
            path,
            "application/json",
            r#"{"Status":"failed"}"#,
            Some(&signed.signature),
        ),
    );
    assert_eq!(tampered.status, StatusCode::FORBIDDEN);
    assert_eq!(
        tampered.json()["detail"],
        "the body does not have the SHA-256 given in the URL's bodySHA256"
    );
}

#[test]
fn the_middleware_guards_every_route_it_wraps() {
    let token = AuthToken::new("12345");
    let webhook = TwilioWebhook::from_host(token.clone(), "https");
    let app = Router::new()
        .route("/callback", post(|body: String| async move { body }))
        .layer(from_fn_with_state(webhook, require_signature));
    let body = "Status=completed";
    let signature = token
        .sign_form_body("https://hooks.example.com/callback", body.as_bytes())
        .unwrap();
    let ok = send(
        app.clone(),
        signed_post("/callback", FORM, body, Some(&signature)),
    );
    // The handler gets the body the signature was checked on, whole.
    assert_eq!((ok.status, ok.body.as_slice()), (StatusCode::OK, body.as_bytes()));
    let refused = send(app, signed_post("/callback", FORM, body, None));
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}

// Async rules: the same extractors run them, with the context from the state.
async fn is_free_later(name: &str, taken: &Taken) -> Result<(), RuleError> {
    tokio::task::yield_now().await;
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

#[test]
fn the_extractors_run_async_rules_with_every_other_error() {
    async fn rename(body: ValidWith<Json<AsyncRename>, Taken>) -> String {
        let Json(rename) = body.into_inner();
        format!("{} {}", rename.unique_name, rename.page_size)
    }
    async fn search(query: ValidWith<Query<AsyncRename>, Taken>) -> String {
        query.unique_name.clone()
    }
    async fn form(body: ValidWith<Form<AsyncRename>, Taken>) -> String {
        body.into_inner().0.friendly_name
    }
    let state = AppState {
        taken: Taken(Arc::new(HashSet::from(["nightly".to_owned()]))),
    };
    let app = Router::new()
        .route("/rename", post(rename).get(search))
        .route("/form", post(form))
        .with_state(state);
    let body = r#"{"UniqueName": "weekly", "FriendlyName": "daily", "PageSize": 5}"#;
    let free = send(app.clone(), post_as("/rename", "application/json", body));
    assert_eq!(
        (free.status, free.body.as_slice()),
        (StatusCode::OK, b"weekly 5".as_slice())
    );

    // A taken name, a name too long (not looked up) and a value of the wrong type: one
    // 422 listing all three, in the body's order.
    let body = r#"{"UniqueName": "nightly", "FriendlyName": "much too long", "PageSize": "five"}"#;
    let all = send(app.clone(), post_as("/rename", "application/json", body));
    assert_eq!(all.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(all.content_type, "application/problem+json");
    let codes: Vec<(String, String)> = (all.json()["errors"].as_array().unwrap().iter())
        .map(|e| {
            (
                e["pointer"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("/UniqueName", "taken"),
        ("/FriendlyName", "length"),
        ("/PageSize", "type"),
    ];
    assert_eq!(codes, expected.map(|(p, c)| (p.to_owned(), c.to_owned())));

    let query = send(
        app.clone(),
        Request::get("/rename?UniqueName=weekly&FriendlyName=nightly&PageSize=1")
            .body(Body::empty())
            .unwrap(),
    );
    assert_eq!(query.json()["errors"][0]["pointer"], "/FriendlyName");
    assert_eq!(query.json()["errors"][0]["code"], "taken");
    let form = send(
        app,
        post_as(
            "/form",
            FORM,
            "UniqueName=nightly&FriendlyName=nightly&PageSize=1",
        ),
    );
    assert_eq!(form.json()["errors"].as_array().unwrap().len(), 2);
}
