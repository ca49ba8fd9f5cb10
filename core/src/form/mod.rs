//! `application/x-www-form-urlencoded` bodies, decoded strictly.
//!
//! Encoding is `serde_urlencoded`'s. Decoding is this crate's own, because the usual
//! decoders repair what they cannot read: a bad escape such as `%zz` passes through as
//! text and invalid UTF-8 becomes `U+FFFD`, silently changing the data. Here both are
//! errors, and so is a key given twice; a value that does not fit its field is an
//! error that names the parameter.

mod de;

use std::collections::HashSet;
use std::fmt;

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::percent;

/// Why a form body could not be decoded or encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormError {
    /// A `%` not followed by two hexadecimal digits, at this byte offset.
    BadEscape {
        /// Byte offset of the `%`.
        offset: usize,
    },
    /// A key or value that is not UTF-8 once decoded; `key` is the key, lossily decoded
    /// for the message only.
    InvalidUtf8 {
        /// The key of the pair (or the key itself) that failed.
        key: String,
    },
    /// The same key twice.
    DuplicateKey {
        /// The repeated key.
        key: String,
    },
    /// A parameter whose value does not fit its field: `PageSize=abc` for a number.
    InvalidValue {
        /// The parameter.
        key: String,
        /// What was expected and found: `expected an integer, found "abc"`.
        message: String,
    },
    /// The parameters do not fit the type as a whole: an unknown or a missing one.
    Data(String),
}

impl fmt::Display for FormError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormError::BadEscape { offset } => {
                write!(
                    f,
                    "bad percent-escape at byte {offset}: `%` must be followed by two hex digits"
                )
            }
            FormError::InvalidUtf8 { key } => write!(f, "parameter {key:?} is not valid UTF-8"),
            FormError::DuplicateKey { key } => write!(f, "parameter {key:?} is given more than once"),
            FormError::InvalidValue { key, message } => write!(f, "parameter {key:?}: {message}"),
            FormError::Data(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for FormError {}

/// Decodes a form body (or a query string) into `T`, refusing bad escapes, invalid
/// UTF-8 and repeated keys; a value that does not fit its field is an error naming the
/// parameter.
///
/// ```
/// use modelbuild::form::{self, FormError};
/// use modelbuild::model_build::ListModelBuilds;
/// use modelbuild::CreateModelBuild;
///
/// let request: CreateModelBuild = form::from_bytes(b"UniqueName=nightly+build").unwrap();
/// assert_eq!(request.unique_name.as_deref(), Some("nightly build"));
/// assert!(form::from_bytes::<CreateModelBuild>(b"UniqueName=%FF").is_err());
/// assert!(form::from_bytes::<CreateModelBuild>(b"UniqueName=a&UniqueName=b").is_err());
///
/// let error = form::from_bytes::<ListModelBuilds>(b"PageSize=abc").unwrap_err();
/// assert_eq!(error.to_string(), r#"parameter "PageSize": expected an integer, found "abc""#);
/// assert!(matches!(error, FormError::InvalidValue { key, .. } if key == "PageSize"));
/// ```
pub fn from_bytes<T: DeserializeOwned>(body: &[u8]) -> Result<T, FormError> {
    let pairs = decode(body)?;
    T::deserialize(de::Pairs { pairs }).map_err(|error| match error.key {
        Some(key) => FormError::InvalidValue {
            key,
            message: error.message,
        },
        None => FormError::Data(error.message),
    })
}

/// Encodes `value` as a form body; `None` fields should be skipped by the type.
pub fn to_string<T: Serialize>(value: &T) -> Result<String, FormError> {
    serde_urlencoded::to_string(value).map_err(|error| FormError::Data(error.to_string()))
}

/// The pairs of `body`, decoded, in order: each key once, each key and value UTF-8.
fn decode(body: &[u8]) -> Result<Vec<(String, String)>, FormError> {
    let mut keys = HashSet::new();
    let mut pairs = Vec::new();
    for pair in percent::pairs(body) {
        let (key, value) = pair.map_err(|offset| FormError::BadEscape { offset })?;
        let key = String::from_utf8(key).map_err(|e| FormError::InvalidUtf8 {
            key: String::from_utf8_lossy(e.as_bytes()).into_owned(),
        })?;
        let Ok(value) = String::from_utf8(value) else {
            return Err(FormError::InvalidUtf8 { key });
        };
        if !keys.insert(key.clone()) {
            return Err(FormError::DuplicateKey { key });
        }
        pairs.push((key, value));
    }
    Ok(pairs)
}
