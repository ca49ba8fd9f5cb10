//! `application/x-www-form-urlencoded` bodies, decoded strictly.
//!
//! Encoding is `serde_urlencoded`'s. Decoding checks the raw body first, because the
//! usual decoders repair what they cannot read: a bad escape such as `%zz` passes
//! through as text and invalid UTF-8 becomes `U+FFFD`, silently changing the data.
//! Here both are errors, and so is a key given twice.

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
    /// The pairs do not fit the type: unknown key, wrong number, and so on.
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
            FormError::Data(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for FormError {}

/// Decodes a form body into `T`, refusing bad escapes, invalid UTF-8 and repeated keys.
///
/// ```
/// use modelbuild::form;
/// use modelbuild::CreateModelBuild;
///
/// let request: CreateModelBuild = form::from_bytes(b"UniqueName=nightly+build").unwrap();
/// assert_eq!(request.unique_name.as_deref(), Some("nightly build"));
/// assert!(form::from_bytes::<CreateModelBuild>(b"UniqueName=%FF").is_err());
/// assert!(form::from_bytes::<CreateModelBuild>(b"UniqueName=a&UniqueName=b").is_err());
/// ```
pub fn from_bytes<T: DeserializeOwned>(body: &[u8]) -> Result<T, FormError> {
    check(body)?;
    serde_urlencoded::from_bytes(body).map_err(|error| FormError::Data(error.to_string()))
}

/// Encodes `value` as a form body; `None` fields should be skipped by the type.
pub fn to_string<T: Serialize>(value: &T) -> Result<String, FormError> {
    serde_urlencoded::to_string(value).map_err(|error| FormError::Data(error.to_string()))
}

fn check(body: &[u8]) -> Result<(), FormError> {
    let mut keys = HashSet::new();
    for pair in percent::pairs(body) {
        let (key, value) = pair.map_err(|offset| FormError::BadEscape { offset })?;
        let key = String::from_utf8(key).map_err(|e| FormError::InvalidUtf8 {
            key: String::from_utf8_lossy(e.as_bytes()).into_owned(),
        })?;
        if std::str::from_utf8(&value).is_err() {
            return Err(FormError::InvalidUtf8 { key });
        }
        if !keys.insert(key.clone()) {
            return Err(FormError::DuplicateKey { key });
        }
    }
    Ok(())
}
