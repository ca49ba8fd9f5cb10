//! Twilio's error body, `{code, message, more_info, status}`, for every way a request
//! can fail, and what the emulator echoes of a client's input in it.
//!
//! The codes are Twilio's where its dictionary has one (20003, 20004, 20404, 20413,
//! 20422, 20500); otherwise 20000 plus the status, as Twilio numbers its own.

use std::borrow::Cow;

use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use modelbuild::TwilioError;

use crate::config::BODY_LIMIT;
use crate::store::Refusal;

/// How many characters of a client's key or value an error message repeats.
const ECHO: usize = 64;
/// How many characters of a path: a valid one, two percent-encoded segments of 64
/// characters, fits.
const ECHO_PATH: usize = 512;

/// `text` when it is short, else its first 64 characters and `…`: an error names
/// what it refused without sending a megabyte back.
pub fn clip(text: &str) -> Cow<'_, str> {
    clip_to(text, ECHO)
}

/// A path as [`clip`] does text, with room for a valid path whole.
pub fn clip_path(path: &str) -> Cow<'_, str> {
    clip_to(path, ECHO_PATH)
}

fn clip_to(text: &str, chars: usize) -> Cow<'_, str> {
    match text.char_indices().nth(chars) {
        Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
        None => Cow::Borrowed(text),
    }
}

/// The code of an error status, as the module's documentation says.
fn code_of(status: StatusCode) -> i64 {
    match status.as_u16() {
        400 => TwilioError::INVALID_PARAMETER,
        401 => TwilioError::AUTHENTICATION_FAILED,
        404 => TwilioError::NOT_FOUND,
        405 => 20004,
        other => 20000 + i64::from(other),
    }
}

/// An error with `status`, its code, and `message`.
pub fn error(status: StatusCode, message: impl Into<String>) -> TwilioError {
    TwilioError::new(code_of(status), status.as_u16(), message)
}

/// 20422: an invalid parameter, as Twilio words it.
pub fn invalid(message: impl std::fmt::Display) -> TwilioError {
    error(StatusCode::BAD_REQUEST, format!("Invalid parameter: {message}"))
}

/// 20400: a request that is not well formed, as opposed to a parameter that is invalid.
pub fn bad_request(message: impl std::fmt::Display) -> TwilioError {
    TwilioError::new(20400, 400, format!("Bad request: {message}"))
}

/// 20404 for a path that names nothing.
pub fn not_found(path: &str) -> TwilioError {
    error(
        StatusCode::NOT_FOUND,
        format!("The requested resource {} was not found", clip_path(path)),
    )
}

/// 20004 for a method the path does not take (axum adds the `Allow` header).
pub fn method_not_allowed(method: &Method, path: &str) -> TwilioError {
    error(
        StatusCode::METHOD_NOT_ALLOWED,
        format!(
            "Method not allowed: {} is not a method of {}",
            clip(method.as_str()),
            clip_path(path)
        ),
    )
}

/// 20413 for a body over [`BODY_LIMIT`].
pub fn too_large() -> TwilioError {
    error(
        StatusCode::PAYLOAD_TOO_LARGE,
        format!("Request entity too large: a body may hold at most {BODY_LIMIT} bytes"),
    )
}

/// 20415 for a body that is not a form.
pub fn unsupported_media_type(content_type: &str) -> TwilioError {
    error(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        format!(
            "Unsupported media type {:?}: send the parameters as a form, \
             Content-Type: application/x-www-form-urlencoded, as Twilio's API takes them",
            clip(content_type)
        ),
    )
}

/// A unique name the store refused.
pub fn refusal(refusal: &Refusal) -> TwilioError {
    match refusal {
        Refusal::NameTaken(name) => invalid(format_args!(
            "UniqueName: {:?} is already the name of another build of this assistant",
            clip(name)
        )),
        Refusal::EmptyName => invalid("UniqueName: must not be empty"),
        Refusal::NameLooksLikeSid(name) => invalid(format_args!(
            "UniqueName: {:?} looks like a model build SID (\"UG\" followed by 32 hexadecimal \
             digits); a build is addressed by its SID or its unique name, so a name may not be one",
            clip(name)
        )),
        Refusal::BadSid => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Internal error: a build SID was taken twice",
        ),
    }
}

