//! `application/x-www-form-urlencoded` bodies and query strings, decoded strictly.
//!
//! Decoding is this crate's own, because the usual decoders repair what they cannot
//! read: a bad escape such as `%zz` passes through as text and invalid UTF-8 becomes
//! `U+FFFD`, silently changing the data. Here both are errors, and so is a key given
//! twice. Two ways to decode:
//!
//! - [`from_bytes`] parses and validates in one step and reports **every** error at
//!   once, in the order of the form, as [`ValidationErrors`]: each bad escape or
//!   repeated key, each value that is not what its field takes (`PageSize=ten`: code
//!   `type`), each missing and unknown parameter, then every broken rule (the codes are
//!   [`json`][json]'s);
//! - [`decode`] only decodes, and stops at the first problem with a [`FormError`].
//!
//! Encoding ([`to_string`][to_string], feature `model-build`) is `serde_urlencoded`'s.
//!
// A link to an item another feature brings, which only docs.rs (every feature) has.
#![cfg_attr(feature = "model-build", doc = "\n[to_string]: to_string")]
#![cfg_attr(feature = "json", doc = "\n[json]: crate::json")]
#![cfg_attr(
    not(feature = "json"),
    doc = "\n[json]: https://docs.rs/modelbuild/latest/modelbuild/json/"
)]
#![cfg_attr(
    not(feature = "model-build"),
    doc = "\n[to_string]: https://docs.rs/modelbuild/latest/modelbuild/form/fn.to_string.html"
)]

mod de;

use std::borrow::Cow;
use std::fmt;

use serde::de::DeserializeOwned;
#[cfg(feature = "model-build")]
use serde::Serialize;

use crate::percent;
use crate::recover::{self, Checking, Error, Kind, Node, Order, Step};
use crate::{Validate, ValidateAsync, ValidateWith, ValidationErrors};

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

/// Parses a form body (or a query string) as a `T` and validates it, with every error
/// at once, in the order of the form.
///
/// ```
/// use modelbuild::form;
/// use modelbuild::model_build::ListModelBuilds;
///
/// let query: ListModelBuilds = form::from_bytes(b"PageSize=50&Page=2").unwrap();
/// assert_eq!(query.page_size, Some(50));
///
/// let errors = form::from_bytes::<ListModelBuilds>(b"PageSize=ten&Page=-1&Other=%zz").unwrap_err();
/// let found: Vec<(String, &str)> = errors.iter().map(|e| (e.path().to_string(), e.code())).collect();
/// assert_eq!(found, [
///     ("PageSize".to_string(), "type"),
///     ("Page".to_string(), "range"),
///     ("Other".to_string(), "syntax"),
///     ("Other".to_string(), "unknown_field"),
/// ]);
/// assert_eq!(errors.iter().next().unwrap().message(), "must be an integer");
/// ```
pub fn from_bytes<T: DeserializeOwned + Validate>(body: &[u8]) -> Result<T, ValidationErrors> {
    checked(body, |value: &T| value.validate())
}

/// [`from_bytes`] for a type with a context (`#[validate(context = C)]`).
pub fn from_bytes_with<T, C>(body: &[u8], context: &C) -> Result<T, ValidationErrors>
where
    T: DeserializeOwned + ValidateWith<C>,
    C: ?Sized,
{
    checked(body, |value: &T| value.validate_with(context))
}

/// [`from_bytes`] for a type with async rules ([`ValidateAsync`]; any [`Validate`]
/// type is one too): decodes, then runs every rule, the async ones as
/// [`validate_async`](ValidateAsync::validate_async) does, and gives every error at
/// once, in the body's order.
pub async fn from_bytes_async<T>(body: &[u8]) -> Result<T, ValidationErrors>
where
    T: DeserializeOwned + ValidateAsync + Sync,
{
    from_bytes_async_with(body, &()).await
}

/// [`from_bytes_async`] for a type with a context (`#[validate(context = C)]`).
pub async fn from_bytes_async_with<T, C>(body: &[u8], context: &C) -> Result<T, ValidationErrors>
where
    T: DeserializeOwned + ValidateAsync<C> + Sync,
    C: Sync + ?Sized,
{
    checking::<T>(body).checked_async(context).await
}

