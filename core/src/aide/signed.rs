//! [`Signed<E>`] in the document: the header it reads and the `403` it answers.

use aide::generate::GenContext;
use aide::openapi::{
    HeaderStyle, Operation, Parameter, ParameterData, ParameterSchemaOrContent, Response, SchemaObject,
    StatusCode,
};
use aide::operation::add_parameters;
use aide::OperationInput;

use super::problem_response;
use crate::axum::Signed;

/// What `E` documents, the `X-Twilio-Signature` header, and the `403`.
impl<E: OperationInput> OperationInput for Signed<E> {
    fn operation_input(ctx: &mut GenContext, operation: &mut Operation) {
        E::operation_input(ctx, operation);
        let schema = SchemaObject {
            json_schema: ctx.schema.subschema_for::<String>(),
            example: None,
            external_docs: None,
        };
        let signature = ParameterData {
            name: crate::signature::HEADER.into(),
            description: Some(
                "Twilio's signature of the request: base64 of an HMAC of the URL and the \
                 parameters (or of the URL with the body's SHA-256), keyed with the auth token."
                    .into(),
            ),
            required: true,
            deprecated: None,
            format: ParameterSchemaOrContent::Schema(schema),
            example: None,
            examples: Default::default(),
            explode: None,
            extensions: Default::default(),
        };
        let header = Parameter::Header {
            parameter_data: signature,
            style: HeaderStyle::Simple,
        };
        add_parameters(ctx, operation, [header]);
    }

    fn inferred_early_responses(
        ctx: &mut GenContext,
        operation: &mut Operation,
    ) -> Vec<(Option<StatusCode>, Response)> {
        let mut responses = E::inferred_early_responses(ctx, operation);
        let forbidden = problem_response(
            ctx,
            "The request is not signed by Twilio: `X-Twilio-Signature` is missing or wrong.",
        );
        responses.push((Some(StatusCode::Code(403)), forbidden));
        responses
    }
}
