//! [`Rejection`] and the RFC 9457 [`Problem`] as actix-web responses.

use actix_web::body::BoxBody;
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{Error, HttpRequest, HttpResponse, Responder, ResponseError};

use crate::problem::{Problem, Rejection};

/// The inner extractor's rejection answers as actix would have answered it; broken
/// rules answer `422` with the problem document. A rejection is an `actix_web::Error`
/// through this impl, so a handler that takes `Result<Valid<..>, Rejection<Error>>`
/// can answer it itself, or return it with `?`.
impl ResponseError for Rejection<Error> {
    fn status_code(&self) -> StatusCode {
        match self {
            Rejection::Extract(error) => error.as_response_error().status_code(),
            Rejection::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Rejection::Extract(error) => error.error_response(),
            Rejection::Invalid(errors) => problem_response(&Problem::invalid(errors.clone())),
        }
    }
}

/// A handler may answer with a problem document of its own.
impl Responder for Problem {
    type Body = BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse {
        problem_response(&self)
    }
}

fn problem_response(problem: &Problem) -> HttpResponse {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    HttpResponse::build(status)
        .insert_header((
            header::CONTENT_TYPE,
            HeaderValue::from_static(Problem::CONTENT_TYPE),
        ))
        .body(problem.to_vec())
}
