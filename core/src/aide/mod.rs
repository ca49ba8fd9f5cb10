//! The axum extractors in the OpenAPI document aide generates (feature `aide`).
//!
//! aide documents a route from the types its handler takes and returns, through its
//! traits [`OperationInput`] and [`OperationOutput`]; this module implements them for
//! the extractors of [`modelbuild::axum`](crate::axum), so that a route of an
//! [`ApiRouter`](aide::axum::ApiRouter) may take them and is documented as it behaves:
//!
//! | type | in the document |
//! |---|---|
//! | [`Valid<E>`](crate::Valid), [`ValidWith<E, C>`](crate::axum::ValidWith) | what `E` documents (`Json<T>`, `Form<T>`: the request body; `Query<T>`: the query parameters), and a `422` response whose body is the [`Problem`] |
//! | [`Signed<E>`][Signed] (feature `signature` too) | what `E` documents, the `X-Twilio-Signature` header, and a `403` response whose body is the [`Problem`] |
//! | [`Rejection<E>`](crate::axum::Rejection), returned | what `E` documents, and the `422` |
//! | [`Problem`], returned | the default response, `application/problem+json` |
//!
//! The schema of the request body is the one schemars derives for `T`: with
//! `#[schemars(transform = modelbuild::schema::rules::<Self>)]` on the type it states
//! every rule (the table is in [`schema`](crate::schema)). The `422`'s body is the
//! component `Problem`, the document the extractors send: each broken rule with its
//! path, JSON Pointer, code, message and parameters. It replaces the `422` aide gives
//! `Json<T>` (a line of text), since `Valid<Json<T>>` answers a value of the wrong type
//! with the problem too; axum's own answers (`400` for a body that is not JSON, `415`
//! for another content type) stay documented as aide documents them.
//!
//! ```
//! use aide::axum::routing::post;
//! use aide::axum::ApiRouter;
//! use aide::openapi::OpenApi;
//! use axum::Json;
//! use modelbuild::{Valid, Validate};
//! use schemars::JsonSchema;
//!
//! #[derive(serde::Deserialize, JsonSchema, Validate)]
//! #[schemars(transform = modelbuild::schema::rules::<Self>)]
//! struct Rename {
//!     #[validate(length(min = 1, max = 64))]
//!     unique_name: String,
//! }
//!
//! async fn rename(body: Valid<Json<Rename>>) -> String {
//!     body.into_inner().0.unique_name
//! }
//!
//! let mut api = OpenApi::default();
//! let app: axum::Router = ApiRouter::new()
//!     .api_route("/rename", post(rename))
//!     .finish_api(&mut api);
//!
//! let document = serde_json::to_value(&api).unwrap();
//! let operation = &document["paths"]["/rename"]["post"];
//! let body = &operation["requestBody"]["content"]["application/json"]["schema"];
//! assert_eq!(body["$ref"], "#/components/schemas/Rename");
//! let rename = &document["components"]["schemas"]["Rename"];
//! assert_eq!(rename["properties"]["unique_name"]["maxLength"], 64);
//! let invalid = &operation["responses"]["422"]["content"]["application/problem+json"];
//! assert_eq!(invalid["schema"]["$ref"], "#/components/schemas/Problem");
//! ```
//!
//! aide's release on schemars 1, the JSON Schema crate this one writes rules with, is
//! 0.16 (a pre-release at the time of writing); aide 0.15 builds on schemars 0.9, whose
//! types are not these.
//!
// A link to an item another feature brings, which only docs.rs (every feature) has.
#![cfg_attr(feature = "signature", doc = "\n[Signed]: crate::axum::Signed")]
#![cfg_attr(
    not(feature = "signature"),
    doc = "\n[Signed]: https://docs.rs/modelbuild/latest/modelbuild/axum/struct.Signed.html"
)]

#[cfg(feature = "signature")]
mod signed;

