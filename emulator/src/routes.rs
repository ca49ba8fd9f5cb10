//! The five operations at the definition's paths, behind HTTP Basic auth.

use axum::extract::{Path, RawQuery, Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode, Uri};
use axum::middleware::{from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use modelbuild::form;
use modelbuild::model_build::{datetime, paths};
use modelbuild::{
    CreateModelBuild, ListModelBuilds, ModelBuild, ModelBuildPage, ModelBuildStatus, PageMeta, TwilioError,
    UpdateModelBuild,
};

use super::body::FormBody;
use super::callback_url::CallbackUrl;
use super::errors::{self, clip_path};
use super::guard::guard;
use super::store::{assistant_sid, new_sid, PageStart};
use super::{lifecycle, App};

/// How many builds a page holds when `PageSize` is not given, as Twilio's API.
const DEFAULT_PAGE_SIZE: i64 = 50;

/// The emulator's routes, behind Basic auth, every error in Twilio's body.
pub fn router(app: App) -> Router {
    Router::new()
        .route("/v1/Assistants/{assistant}/ModelBuilds", get(list).post(create))
        .route(
            "/v1/Assistants/{assistant}/ModelBuilds/{sid}",
            get(fetch).post(update).delete(delete),
        )
        .fallback(|uri: Uri| async move { errors::not_found(uri.path()) })
        .method_not_allowed_fallback(|method: Method, uri: Uri| async move {
            errors::method_not_allowed(&method, uri.path())
        })
        .layer(from_fn_with_state(app.clone(), authenticate))
        .layer(from_fn_with_state(app.clone(), guard))
        .with_state(app)
}

/// HTTP Basic auth: the account SID and its auth token; anything else is Twilio's
/// 20003 with status 401.
async fn authenticate(State(app): State<App>, request: Request, next: Next) -> Response {
    if credentials(request.headers()).is_some_and(|(user, password)| app.accepts(&user, &password)) {
        return next.run(request).await;
    }
    let error = TwilioError::new(TwilioError::AUTHENTICATION_FAILED, 401, "Authenticate");
    let mut response = error.into_response();
    response.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        header::HeaderValue::from_static("Basic realm=\"Twilio API\""),
    );
    response
}

fn credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(BASE64.decode(encoded.trim()).ok()?).ok()?;
    let (user, password) = decoded.split_once(':')?;
    Some((user.to_owned(), password.to_owned()))
}

async fn create(
    State(app): State<App>,
    Path(assistant): Path<String>,
    uri: Uri,
    FormBody(body): FormBody,
) -> Result<(StatusCode, Json<ModelBuild>), TwilioError> {
    let endpoint = paths::create(&assistant).map_err(|_| errors::not_found(uri.path()))?;
    // Decoded and validated in one step: every bad parameter in one 20422 (a repeated
    // key, a bad escape, an unknown parameter, a value of the wrong type, a broken rule,
    // the client's input clipped), then what the emulator needs of a callback URL.
    let request = form::from_bytes::<CreateModelBuild>(&body)?;
    let callback = request
        .status_callback
        .as_deref()
        .map(CallbackUrl::parse)
        .transpose()
        .map_err(|why| errors::invalid(format_args!("StatusCallback: {why}")))?;
    let assistant_sid = assistant_sid(&assistant);
    let sid = new_sid("UG");
    let now = datetime::now();
    let build = ModelBuild {
        account_sid: Some(app.config().account_sid.clone()),
        assistant_sid: Some(assistant_sid.clone()),
        sid: Some(sid.clone()),
        status: Some(ModelBuildStatus::Enqueued),
        unique_name: request.unique_name,
        url: Some(app.url_of(&assistant_sid, &sid)),
        date_created: Some(now),
        date_updated: Some(now),
        build_duration: None,
        error_code: None,
    };
    // The store refuses a name that is taken, empty or a build SID.
    app.store()
        .insert(build.clone())
        .map_err(|refusal| errors::refusal(&refusal))?;
    app.log().info(format_args!(
        "{} {} created {sid} (enqueued)",
        endpoint.method,
        clip_path(&endpoint.path)
    ));
    tokio::spawn(lifecycle::run(app, assistant_sid, sid, callback));
    Ok((StatusCode::CREATED, Json(build)))
}

