//! Reading a create or update body: a form, of at most [`BODY_LIMIT`] bytes.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap};
use http_body_util::LengthLimitError;
use modelbuild::TwilioError;

use crate::config::BODY_LIMIT;
use crate::errors;

/// The bytes of a form body. Its rejections are Twilio's bodies: 415 for another
/// media type (JSON, say), 413 past the limit, 400 for a body cut short.
pub struct FormBody(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for FormBody {
    type Rejection = TwilioError;

    async fn from_request(request: Request, _state: &S) -> Result<Self, TwilioError> {
        check_media_type(request.headers())?;
        // A declared length past the limit is refused before a byte is read.
        let declared = request
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|value| value.to_str().ok())
            .and_then(|text| text.parse::<u64>().ok());
        if declared.is_some_and(|length| length > BODY_LIMIT as u64) {
            return Err(errors::too_large());
        }
        match axum::body::to_bytes(request.into_body(), BODY_LIMIT).await {
            Ok(bytes) => Ok(FormBody(bytes)),
            Err(error) => {
                let error = error.into_inner();
                if error.downcast_ref::<LengthLimitError>().is_some() {
                    Err(errors::too_large())
                } else {
                    Err(errors::bad_request(format_args!(
                        "the body could not be read: {error}"
                    )))
                }
            }
        }
    }
}

/// A form, or a body with no `Content-Type` at all, read as one; anything else
/// (JSON, say) is 415, not a puzzling "unknown field `{...}`".
fn check_media_type(headers: &HeaderMap) -> Result<(), TwilioError> {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return Ok(());
    };
    let text = String::from_utf8_lossy(value.as_bytes());
    let essence = text.split(';').next().unwrap_or("").trim();
    if essence.eq_ignore_ascii_case("application/x-www-form-urlencoded") {
        Ok(())
    } else {
        Err(errors::unsupported_media_type(&text))
    }
}
