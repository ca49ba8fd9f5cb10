//! The JSON Schema of the RFC 9457 [`Problem`] the extractors answer a broken rule
//! with, so that a document generated with schemars (aide's, or your own) states the
//! `422` a route sends.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use crate::problem::{describe, Problem};

/// `type`, `title`, `status`, `detail`, and `errors`, each broken rule as
/// `ValidationErrors` serializes it. A component named `Problem`.
///
/// ```
/// # #[cfg(feature = "axum")]
/// use modelbuild::axum::Problem;
/// # #[cfg(all(feature = "actix", not(feature = "axum")))]
/// # use modelbuild::actix::Problem;
///
/// let schema = schemars::schema_for!(Problem);
/// assert_eq!(schema.as_value()["properties"]["status"]["type"], "integer");
/// assert_eq!(schema.as_value()["properties"]["errors"]["items"]["required"][0], "path");
/// ```
impl JsonSchema for Problem {
    fn schema_name() -> Cow<'static, str> {
        "Problem".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "modelbuild::Problem".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "object",
            "description": describe::DOCUMENT,
            "properties": {
                "type": {"type": "string", "format": "uri-reference", "description": describe::KIND},
                "title": {"type": "string", "description": describe::TITLE},
                "status": {"type": "integer", "description": describe::STATUS},
                "detail": {"type": "string", "description": describe::DETAIL},
                "errors": {
                    "type": "array",
                    "description": describe::ERRORS,
                    "items": {
                        "type": "object",
                        "properties": {
                            "path": {"type": "string", "description": describe::PATH},
                            "pointer": {"type": "string", "description": describe::POINTER},
                            "code": {"type": "string", "description": describe::CODE},
                            "message": {"type": "string", "description": describe::MESSAGE},
                            "params": {
                                "type": "object",
                                "additionalProperties": true,
                                "description": describe::PARAMS,
                            },
                        },
                        "required": ["path", "pointer", "code", "message", "params"],
                    },
                },
            },
            "required": ["type", "title", "status", "detail"],
        })
    }
}