async fn fetch(
    State(app): State<App>,
    Path((assistant, key)): Path<(String, String)>,
    uri: Uri,
) -> Result<Json<ModelBuild>, TwilioError> {
    paths::fetch(&assistant, &key).map_err(|_| errors::not_found(uri.path()))?;
    let store = app.store();
    let build = store
        .get(&assistant_sid(&assistant), &key)
        .ok_or_else(|| errors::not_found(uri.path()))?;
    Ok(Json(build.clone()))
}

async fn update(
    State(app): State<App>,
    Path((assistant, key)): Path<(String, String)>,
    uri: Uri,
    FormBody(body): FormBody,
) -> Result<Json<ModelBuild>, TwilioError> {
    paths::update(&assistant, &key).map_err(|_| errors::not_found(uri.path()))?;
    let request = form::from_bytes::<UpdateModelBuild>(&body)?;
    let updated = app
        .store()
        .update(
            &assistant_sid(&assistant),
            &key,
            request.unique_name,
            datetime::now(),
        )
        .map_err(|refusal| errors::refusal(&refusal))?;
    updated.map(Json).ok_or_else(|| errors::not_found(uri.path()))
}

async fn delete(
    State(app): State<App>,
    Path((assistant, key)): Path<(String, String)>,
    uri: Uri,
) -> Result<StatusCode, TwilioError> {
    paths::delete(&assistant, &key).map_err(|_| errors::not_found(uri.path()))?;
    let removed = app.store().remove(&assistant_sid(&assistant), &key);
    let removed = removed.ok_or_else(|| errors::not_found(uri.path()))?;
    app.log()
        .info(format_args!("deleted {}", removed.sid.unwrap_or_default()));
    Ok(StatusCode::NO_CONTENT)
}

async fn list(
    State(app): State<App>,
    Path(assistant): Path<String>,
    RawQuery(query): RawQuery,
    uri: Uri,
) -> Result<Json<ModelBuildPage>, TwilioError> {
    // Every bad parameter at once: `PageSize=abc&Page=-1` names both.
    let query = form::from_bytes::<ListModelBuilds>(query.unwrap_or_default().as_bytes())?;
    paths::list(&assistant, &query).map_err(|_| errors::not_found(uri.path()))?;
    // Both are validated: PageSize in 1..=1000, Page at least 0.
    let size = query.page_size.unwrap_or(DEFAULT_PAGE_SIZE);
    let page = query.page.unwrap_or(0);
    let start = match query.page_token.as_deref() {
        Some(token) => PageStart::Token(token),
        None => PageStart::Index(u64::try_from(page).unwrap_or(0)),
    };
    let slice = app
        .store()
        .page(
            &assistant_sid(&assistant),
            usize::try_from(size).unwrap_or(1),
            start,
        )
        .map_err(|_| errors::invalid("PageToken: is not a token this server gave"))?;
    let link = |page: i64, token: Option<String>| {
        let query = ListModelBuilds {
            page_size: Some(size),
            page: Some(page),
            page_token: token,
        };
        paths::list(&assistant, &query)
            .map(|endpoint| endpoint.url_on(app.base_url()))
            .ok()
    };
    let meta = PageMeta {
        first_page_url: link(0, None),
        key: Some("model_builds".into()),
        next_page_url: slice
            .next
            .and_then(|token| link(page.saturating_add(1), Some(token))),
        page: Some(page),
        page_size: Some(size),
        previous_page_url: slice
            .previous
            .and_then(|token| link(page.saturating_sub(1).max(0), Some(token))),
        url: link(page, query.page_token.clone()),
    };
    Ok(Json(ModelBuildPage {
        model_builds: slice.builds,
        meta,
    }))
}
