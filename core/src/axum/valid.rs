//! The validating extractors: `Valid<E>` and `ValidWith<E, C>`.
//!
//! `Json`, `Form` and `Query` are read in one step, every error at once (`read`); any
//! other extractor that implements [`Payload`] extracts as it does, then validates.
//! Each runs every rule, the async ones included: the bound is [`ValidateAsync`],
//! which every [`Validate`](crate::Validate) type implements too.

use axum::extract::rejection::{FormRejection, JsonRejection, QueryRejection};
use axum::extract::{FromRef, FromRequest, FromRequestParts, Query, Request};
use axum::http::request::Parts;
use axum::{Form, Json};
use serde::de::DeserializeOwned;

use super::{read, Payload, Rejection};
use crate::valid_with::ValidWith;
use crate::{Valid, ValidateAsync};

/// Reads a JSON body with every error at once: a value of the wrong type, a missing
/// field and a broken rule are one 422 problem listing all three.
impl<S, T> FromRequest<S> for Valid<Json<T>>
where
    S: Send + Sync,
    T: DeserializeOwned + ValidateAsync + Send + Sync,
{
    type Rejection = Rejection<JsonRejection>;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let body = read::json_body(request, state).await?;
        read::json(body, &()).await.map(Valid::checked)
    }
}

/// Reads a form body (or, in a GET, the query string) with every error at once.
impl<S, T> FromRequest<S> for Valid<Form<T>>
where
    S: Send + Sync,
    T: DeserializeOwned + ValidateAsync + Send + Sync,
{
    type Rejection = Rejection<FormRejection>;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let body = read::form_body(request, state).await?;
        read::form(body, &()).await.map(Valid::checked)
    }
}

/// Reads the query string with every error at once; it reads the head of the request
/// only, so it may come before a body extractor.
impl<S, T> FromRequestParts<S> for Valid<Query<T>>
where
    S: Send + Sync,
    T: DeserializeOwned + ValidateAsync + Send + Sync,
{
    type Rejection = Rejection<QueryRejection>;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        read::query(parts, &()).await.map(Valid::checked)
    }
}

/// Validates what `E` extracted; `E` is a body extractor of your own.
impl<S, E> FromRequest<S> for Valid<E>
where
    S: Send + Sync,
    E: FromRequest<S> + Payload + Send,
    E::Value: ValidateAsync + Sync,
{
    type Rejection = Rejection<E::Rejection>;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let extracted = E::from_request(request, state)
            .await
            .map_err(Rejection::Extract)?;
        checked(extracted, &()).await.map(Valid::checked)
    }
}

/// Validates what `E` extracted; `E` reads the head of the request, so `Valid<E>` may
/// come before a body extractor.
impl<S, E> FromRequestParts<S> for Valid<E>
where
    S: Send + Sync,
    E: FromRequestParts<S> + Payload + Send,
    E::Value: ValidateAsync + Sync,
{
    type Rejection = Rejection<E::Rejection>;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let extracted = E::from_request_parts(parts, state)
            .await
            .map_err(Rejection::Extract)?;
        checked(extracted, &()).await.map(Valid::checked)
    }
}

/// `extracted`, once its value passed every rule.
async fn checked<E, C, R>(extracted: E, context: &C) -> Result<E, Rejection<R>>
where
    E: Payload,
    E::Value: ValidateAsync<C> + Sync,
    C: Sync + ?Sized,
{
    match extracted.value().validate_async_with(context).await {
        Ok(()) => Ok(extracted),
        Err(errors) => Err(Rejection::Invalid(errors)),
    }
}

impl<S, T, C> FromRequest<S> for ValidWith<Json<T>, C>
where
    S: Send + Sync,
    C: FromRef<S> + Send + Sync,
    T: DeserializeOwned + ValidateAsync<C> + Send + Sync,
{
    type Rejection = Rejection<JsonRejection>;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let body = read::json_body(request, state).await?;
        let context = C::from_ref(state);
        read::json(body, &context).await.map(ValidWith::checked)
    }
}

impl<S, T, C> FromRequest<S> for ValidWith<Form<T>, C>
where
    S: Send + Sync,
    C: FromRef<S> + Send + Sync,
    T: DeserializeOwned + ValidateAsync<C> + Send + Sync,
{
    type Rejection = Rejection<FormRejection>;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let body = read::form_body(request, state).await?;
        let context = C::from_ref(state);
        read::form(body, &context).await.map(ValidWith::checked)
    }
}

impl<S, T, C> FromRequestParts<S> for ValidWith<Query<T>, C>
where
    S: Send + Sync,
    C: FromRef<S> + Send + Sync,
    T: DeserializeOwned + ValidateAsync<C> + Send + Sync,
{
    type Rejection = Rejection<QueryRejection>;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let context = C::from_ref(state);
        read::query(parts, &context).await.map(ValidWith::checked)
    }
}

impl<S, E, C> FromRequest<S> for ValidWith<E, C>
where
    S: Send + Sync,
    C: FromRef<S> + Send + Sync,
    E: FromRequest<S> + Payload + Send,
    E::Value: ValidateAsync<C> + Sync,
{
    type Rejection = Rejection<E::Rejection>;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let extracted = E::from_request(request, state)
            .await
            .map_err(Rejection::Extract)?;
        let context = C::from_ref(state);
        checked(extracted, &context).await.map(ValidWith::checked)
    }
}

impl<S, E, C> FromRequestParts<S> for ValidWith<E, C>
where
    S: Send + Sync,
    C: FromRef<S> + Send + Sync,
    E: FromRequestParts<S> + Payload + Send,
    E::Value: ValidateAsync<C> + Sync,
{
    type Rejection = Rejection<E::Rejection>;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let extracted = E::from_request_parts(parts, state)
            .await
            .map_err(Rejection::Extract)?;
        let context = C::from_ref(state);
        checked(extracted, &context).await.map(ValidWith::checked)
    }
}