/// Parses a form body as a `T` without validating it, with every error at once: for a
/// caller that validates in a step of its own.
pub fn parse_bytes<T: DeserializeOwned>(body: &[u8]) -> Result<T, ValidationErrors> {
    checked(body, |_: &T| Ok(()))
}

pub(crate) fn checked<T: DeserializeOwned>(
    body: &[u8],
    validate: impl FnOnce(&T) -> Result<(), ValidationErrors>,
) -> Result<T, ValidationErrors> {
    checking(body).checked(validate)
}

/// `body` read as a `T`, its rules still to check.
pub(crate) fn checking<T: DeserializeOwned>(body: &[u8]) -> Checking<'_, T> {
    // The usual body decodes and reads at once; only one that fails is read again.
    let strict = decode_pairs(body)
        .ok()
        .and_then(|pairs| T::deserialize(de::Pairs { pairs }).ok());
    if let Some(value) = strict {
        return Checking::Read {
            value,
            bytes: body,
            order_of: |body| Some(Order::of(&lenient(body).0)),
        };
    }
    let (tree, decoding) = lenient(body);
    let order = Order::of(&tree);
    let mut read = recover::read::<T>(tree);
    // Decoding comes first: at one parameter, its bad escape before what it caused.
    read.errors.splice(0..0, decoding);
    Checking::Recovered(read, order)
}

/// [`checking`] for pairs already decoded, each key once: a path's segments by name, as
/// a web framework's router matched and decoded them.
#[cfg(feature = "actix")]
pub(crate) fn checking_pairs<T: DeserializeOwned>(pairs: Vec<(String, String)>) -> Checking<'static, T> {
    let tree = Node::Object(
        pairs
            .iter()
            .map(|(key, value)| (Cow::Owned(key.clone()), Node::Text(Cow::Owned(value.clone()))))
            .collect(),
    );
    let order = Order::of(&tree);
    match T::deserialize(de::Pairs { pairs }) {
        Ok(value) => Checking::Ordered(value, order),
        Err(_) => Checking::Recovered(recover::read::<T>(tree), order),
    }
}

/// The body as a tree of its pairs, each value text, and the errors of decoding it: a
/// bad escape or invalid UTF-8 leaves a stand-in in the value's place, a key given
/// again is left out.
fn lenient(body: &[u8]) -> (Node<'static>, Vec<Error>) {
    let mut members: Vec<(Cow<'static, str>, Node<'static>)> = Vec::new();
    let mut errors = Vec::new();
    let syntax = |message: String, offset: Option<usize>, path: Vec<Step>| {
        let mut error = Error::new(Kind::Encoding { message, offset });
        error.path = Some(path);
        error
    };
    for pair in percent::raw_pairs(body) {
        let key = match percent::decode(pair.key).map(String::from_utf8) {
            Ok(Ok(key)) => key,
            Ok(Err(_)) | Err(_) => {
                let shown = recover::shortened(&String::from_utf8_lossy(pair.key));
                let message = format!("has a key, {shown:?}, that is not valid percent-encoded UTF-8");
                errors.push(syntax(message, Some(pair.key_offset), Vec::new()));
                continue;
            }
        };
        let at = vec![Step::Field(key.clone())];
        if members.iter().any(|(known, _)| known == key.as_str()) {
            let mut error = Error::new(Kind::Repeated);
            error.path = Some(at);
            errors.push(error);
            continue;
        }
        let value = match percent::decode(pair.value) {
            Err(offset) => {
                let offset = pair.value_offset + offset;
                errors.push(syntax(
                    format!("has a bad percent-escape at byte {offset}: `%` must be followed by two hexadecimal digits"),
                    Some(offset),
                    at,
                ));
                Node::Placeholder(recover::Hint::Unknown)
            }
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Node::Text(Cow::Owned(text)),
                Err(_) => {
                    errors.push(syntax("is not valid UTF-8 once decoded".into(), None, at));
                    Node::Placeholder(recover::Hint::Unknown)
                }
            },
        };
        members.push((Cow::Owned(key), value));
    }
    (Node::Object(members), errors)
}

