//! How the validating extractors read `Json`, `Form` and `Query`: in one step, with
//! every error at once ([`crate::json`], [`crate::form::from_bytes`]), so that a body
//! with a value of the wrong type, a missing field and a broken rule is answered with
//! all three. What axum answers itself stays axum's: a body of another content type,
//! one that cannot be read, a JSON body that is not JSON at all.
//!
//! Each reads in two steps: the body, then the value, parsed and checked with every
//! rule, the async ones included ([`ValidateAsync`]), with the context given.

use axum::body::Bytes;
use axum::extract::rejection::{FormRejection, JsonRejection, QueryRejection};
use axum::extract::{FromRequest, Query, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, Method};
use axum::{Form, Json};
use serde::de::DeserializeOwned;

use super::Rejection;
use crate::{ValidateAsync, ValidationErrors};

/// A body as the first step left it: read by axum's own extractor (it was not of the
/// content type we read), or its bytes, to read in one step.
pub(super) enum Body<E> {
    Extracted(E),
    Bytes(Bytes),
}

pub(super) async fn json_body<T, S>(
    request: Request,
    state: &S,
) -> Result<Body<Json<T>>, Rejection<JsonRejection>>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    if !is_json(request.headers()) {
        // axum's own answer (415), or its value should it read what we do not.
        let extracted = Json::<T>::from_request(request, state).await;
        return extracted.map(Body::Extracted).map_err(Rejection::Extract);
    }
    let bytes = Bytes::from_request(request, state).await;
    bytes
        .map(Body::Bytes)
        .map_err(|rejection| Rejection::Extract(JsonRejection::from(rejection)))
}

pub(super) async fn json<T, C>(body: Body<Json<T>>, context: &C) -> Result<Json<T>, Rejection<JsonRejection>>
where
    T: DeserializeOwned + ValidateAsync<C> + Sync,
    C: Sync + ?Sized,
{
    let bytes = match body {
        Body::Extracted(Json(value)) => return validated(value, context).await.map(Json),
        Body::Bytes(bytes) => bytes,
    };
    match crate::json::checking::<T>(&bytes).checked_async(context).await {
        Ok(value) => Ok(Json(value)),
        // Not JSON at all: axum's 400, as it would answer.
        Err(errors) if is_syntax(&errors) => match Json::<T>::from_bytes(&bytes) {
            Err(rejection) => Err(Rejection::Extract(rejection)),
            Ok(_) => Err(Rejection::Invalid(errors)),
        },
        Err(errors) => Err(Rejection::Invalid(errors)),
    }
}

/// A value an extractor of axum's read, validated.
async fn validated<T, C, R>(value: T, context: &C) -> Result<T, Rejection<R>>
where
    T: ValidateAsync<C> + Sync,
    C: Sync + ?Sized,
{
    match value.validate_async_with(context).await {
        Ok(()) => Ok(value),
        Err(errors) => Err(Rejection::Invalid(errors)),
    }
}

pub(super) async fn form_body<T, S>(
    request: Request,
    state: &S,
) -> Result<Body<Form<T>>, Rejection<FormRejection>>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    // A form in a GET or HEAD is its query string, as axum's `Form` reads it.
    if request.method() == Method::GET || request.method() == Method::HEAD {
        let query = request.uri().query().unwrap_or_default();
        return Ok(Body::Bytes(Bytes::copy_from_slice(query.as_bytes())));
    }
    if !is_form(request.headers()) {
        let extracted = Form::<T>::from_request(request, state).await;
        return extracted.map(Body::Extracted).map_err(Rejection::Extract);
    }
    let bytes = Bytes::from_request(request, state).await;
    bytes
        .map(Body::Bytes)
        .map_err(|rejection| Rejection::Extract(FormRejection::from(rejection)))
}

pub(super) async fn form<T, C>(body: Body<Form<T>>, context: &C) -> Result<Form<T>, Rejection<FormRejection>>
where
    T: DeserializeOwned + ValidateAsync<C> + Sync,
    C: Sync + ?Sized,
{
    match body {
        Body::Extracted(Form(value)) => validated(value, context).await.map(Form),
        Body::Bytes(bytes) => (crate::form::checking::<T>(&bytes).checked_async(context).await)
            .map(Form)
            .map_err(Rejection::Invalid),
    }
}

pub(super) async fn query<T, C>(parts: &Parts, context: &C) -> Result<Query<T>, Rejection<QueryRejection>>
where
    T: DeserializeOwned + ValidateAsync<C> + Sync,
    C: Sync + ?Sized,
{
    let query = parts.uri.query().unwrap_or_default().as_bytes();
    (crate::form::checking::<T>(query).checked_async(context).await)
        .map(Query)
        .map_err(Rejection::Invalid)
}

/// The one error of a body that is not JSON.
fn is_syntax(errors: &ValidationErrors) -> bool {
    errors.len() == 1 && errors.iter().all(|error| error.code() == "syntax")
}

/// `application/json` or `application/*+json`, as axum's `Json` takes.
fn is_json(headers: &HeaderMap) -> bool {
    media_type(headers).is_some_and(|(kind, subtype)| {
        kind.eq_ignore_ascii_case("application")
            && (subtype.eq_ignore_ascii_case("json") || subtype.to_ascii_lowercase().ends_with("+json"))
    })
}

fn is_form(headers: &HeaderMap) -> bool {
    media_type(headers).is_some_and(|(kind, subtype)| {
        kind.eq_ignore_ascii_case("application") && subtype.eq_ignore_ascii_case("x-www-form-urlencoded")
    })
}

/// The content type's type and subtype, its parameters left out.
fn media_type(headers: &HeaderMap) -> Option<(&str, &str)> {
    let value = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let essence = value.split(';').next()?.trim();
    essence.split_once('/')
}
