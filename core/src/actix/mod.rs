//! actix-web 4 extractors that validate what they extract (feature `actix`).
//!
//! | extractor | what it does |
//! |---|---|
//! | [`Valid<web::Json<T>>`](crate::Valid), `Valid<web::Form<T>>`, `Valid<web::Query<T>>`, `Valid<web::Path<T>>` | reads the `T` as the inner extractor would, and validates it |
//! | [`ValidWith<web::Json<T>, C>`](ValidWith) (and `Form`, `Query`, `Path`) | the same for a type with a context; the context `C` is the app's data (`web::Data<C>`, or a `C` given to `App::app_data`) |
//!
//! Each reads and validates in one step ([`json::from_slice`](crate::json::from_slice),
//! [`form::from_bytes`](crate::form::from_bytes)): a value that is JSON (or a form, a
//! query string, a path) but wrong in any way, a value of the wrong type, a missing or
//! unknown field or a broken rule, is answered `422 Unprocessable Content` with an
//! RFC 9457 `application/problem+json` body that lists every error, each with its JSON
//! Pointer into the request, its code, message and parameters: the document
//! [`axum`][axum]'s extractors answer with (see there). Every rule runs, the
//! async ones included ([`ValidateAsync`](crate::ValidateAsync), which every `Validate`
//! type implements too; see [async rules](crate::guide::async_rules)).
//!
//! What actix answers itself stays actix's, with the app's configuration: `Json` reads
//! the body through actix's own `web::Json` (as raw JSON text), so `JsonConfig`'s limit,
//! content types and error handler apply, and a body of another content type, over the
//! limit, or not JSON at all, is its error. A UTF-8 form body is read as `web::Bytes`
//! reads a body, within `PayloadConfig`'s limit, since a strict reading needs the bytes
//! `web::Form` decodes leniently; a body of another content type or charset goes to
//! `web::Form` as it is. `Path<T>` reads the route's named segments as the fields of
//! `T`.
//!
//! To answer otherwise, take `Result<Valid<E>, Rejection<actix_web::Error>>` and map
//! the error; [`Rejection<actix_web::Error>`](Rejection) is an
//! [`actix_web::ResponseError`], so `?` returns it as the default answer.
//!
//! ```
//! use actix_web::{test, web, App, HttpResponse};
//! use modelbuild::actix::Rejection;
//! use modelbuild::{CreateModelBuild, Valid};
//!
//! // The default answer: 422 with the problem document.
//! async fn create(body: Valid<web::Form<CreateModelBuild>>) -> String {
//!     body.into_inner().into_inner().unique_name.unwrap_or_default()
//! }
//!
//! // An answer of your own.
//! async fn create_quietly(
//!     body: Result<Valid<web::Form<CreateModelBuild>>, Rejection<actix_web::Error>>,
//! ) -> HttpResponse {
//!     match body {
//!         Ok(_) => HttpResponse::Created().finish(),
//!         Err(Rejection::Invalid(errors)) => HttpResponse::BadRequest().body(errors.to_string()),
//!         Err(Rejection::Extract(error)) => error.error_response(),
//!     }
//! }
//!
//! actix_web::rt::System::new().block_on(async {
//!     let app = App::new()
//!         .route("/builds", web::post().to(create))
//!         .route("/quiet/builds", web::post().to(create_quietly));
//!     let app = test::init_service(app).await;
//!     let request = test::TestRequest::post()
//!         .uri("/builds")
//!         .set_form([("UniqueName", "x".repeat(65))])
//!         .to_request();
//!     let response = test::call_service(&app, request).await;
//!     assert_eq!(response.status(), 422);
//!     let problem: serde_json::Value = test::read_body_json(response).await;
//!     assert_eq!(problem["errors"][0]["pointer"], "/UniqueName");
//! });
//! ```

// A link to a module another feature brings, which only docs.rs (every feature) has.
#![cfg_attr(feature = "axum", doc = "\n[axum]: crate::axum")]
#![cfg_attr(
    not(feature = "axum"),
    doc = "\n[axum]: https://docs.rs/modelbuild/latest/modelbuild/axum/"
)]

mod read;
mod response;
mod valid;

pub use crate::problem::{Problem, Rejection};
pub use crate::valid_with::ValidWith;