use aide::generate::GenContext;
use aide::openapi::{MediaType, Operation, Response, SchemaObject, StatusCode};
use aide::{OperationInput, OperationOutput};

use crate::axum::ValidWith;
use crate::problem::{Problem, Rejection};
use crate::Valid;

/// The status of a value that breaks rules.
const UNPROCESSABLE: StatusCode = StatusCode::Code(422);

/// A response whose body is a [`Problem`], the schema a reference to its component.
fn problem_response(ctx: &mut GenContext, description: &str) -> Response {
    let schema = SchemaObject {
        json_schema: ctx.schema.subschema_for::<Problem>(),
        example: None,
        external_docs: None,
    };
    let mut response = Response {
        description: description.into(),
        ..Default::default()
    };
    let media = MediaType {
        schema: Some(schema),
        ..Default::default()
    };
    response.content.insert(Problem::CONTENT_TYPE.into(), media);
    response
}

/// `responses`, with their `422` (if any: aide's text for `Json<T>`) replaced by the
/// problem every validating extractor answers with.
fn with_invalid(
    ctx: &mut GenContext,
    mut responses: Vec<(Option<StatusCode>, Response)>,
) -> Vec<(Option<StatusCode>, Response)> {
    responses.retain(|(status, _)| *status != Some(UNPROCESSABLE));
    responses.push((Some(UNPROCESSABLE), invalid_response(ctx)));
    responses
}

/// The `422` of a validating extractor.
fn invalid_response(ctx: &mut GenContext) -> Response {
    problem_response(
        ctx,
        "The request breaks rules (a value of the wrong type, a missing or unknown field, \
         a broken rule); `errors` lists each.",
    )
}

/// What `E` documents, and the `422`.
impl<E: OperationInput> OperationInput for Valid<E> {
    fn operation_input(ctx: &mut GenContext, operation: &mut Operation) {
        E::operation_input(ctx, operation);
    }

    fn inferred_early_responses(
        ctx: &mut GenContext,
        operation: &mut Operation,
    ) -> Vec<(Option<StatusCode>, Response)> {
        let responses = E::inferred_early_responses(ctx, operation);
        with_invalid(ctx, responses)
    }
}

/// What `E` documents, and the `422`; the context comes from the state, which the
/// document does not show.
impl<E: OperationInput, C> OperationInput for ValidWith<E, C> {
    fn operation_input(ctx: &mut GenContext, operation: &mut Operation) {
        Valid::<E>::operation_input(ctx, operation);
    }

    fn inferred_early_responses(
        ctx: &mut GenContext,
        operation: &mut Operation,
    ) -> Vec<(Option<StatusCode>, Response)> {
        Valid::<E>::inferred_early_responses(ctx, operation)
    }
}

/// A handler that returns the rejection itself (having taken
/// `Result<Valid<E>, Rejection<R>>`): what `R` documents, and the `422`.
impl<R: OperationOutput> OperationOutput for Rejection<R> {
    type Inner = Problem;

    fn operation_response(ctx: &mut GenContext, _: &mut Operation) -> Option<Response> {
        Some(invalid_response(ctx))
    }

    fn inferred_responses(
        ctx: &mut GenContext,
        operation: &mut Operation,
    ) -> Vec<(Option<StatusCode>, Response)> {
        let responses = R::inferred_responses(ctx, operation);
        with_invalid(ctx, responses)
    }
}

/// A handler that answers with a [`Problem`] of its own: its status is the handler's
/// choice, so it is the default response.
impl OperationOutput for Problem {
    type Inner = Problem;

    fn operation_response(ctx: &mut GenContext, _: &mut Operation) -> Option<Response> {
        Some(problem_response(ctx, "An RFC 9457 problem document."))
    }

    fn inferred_responses(
        ctx: &mut GenContext,
        operation: &mut Operation,
    ) -> Vec<(Option<StatusCode>, Response)> {
        Self::operation_response(ctx, operation)
            .map(|response| vec![(None, response)])
            .unwrap_or_default()
    }
}
