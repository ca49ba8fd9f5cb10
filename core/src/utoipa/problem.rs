//! The schema of the RFC 9457 [`Problem`] the extractors answer a broken rule with, so
//! that a route documents its `422` as what it sends.

use utoipa::openapi::schema::{AdditionalProperties, ArrayBuilder, ObjectBuilder, SchemaFormat, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

use crate::problem::{describe, Problem};

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
        .description(Some(describe::PARAMS));
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .property("path", text(describe::PATH))
        .property("pointer", text(describe::POINTER))
        .property("code", text(describe::CODE))
        .property("message", text(describe::MESSAGE))
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
        let kind = text(describe::KIND).format(Some(SchemaFormat::Custom("uri-reference".into())));
        let status = ObjectBuilder::new()
            .schema_type(Type::Integer)
            .description(Some(describe::STATUS));
        let errors = ArrayBuilder::new()
            .items(RefOr::T(field_error()))
            .description(Some(describe::ERRORS));
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some(describe::DOCUMENT))
            .property("type", kind)
            .property("title", text(describe::TITLE))
            .property("status", status)
            .property("detail", text(describe::DETAIL))
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
