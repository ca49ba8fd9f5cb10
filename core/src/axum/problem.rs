//! [`Rejection`] and the RFC 9457 [`Problem`] as axum responses.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::problem::{Problem, Rejection};
use crate::ValidationErrors;

impl<E: IntoResponse> IntoResponse for Rejection<E> {
    fn into_response(self) -> Response {
        match self {
            Rejection::Extract(rejection) => rejection.into_response(),
            Rejection::Invalid(errors) => Problem::invalid(errors).into_response(),
        }
    }
}

impl Problem {
    /// A problem with no rule list: `about:blank`, the status's reason phrase as the
    /// title, and `detail`.
    pub fn status(status: StatusCode, detail: impl Into<String>) -> Self {
        Problem {
            kind: "about:blank".into(),
            title: status.canonical_reason().unwrap_or("Error").into(),
            status: status.as_u16(),
            detail: detail.into(),
            errors: ValidationErrors::new(),
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        json_response(self.status, Problem::CONTENT_TYPE, &self)
    }
}

/// `body` as JSON with this status and content type.
pub(super) fn json_response(status: u16, content_type: &'static str, body: &impl Serialize) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    // Strings, numbers and the errors' own Serialize: serde_json cannot fail on them.
    let body = serde_json::to_vec(body).unwrap_or_default();
    let content_type = HeaderValue::from_static(content_type);
    (status, [(header::CONTENT_TYPE, content_type)], body).into_response()
}
