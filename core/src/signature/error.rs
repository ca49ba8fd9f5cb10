//! [`SignatureError`]: why a request's signature was refused.

use std::fmt;

/// Why a signature check failed. Each says what was wrong without saying what the
/// right signature would have been.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureError {
    /// The request has no `X-Twilio-Signature` header.
    Missing,
    /// The header is not the base64 of a 20-byte HMAC-SHA1.
    Malformed,
    /// The signature does not match the URL and parameters, with or without the
    /// URL's default port.
    Mismatch,
    /// The URL's `bodySHA256` is not the SHA-256 of the body: the body was changed.
    BodyHash,
    /// The body is not a form: a `%` not followed by two hex digits at this byte offset.
    Form {
        /// Byte offset of the `%` in the body.
        offset: usize,
    },
}

impl fmt::Display for SignatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignatureError::Missing => f.write_str("the request has no X-Twilio-Signature header"),
            SignatureError::Malformed => {
                f.write_str("the X-Twilio-Signature header is not a base64 HMAC-SHA1")
            }
            SignatureError::Mismatch => {
                f.write_str("the X-Twilio-Signature header does not match the request")
            }
            SignatureError::BodyHash => {
                f.write_str("the body does not have the SHA-256 given in the URL's bodySHA256")
            }
            SignatureError::Form { offset } => {
                write!(f, "the body is not a form: bad percent-escape at byte {offset}")
            }
        }
    }
}

impl std::error::Error for SignatureError {}
