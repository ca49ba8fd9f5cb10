//! The schema of the RFC 9457 [`Problem`] the extractors answer a broken rule with, so
//! that a route documents its `422` as what it sends.

use utoipa::openapi::schema::{AdditionalProperties, ArrayBuilder, ObjectBuilder, SchemaFormat, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

use crate::problem::Problem;

fn text(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
}

/// One broken rule, as `ValidationErrors` serializes it.
fn field_error() -> Schema {
    let params = ObjectBuilder::new()
        .schema_type(Type::Object)
        .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(true)))
        .description(Some("the rule's parameters, by name"));
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .property(
            "path",
            text("where the value is, in the request's own names: `steps[1].sid`"),
        )
        .property(
            "pointer",
            text("the same place as a JSON Pointer (RFC 6901): `/steps/1/sid`"),
        )
        .property(
            "code",
            text("the rule broken, or what was wrong with the value: `length`, `type`"),
        )
        .property("message", text("what was wrong, for people"))
        .property("params", params)
        .required("path")
        .required("pointer")
        .required("code")
        .required("message")
        .required("params")
        .into()
}

/// `type`, `title`, `status`, `detail`, and `errors`, each broken rule.
impl PartialSchema for Problem {
    fn schema() -> RefOr<Schema> {
        let kind = text("a URI naming the kind of problem: `about:blank`")
            .format(Some(SchemaFormat::Custom("uri-reference".into())));
        let status = ObjectBuilder::new()
            .schema_type(Type::Integer)
            .description(Some("the HTTP status"));
        let errors = ArrayBuilder::new()
            .items(RefOr::T(field_error()))
            .description(Some("every broken rule, in the order of the request"));
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some("An RFC 9457 problem document (`application/problem+json`)."))
            .property("type", kind)
            .property("title", text("the status's reason phrase"))
            .property("status", status)
            .property("detail", text("what went wrong with this request"))
            .property("errors", errors)
            .required("type")
            .required("title")
            .required("status")
            .required("detail")
            .into()
    }
}

/// A component named `Problem`.
impl ToSchema for Problem {}