/// Decodes a form body (or a query string) into `T`, refusing bad escapes, invalid
/// UTF-8 and repeated keys; a value that does not fit its field is an error naming the
/// parameter. It stops at the first problem; [`from_bytes`] reports them all.
///
/// ```
/// use modelbuild::form::{self, FormError};
/// use modelbuild::model_build::ListModelBuilds;
/// use modelbuild::CreateModelBuild;
///
/// let request: CreateModelBuild = form::decode(b"UniqueName=nightly+build").unwrap();
/// assert_eq!(request.unique_name.as_deref(), Some("nightly build"));
/// assert!(form::decode::<CreateModelBuild>(b"UniqueName=%FF").is_err());
/// assert!(form::decode::<CreateModelBuild>(b"UniqueName=a&UniqueName=b").is_err());
///
/// let error = form::decode::<ListModelBuilds>(b"PageSize=abc").unwrap_err();
/// assert_eq!(error.to_string(), r#"parameter "PageSize": expected an integer, found "abc""#);
/// assert!(matches!(error, FormError::InvalidValue { key, .. } if key == "PageSize"));
/// ```
pub fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<T, FormError> {
    let pairs = decode_pairs(body)?;
    T::deserialize(de::Pairs { pairs }).map_err(|error| match error.key {
        Some(key) => FormError::InvalidValue {
            key,
            message: error.message,
        },
        None => FormError::Data(error.message),
    })
}

/// Encodes `value` as a form body; `None` fields should be skipped by the type.
#[cfg(feature = "model-build")]
pub fn to_string<T: Serialize>(value: &T) -> Result<String, FormError> {
    serde_urlencoded::to_string(value).map_err(|error| FormError::Data(error.to_string()))
}

/// The pairs of `body`, decoded, in order: each key once, each key and value UTF-8.
fn decode_pairs(body: &[u8]) -> Result<Vec<(String, String)>, FormError> {
    let mut pairs = Vec::new();
    for pair in percent::pairs(body) {
        let (key, value) = pair.map_err(|offset| FormError::BadEscape { offset })?;
        let key = String::from_utf8(key).map_err(|e| FormError::InvalidUtf8 {
            key: String::from_utf8_lossy(e.as_bytes()).into_owned(),
        })?;
        let Ok(value) = String::from_utf8(value) else {
            return Err(FormError::InvalidUtf8 { key });
        };
        pairs.push((key, value));
    }
    match first_repeated(&pairs) {
        Some(at) => Err(FormError::DuplicateKey {
            key: pairs.swap_remove(at).0,
        }),
        None => Ok(pairs),
    }
}

/// The place of the first pair whose key an earlier pair has. Found without copying a
/// key: by comparing each with those before it for a usual form, by sorting the places
/// for a long one, so that a hostile one costs `n log n`.
fn first_repeated(pairs: &[(String, String)]) -> Option<usize> {
    if pairs.len() <= 16 {
        return (1..pairs.len()).find(|&at| pairs[..at].iter().any(|(key, _)| *key == pairs[at].0));
    }
    let mut places: Vec<usize> = (0..pairs.len()).collect();
    places.sort_by(|&a, &b| pairs[a].0.cmp(&pairs[b].0).then(a.cmp(&b)));
    (places.windows(2))
        .filter(|two| pairs[two[0]].0 == pairs[two[1]].0)
        .map(|two| two[1])
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repeated(body: &str) -> Option<String> {
        match decode_pairs(body.as_bytes()) {
            Err(FormError::DuplicateKey { key }) => Some(key),
            _ => None,
        }
    }

    #[test]
    fn the_first_key_given_again_is_named_in_short_and_long_forms() {
        assert_eq!(repeated("a=1&b=2"), None);
        assert_eq!(repeated("a=1&b=2&b=3&a=4"), Some("b".to_owned()));
        // Long enough to be sorted: the same answer, the first repetition in body order.
        let many: Vec<String> = (0..40).map(|n| format!("k{n}=1")).collect();
        let body = format!("{}&k30=2&k3=2", many.join("&"));
        assert_eq!(repeated(&body), Some("k30".to_owned()));
        assert_eq!(repeated(&many.join("&")), None);
    }
}
