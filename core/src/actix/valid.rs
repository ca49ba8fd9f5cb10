//! The validating extractors: `Valid<E>` and `ValidWith<E, C>` for `web::Json`,
//! `web::Form`, `web::Query` and `web::Path`.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::error::ErrorInternalServerError;
use actix_web::web::{self, Form, Json, Path, Query};
use actix_web::{Error, FromRequest, HttpRequest};
use serde::de::DeserializeOwned;

use super::read;
use crate::problem::Rejection;
use crate::valid_with::ValidWith;
use crate::{Valid, ValidateAsync};

/// What a body extractor's future is: it owns what it needs (actix's own futures
/// hold a clone of the request), so it lives as long as it is polled.
type Reading<T> = Pin<Box<dyn Future<Output = Result<T, Rejection<Error>>>>>;

/// Reads a JSON body with every error at once: a value of the wrong type, a missing
/// field and a broken rule (async rules included) are one 422 problem listing all three.
impl<T: DeserializeOwned + ValidateAsync + Sync + 'static> FromRequest for Valid<Json<T>> {
    type Error = Rejection<Error>;
    type Future = Reading<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = read::json_body(request, payload);
        Box::pin(async move { read::json(&body.await?, &()).await.map(Valid::checked) })
    }
}

/// Reads a UTF-8 form body with every error at once.
impl<T: DeserializeOwned + ValidateAsync + Sync + 'static> FromRequest for Valid<Form<T>> {
    type Error = Rejection<Error>;
    type Future = Reading<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = read::form_body(request, payload);
        Box::pin(async move { read::form(body.await?, &()).await.map(Valid::checked) })
    }
}

/// Reads the query string with every error at once.
impl<T: DeserializeOwned + ValidateAsync + Sync + 'static> FromRequest for Valid<Query<T>> {
    type Error = Rejection<Error>;
    type Future = Reading<Self>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        let request = request.clone();
        Box::pin(async move { read::query(&request, &()).await.map(Valid::checked) })
    }
}

/// Reads the path's named segments as the fields of `T` (a struct whose fields are
/// named as the route's `{segments}` are), with every error at once.
impl<T: DeserializeOwned + ValidateAsync + Sync + 'static> FromRequest for Valid<Path<T>> {
    type Error = Rejection<Error>;
    type Future = Reading<Self>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        let request = request.clone();
        Box::pin(async move { read::path(&request, &()).await.map(Valid::checked) })
    }
}

/// The context in the app's data: `web::Data<C>`, or a `C` of its own.
fn context<C: 'static>(request: &HttpRequest) -> Result<&C, Rejection<Error>> {
    let data = request.app_data::<web::Data<C>>().map(|data| data.get_ref());
    data.or_else(|| request.app_data::<C>()).ok_or_else(|| {
        let message = format!(
            "the app has no data of type `{}` for the rules' context: register it with `App::app_data`",
            std::any::type_name::<C>()
        );
        Rejection::Extract(ErrorInternalServerError(message))
    })
}

impl<T, C> FromRequest for ValidWith<Json<T>, C>
where
    T: DeserializeOwned + ValidateAsync<C> + Sync + 'static,
    C: Sync + 'static,
{
    type Error = Rejection<Error>;
    type Future = Reading<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = read::json_body(request, payload);
        let request = request.clone();
        Box::pin(async move {
            let raw = body.await?;
            let context = context::<C>(&request)?;
            read::json(&raw, context).await.map(ValidWith::checked)
        })
    }
}

impl<T, C> FromRequest for ValidWith<Form<T>, C>
where
    T: DeserializeOwned + ValidateAsync<C> + Sync + 'static,
    C: Sync + 'static,
{
    type Error = Rejection<Error>;
    type Future = Reading<Self>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = read::form_body(request, payload);
        let request = request.clone();
        Box::pin(async move {
            let body = body.await?;
            let context = context::<C>(&request)?;
            read::form(body, context).await.map(ValidWith::checked)
        })
    }
}

impl<T, C> FromRequest for ValidWith<Query<T>, C>
where
    T: DeserializeOwned + ValidateAsync<C> + Sync + 'static,
    C: Sync + 'static,
{
    type Error = Rejection<Error>;
    type Future = Reading<Self>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        let request = request.clone();
        Box::pin(async move {
            let context = context::<C>(&request)?;
            read::query(&request, context).await.map(ValidWith::checked)
        })
    }
}

impl<T, C> FromRequest for ValidWith<Path<T>, C>
where
    T: DeserializeOwned + ValidateAsync<C> + Sync + 'static,
    C: Sync + 'static,
{
    type Error = Rejection<Error>;
    type Future = Reading<Self>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        let request = request.clone();
        Box::pin(async move {
            let context = context::<C>(&request)?;
            read::path(&request, context).await.map(ValidWith::checked)
        })
    }
}
