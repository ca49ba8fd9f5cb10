//! axum 0.8 extractors that validate what they extract (feature `axum`).
//!
//! | extractor | what it does |
//! |---|---|
//! | [`Valid<Json<T>>`](crate::Valid), `Valid<Form<T>>`, `Valid<Query<T>>` | extracts as the inner extractor does, then validates the `T` |
//! | [`ValidWith<Json<T>, C>`](ValidWith) (and `Form`, `Query`) | the same for a type with a context; the context `C` comes from the router's state through [`FromRef`](axum::extract::FromRef) |
//! | [`Signed<E>`][Signed] (feature `signature` too) | checks Twilio's `X-Twilio-Signature` over the request, then extracts `E` from the same body |
//!
//! `Json`, `Form` and `Query` are read and validated in one step
//! ([`json::from_slice`](crate::json::from_slice), [`form::from_bytes`](crate::form::from_bytes)):
//! a body that is JSON (or a form) but wrong in any way, a value of the wrong type, a
//! missing or unknown field or a broken rule, is answered `422 Unprocessable Content`
//! with an RFC 9457 `application/problem+json` body that lists every error, each with
//! its JSON Pointer into the request, its code, message and parameters. What axum
//! answers itself stays axum's, unchanged: a body of another content type (415), one
//! that is not JSON at all (400), one that cannot be read (over the body limit). An
//! extractor of your own ([`Payload`]) extracts as it does, then validates.
//!
//! ```json
//! {
//!   "type": "about:blank",
//!   "title": "Unprocessable Content",
//!   "status": 422,
//!   "detail": "the request breaks 1 rule; `errors` lists each",
//!   "errors": [
//!     {"path": "UniqueName", "pointer": "/UniqueName", "code": "length",
//!      "message": "must be at most 64 characters long", "params": {"max": 64, "unit": "chars"}}
//!   ]
//! }
//! ```
//!
//! To answer otherwise, take `Result<Valid<E>, Rejection<E::Rejection>>` and map the
//! error: [`Rejection`] converts into `TwilioError` (feature `model-build`), which is a
//! response too, for a server that must answer as Twilio does.
//!
//! ```
//! # #[cfg(feature = "model-build")] {
//! use axum::extract::rejection::FormRejection;
//! use axum::routing::post;
//! use axum::{Form, Json, Router};
//! use modelbuild::axum::Rejection;
//! use modelbuild::{CreateModelBuild, ModelBuild, TwilioError, Valid};
//!
//! // The default answer: 422 with the problem document.
//! async fn create(body: Valid<Form<CreateModelBuild>>) -> Json<ModelBuild> {
//!     let request = body.into_inner().0;
//!     Json(ModelBuild { unique_name: request.unique_name, ..Default::default() })
//! }
//!
//! // Twilio's answer: 400 with its error body, code 20422.
//! async fn create_as_twilio(
//!     body: Result<Valid<Form<CreateModelBuild>>, Rejection<FormRejection>>,
//! ) -> Result<Json<ModelBuild>, TwilioError> {
//!     let request = body.map_err(TwilioError::from)?.into_inner().0;
//!     Ok(Json(ModelBuild { unique_name: request.unique_name, ..Default::default() }))
//! }
//!
//! let app: Router = Router::new()
//!     .route("/builds", post(create))
//!     .route("/twilio/builds", post(create_as_twilio));
//! # }
//! ```

// A link to an item another feature brings, which only docs.rs (every feature) has.
#![cfg_attr(feature = "signature", doc = "\n[Signed]: crate::axum::Signed")]
#![cfg_attr(
    not(feature = "signature"),
    doc = "\n[Signed]: https://docs.rs/modelbuild/latest/modelbuild/axum/struct.Signed.html"
)]

mod payload;
mod problem;
mod read;
#[cfg(feature = "signature")]
mod signed;
#[cfg(feature = "model-build")]
mod twilio;
mod valid;

pub use crate::problem::{Problem, Rejection};
pub use crate::valid_with::ValidWith;
pub use payload::Payload;
#[cfg(feature = "signature")]
pub use signed::{require_signature, Signed, SignedRejection, TwilioWebhook};
