//! The validating extractors: `Valid<E>` and `ValidWith<E, C>`.
//!
//! `Json`, `Form` and `Query` are read in one step, every error at once (`read`); any
//! other extractor that implements [`Payload`] extracts as it does, then validates.
//! Each runs every rule, the async ones included: the bound is [`ValidateAsync`],
//! which every [`Validate`](crate::Validate) type implements too.

use std::marker::PhantomData;
use std::ops::Deref;

use axum::extract::rejection::{FormRejection, JsonRejection, QueryRejection};
use axum::extract::{FromRef, FromRequest, FromRequestParts, Query, Request};
use axum::http::request::Parts;
use axum::{Form, Json};
use serde::de::DeserializeOwned;

use super::{read, Payload, Rejection};
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

/// `Valid<E>` for a type with a context (`#[validate(context = C)]`): the context is
/// taken from the router's state with [`FromRef`], so it may be the state itself or
/// one of its fields. A context is cloned per request, as axum's `State` is: hold
/// large data behind an `Arc`. It is held while async rules run, so it is `Send` and
/// `Sync`. The value's type implements [`ValidateAsync<C>`]: the derive gives it to
/// every type with `#[validate(context = C)]`, with async rules or without (a type
/// whose `ValidateWith<C>` is written by hand implements it as well, by calling it).
///
/// ```
/// use std::collections::HashSet;
/// use std::sync::Arc;
///
/// use axum::extract::FromRef;
/// use axum::routing::post;
/// use axum::{Json, Router};
/// use modelbuild::axum::ValidWith;
/// use modelbuild::{RuleError, Validate};
///
/// #[derive(Clone)]
/// struct Taken(Arc<HashSet<String>>);
///
/// fn is_free(name: &str, taken: &Taken) -> Result<(), RuleError> {
///     match taken.0.contains(name) {
///         true => Err(RuleError::new("taken", "is already taken")),
///         false => Ok(()),
///     }
/// }
///
/// #[derive(serde::Deserialize, Validate)]
/// #[validate(context = Taken)]
/// struct Rename {
///     #[validate(length(max = 64), custom = is_free)]
///     unique_name: String,
/// }
///
/// #[derive(Clone)]
/// struct AppState {
///     taken: Taken,
/// }
///
/// // Or `#[derive(FromRef)]` on the state, with axum's `macros` feature.
/// impl FromRef<AppState> for Taken {
///     fn from_ref(state: &AppState) -> Taken {
///         state.taken.clone()
///     }
/// }
///
/// async fn rename(body: ValidWith<Json<Rename>, Taken>) -> String {
///     body.into_inner().0.unique_name
/// }
///
/// let state = AppState { taken: Taken(Arc::new(HashSet::from(["nightly".to_owned()]))) };
/// let app: Router = Router::new().route("/rename", post(rename)).with_state(state);
/// ```
pub struct ValidWith<E, C> {
    valid: Valid<E>,
    context: PhantomData<fn() -> C>,
}

impl<E, C> ValidWith<E, C> {
    fn checked(extracted: E) -> Self {
        ValidWith {
            valid: Valid::checked(extracted),
            context: PhantomData,
        }
    }

    /// The extractor, holding the validated value.
    pub fn into_inner(self) -> E {
        self.valid.into_inner()
    }

    /// The proof of validity, without the context's type.
    pub fn into_valid(self) -> Valid<E> {
        self.valid
    }
}

impl<E, C> Deref for ValidWith<E, C> {
    type Target = E;

    fn deref(&self) -> &E {
        &self.valid
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