/// Whether a response already carries a JSON body.
fn is_json(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/json"))
}

/// Gives an error response that is not a Twilio body yet (one of axum's own
/// rejections, in plain text or empty) Twilio's body with the same status, its text
/// as the message, and its `Allow` or `WWW-Authenticate` header kept.
pub async fn as_twilio_body(response: Response) -> Response {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) || is_json(&response) {
        return response;
    }
    let (parts, body) = response.into_parts();
    // axum's rejections are a line of text; more is not worth reading.
    let text = axum::body::to_bytes(body, 4096).await.unwrap_or_default();
    let text = String::from_utf8_lossy(&text);
    let reason = status.canonical_reason().unwrap_or("Error");
    let message = match text.trim() {
        "" => reason.to_owned(),
        text => format!("{reason}: {}", clip(text)),
    };
    let mut answer = error(status, message).into_response();
    for name in [header::ALLOW, header::WWW_AUTHENTICATE, header::CONNECTION] {
        if let Some(value) = parts.headers.get(&name) {
            answer.headers_mut().insert(name, value.clone());
        }
    }
    answer
}

/// The bytes of a whole HTTP/1.1 response carrying `error`, for the few answers hyper
/// writes itself (see `parse_errors`); the connection closes after it.
pub fn raw_response(error: &TwilioError) -> Vec<u8> {
    let status = StatusCode::from_u16(error.status).unwrap_or(StatusCode::BAD_REQUEST);
    let body = serde_json::to_vec(error).unwrap_or_default();
    let head = format!(
        "HTTP/1.1 {} {}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        status.as_u16(),
        status.canonical_reason().unwrap_or(""),
        body.len()
    );
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(&body);
    bytes
}

/// `error` as a response after which the connection closes: a request that timed
/// out may have left its body unread, so nothing after it on the connection can be
/// trusted to start a request.
pub fn closing(error: TwilioError) -> Response {
    let mut response = error.into_response();
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    /// axum's own rejections are text or empty; they leave as Twilio's body.
    #[test]
    fn a_plain_error_becomes_a_twilio_body() {
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        runtime.block_on(plain_error_becomes_a_twilio_body());
    }

    async fn plain_error_becomes_a_twilio_body() {
        let plain = (
            StatusCode::PAYLOAD_TOO_LARGE,
            [(header::ALLOW, "GET")],
            "Failed to buffer the request body: length limit exceeded",
        )
            .into_response();
        let answer = as_twilio_body(plain).await;
        assert_eq!(answer.status(), StatusCode::PAYLOAD_TOO_LARGE);
        assert_eq!(answer.headers()[header::ALLOW], "GET");
        let body = axum::body::to_bytes(answer.into_body(), 4096).await.unwrap();
        let error: TwilioError = serde_json::from_slice(&body).unwrap();
        assert_eq!((error.code, error.status), (20413, 413));
        assert_eq!(
            error.message,
            "Payload Too Large: Failed to buffer the request body: length limit exceeded"
        );
        let fine = as_twilio_body(StatusCode::NO_CONTENT.into_response()).await;
        assert_eq!(fine.status(), StatusCode::NO_CONTENT);
    }

    #[test]
    fn long_input_is_clipped_where_it_is_echoed() {
        assert_eq!(clip("short"), "short");
        let long = "é".repeat(100);
        assert_eq!(clip(&long), format!("{}…", "é".repeat(64)));
        let path = format!("/v1/{}", "p".repeat(600));
        assert_eq!(clip_path(&path), format!("{}…", &path[..512]));
    }
}
