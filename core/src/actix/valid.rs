//! The validating extractors: `Valid<E>` and `ValidWith<E, C>` for `web::Json`,
//! `web::Form`, `web::Query` and `web::Path`.

use std::future::Future;
use std::marker::PhantomData;
use std::ops::Deref;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::error::ErrorInternalServerError;
use actix_web::web::{self, Form, Json, Path, Query};
use actix_web::{Error, FromRequest, HttpRequest};
use serde::de::DeserializeOwned;

use super::read;
use crate::problem::Rejection;
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

/// `Valid<E>` for a type with a context (`#[validate(context = C)]`): the context is
/// the app's data, found as `web::Data<C>` (registered with `App::app_data(Data::new(c))`)
/// or as a plain `C` (`App::app_data(c)`). A request to an app without it is answered
/// `500`, as actix answers a missing `web::Data`. The value's type implements
/// [`ValidateAsync<C>`], as the derive gives every type with a context; its async rules
/// run with the context too.
///
/// ```
/// use std::collections::HashSet;
///
/// use actix_web::{web, App};
/// use modelbuild::actix::ValidWith;
/// use modelbuild::{RuleError, Validate};
///
/// struct Taken(HashSet<String>);
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
/// async fn rename(body: ValidWith<web::Json<Rename>, Taken>) -> String {
///     body.into_inner().into_inner().unique_name
/// }
///
/// let taken = web::Data::new(Taken(HashSet::from(["nightly".to_owned()])));
/// let app = App::new().app_data(taken).route("/rename", web::post().to(rename));
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
