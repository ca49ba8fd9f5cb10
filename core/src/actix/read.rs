//! How the validating extractors read `Json`, `Form`, `Query` and `Path`: in one step,
//! with every error at once ([`crate::json`], [`crate::form::from_bytes`]). What actix
//! answers itself stays actix's: a body of another content type, one over the limit,
//! a JSON body that is not JSON at all.
//!
//! Each body is read in two steps: the body, awaited (`body_*`), then the value, read
//! and checked with every rule, the async ones included ([`ValidateAsync`]), with the
//! context looked up after the body's await.

use std::future::Future;

use actix_web::dev::Payload;
use actix_web::http::header::{self, HeaderValue};
use actix_web::web::{self, Bytes};
use actix_web::{Error, FromRequest, HttpRequest};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::problem::Rejection;
use crate::recover::Checking;
use crate::ValidateAsync;

/// A body as the first step left it.
pub(super) enum Body<E> {
    /// Read by actix's own extractor: the request was not of the content type read
    /// here, so actix decided (and, should it read it, extracted the value itself).
    Extracted(E),
    /// The bytes to read in one step.
    Bytes(Bytes),
}

/// The JSON text of the body, as actix's `Json` reads it: within `JsonConfig`'s limit,
/// of a content type it accepts, and JSON at all; any other body is actix's error,
/// through the app's `JsonConfig` error handler when it has one.
pub(super) fn json_body(
    request: &HttpRequest,
    payload: &mut Payload,
) -> impl Future<Output = Result<Box<RawValue>, Rejection<Error>>> + 'static {
    let raw = web::Json::<Box<RawValue>>::from_request(request, payload);
    async move {
        match raw.await {
            Ok(web::Json(raw)) => Ok(raw),
            Err(error) => Err(Rejection::Extract(error)),
        }
    }
}

/// Reads the JSON text as a `T` with every error at once, then checks it.
pub(super) async fn json<T, C>(raw: &RawValue, context: &C) -> Result<web::Json<T>, Rejection<Error>>
where
    T: DeserializeOwned + ValidateAsync<C> + Sync,
    C: Sync + ?Sized,
{
    checked(crate::json::checking::<T>(raw.get().as_bytes()), context)
        .await
        .map(web::Json)
}

/// What was read, checked with `context`: the value, or a 422 listing every error.
async fn checked<T, C>(checking: Checking<'_, T>, context: &C) -> Result<T, Rejection<Error>>
where
    T: ValidateAsync<C> + Sync,
    C: Sync + ?Sized,
{
    checking.checked_async(context).await.map_err(Rejection::Invalid)
}

/// The body of a UTF-8 form, as bytes within `PayloadConfig`'s limit; any other body
/// is left to actix's `Form`, which answers as it does (a wrong content type is its
/// 400) or decodes what it alone reads (another charset).
pub(super) fn form_body<T: DeserializeOwned + 'static>(
    request: &HttpRequest,
    payload: &mut Payload,
) -> impl Future<Output = Result<Body<web::Form<T>>, Rejection<Error>>> + 'static {
    let read = if is_utf8_form(request.headers().get(header::CONTENT_TYPE)) {
        Ok(web::Bytes::from_request(request, payload))
    } else {
        Err(web::Form::<T>::from_request(request, payload))
    };
    async move {
        match read {
            Ok(bytes) => bytes.await.map(Body::Bytes),
            Err(form) => form.await.map(Body::Extracted),
        }
        .map_err(Rejection::Extract)
    }
}

/// Reads the form as a `T` with every error at once, then checks it.
pub(super) async fn form<T, C>(
    body: Body<web::Form<T>>,
    context: &C,
) -> Result<web::Form<T>, Rejection<Error>>
where
    T: DeserializeOwned + ValidateAsync<C> + Sync,
    C: Sync + ?Sized,
{
    match body {
        Body::Extracted(web::Form(value)) => match value.validate_async_with(context).await {
            Ok(()) => Ok(web::Form(value)),
            Err(errors) => Err(Rejection::Invalid(errors)),
        },
        Body::Bytes(bytes) => checked(crate::form::checking::<T>(&bytes), context)
            .await
            .map(web::Form),
    }
}

/// Reads the query string as a `T` with every error at once, then checks it: every
/// query string can be read, so each of its errors is the client's.
pub(super) async fn query<T, C>(request: &HttpRequest, context: &C) -> Result<web::Query<T>, Rejection<Error>>
where
    T: DeserializeOwned + ValidateAsync<C> + Sync,
    C: Sync + ?Sized,
{
    let checking = crate::form::checking::<T>(request.query_string().as_bytes());
    checked(checking, context).await.map(web::Query)
}

/// Reads the path's named segments as the fields of a `T`, with every error at once,
/// then checks it.
pub(super) async fn path<T, C>(request: &HttpRequest, context: &C) -> Result<web::Path<T>, Rejection<Error>>
where
    T: DeserializeOwned + ValidateAsync<C> + Sync,
    C: Sync + ?Sized,
{
    let segments = request
        .match_info()
        .iter()
        .map(|(name, value)| (name.to_owned(), decoded(value)))
        .collect();
    checked(crate::form::checking_pairs::<T>(segments), context)
        .await
        .map(web::Path::from)
}

/// A segment as actix's `Path` gives it: the router leaves some escapes (`%2F`, `%25`)
/// in place, which the segment's value decodes. A `%` that starts no escape, which the
/// router let through, is text.
fn decoded(segment: &str) -> String {
    match crate::percent::decode_path(segment.as_bytes()).map(String::from_utf8) {
        Ok(Ok(text)) => text,
        _ => segment.to_owned(),
    }
}

/// `application/x-www-form-urlencoded`, in UTF-8 (no charset, or `utf-8`): the form
/// read here in one step. The type is compared as actix's `Form` compares it.
fn is_utf8_form(content_type: Option<&HeaderValue>) -> bool {
    let Some(value) = content_type.and_then(|value| value.to_str().ok()) else {
        return false;
    };
    let mut parts = value.split(';');
    let essence = parts.next().unwrap_or_default().trim();
    if !essence.eq_ignore_ascii_case("application/x-www-form-urlencoded") {
        return false;
    }
    parts.all(|parameter| match parameter.split_once('=') {
        Some((name, charset)) if name.trim().eq_ignore_ascii_case("charset") => {
            charset.trim().trim_matches('"').eq_ignore_ascii_case("utf-8")
        }
        _ => true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_is_read_here_only_in_utf8() {
        let form = |value: &'static str| is_utf8_form(Some(&HeaderValue::from_static(value)));
        assert!(form("application/x-www-form-urlencoded"));
        assert!(form("Application/X-WWW-Form-Urlencoded; charset=UTF-8"));
        assert!(form("application/x-www-form-urlencoded; charset=\"utf-8\""));
        assert!(!form("application/x-www-form-urlencoded; charset=iso-8859-1"));
        assert!(!form("application/json"));
        assert!(!is_utf8_form(None));
    }
}
