//! Twilio's error body as an axum response, and the rejections converted into it.

use std::fmt;

use axum::response::{IntoResponse, Response};

use super::problem::json_response;
use super::Rejection;
use crate::TwilioError;

/// The body as JSON, with its `status` as the HTTP status.
impl IntoResponse for TwilioError {
    fn into_response(self) -> Response {
        json_response(self.status, "application/json", &self)
    }
}

/// 20422, as Twilio answers an invalid parameter: status 400 with every broken rule
/// when the request was read, or the inner extractor's status and reason when it
/// could not be (a wrong content type stays 415).
impl<E: IntoResponse + fmt::Display> From<Rejection<E>> for TwilioError {
    fn from(rejection: Rejection<E>) -> Self {
        match rejection {
            Rejection::Invalid(errors) => TwilioError::from(errors),
            Rejection::Extract(rejection) => {
                let message = format!("Invalid parameter: {rejection}");
                let status = rejection.into_response().status().as_u16();
                TwilioError::new(TwilioError::INVALID_PARAMETER, status, message)
            }
        }
    }
}
