//! [`TwilioError`]: the body of an error response.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::object_only::object_only;
use crate::form::FormError;
use crate::ValidationErrors;

/// The body Twilio sends with an error status: `{code, message, more_info, status}`.
///
/// A server built on these types answers invalid parameters the way Twilio does:
///
/// ```
/// use modelbuild::model_build::TwilioError;
/// use modelbuild::{CreateModelBuild, Validate};
///
/// let request = CreateModelBuild { unique_name: Some("x".repeat(65)), ..Default::default() };
/// let body = TwilioError::from(request.validate().unwrap_err());
/// assert_eq!((body.code, body.status), (20422, 400));
/// assert_eq!(body.message, "Invalid parameter: UniqueName: must be at most 64 characters long");
/// assert_eq!(body.more_info, "https://www.twilio.com/docs/errors/20422");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct TwilioError {
    /// Twilio's error code, such as 20404 or 20422.
    pub code: i64,
    /// What went wrong, for people.
    pub message: String,
    /// A link to the code's documentation.
    pub more_info: String,
    /// The HTTP status.
    pub status: u16,
}

impl TwilioError {
    /// The code of an invalid parameter, sent with status 400.
    pub const INVALID_PARAMETER: i64 = 20422;
    /// The code of a resource that does not exist, sent with status 404.
    pub const NOT_FOUND: i64 = 20404;
    /// The code of missing or wrong credentials, sent with status 401.
    pub const AUTHENTICATION_FAILED: i64 = 20003;

    /// An error with the documentation link Twilio gives for `code`.
    pub fn new(code: i64, status: u16, message: impl Into<String>) -> Self {
        TwilioError {
            code,
            message: message.into(),
            more_info: format!("https://www.twilio.com/docs/errors/{code}"),
            status,
        }
    }
}

impl From<&ValidationErrors> for TwilioError {
    /// 20422 with status 400, naming every invalid parameter: `path: message`, each
    /// path at most 64 characters (then `…`), since a path names what the client sent,
    /// and a megabyte of unknown parameter name is not sent back.
    fn from(errors: &ValidationErrors) -> Self {
        let details: Vec<String> = (errors.iter())
            .map(|error| {
                format!(
                    "{}: {}",
                    crate::recover::shortened(&error.path().to_string()),
                    error.message()
                )
            })
            .collect();
        TwilioError::new(
            TwilioError::INVALID_PARAMETER,
            400,
            format!("Invalid parameter: {}", details.join("; ")),
        )
    }
}

impl From<ValidationErrors> for TwilioError {
    fn from(errors: ValidationErrors) -> Self {
        TwilioError::from(&errors)
    }
}

impl From<&FormError> for TwilioError {
    /// 20422 with status 400 and the decoder's reason: a form body that cannot be
    /// read is an invalid parameter too, and the client learns which and why.
    ///
    /// ```
    /// use modelbuild::{CreateModelBuild, TwilioError};
    ///
    /// let error = CreateModelBuild::from_form(b"UniqueName=a&UniqueName=b").unwrap_err();
    /// let body = TwilioError::from(error);
    /// assert_eq!((body.code, body.status), (20422, 400));
    /// assert_eq!(body.message, "Invalid parameter: parameter \"UniqueName\" is given more than once");
    /// ```
    fn from(error: &FormError) -> Self {
        TwilioError::new(
            TwilioError::INVALID_PARAMETER,
            400,
            format!("Invalid parameter: {error}"),
        )
    }
}

impl From<FormError> for TwilioError {
    fn from(error: FormError) -> Self {
        TwilioError::from(&error)
    }
}

impl fmt::Display for TwilioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Twilio error {} (HTTP {}): {}",
            self.code, self.status, self.message
        )
    }
}

impl std::error::Error for TwilioError {}

object_only!(TwilioError);
