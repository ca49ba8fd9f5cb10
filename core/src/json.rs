//! Parse and validate a JSON document in one step, reporting **every** error at once
//! (feature `json`).
//!
//! serde stops at the first value it cannot read, so a client that sent five mistakes
//! learns of one, fixes it, and learns of the next. [`from_slice`] and [`from_str`]
//! answer with all of them in one [`ValidationErrors`], in document order, each with
//! its path in wire names and its JSON Pointer:
//!
//! | code | what | params |
//! |---|---|---|
//! | `type` | a value of the wrong type: `"ten"` where an integer goes, `300` for a `u8`, a name for an enum that is no variant | `expected` (`an integer`, `a string`, `one of enqueued, building, …`), `found` |
//! | `missing` | a field the type needs (no `Option`, no `#[serde(default)]`) is not there; its path is where it belongs | — |
//! | `unknown_field` | a field a `#[serde(deny_unknown_fields)]` type does not have | `expected`: the fields it has |
//! | `unknown_variant` | an enum's variant it does not have | `expected`, `found` |
//! | `duplicate` | a struct's field given twice | — |
//! | `invalid` | a value the type's own code refused, with its message (a date that does not parse) | — |
//! | `syntax` | the document is not JSON: one error, at the deepest path reached | `line`, `column` |
//! | `incomplete` | the last error, when the document could not be read past the errors before it | — |
//!
//! and then every rule broken by the fields that could be read, as `validate()` reports
//! them (an error about a value that was itself of the wrong type is left out: it would
//! be about a stand-in). A valid document costs what `serde_json::from_slice` and
//! `validate()` cost: it is read once, and read again only when that fails.
//!
//! ```
//! use modelbuild::Validate;
//!
//! #[derive(Debug, serde::Deserialize, Validate)]
//! #[serde(rename_all = "camelCase", deny_unknown_fields)]
//! struct Signup {
//!     #[validate(length(min = 3, max = 20))]
//!     username: String,
//!     #[validate(range(min = 13))]
//!     age: u8,
//!     #[validate(email)]
//!     email: String,
//!     plan: Plan,
//! }
//!
//! #[derive(Debug, serde::Deserialize)]
//! #[serde(rename_all = "lowercase")]
//! enum Plan { Free, Team }
//!
//! let body = r#"{"username": "x", "age": "ten", "plan": "gold", "referrer": "ad"}"#;
//! let errors = modelbuild::json::from_str::<Signup>(body).unwrap_err();
//! let found: Vec<(String, &str)> =
//!     errors.iter().map(|e| (e.path().to_json_pointer(), e.code())).collect();
//! assert_eq!(found, [
//!     ("/username".to_string(), "length"),
//!     ("/age".to_string(), "type"),
//!     ("/plan".to_string(), "unknown_variant"),
//!     ("/referrer".to_string(), "unknown_field"),
//!     ("/email".to_string(), "missing"),
//! ]);
//! assert_eq!(errors.iter().nth(1).unwrap().message(), "must be an integer, not a string");
//! ```
//!
//! What serde reads as a whole, out of a reader's sight (an internally tagged or
//! untagged enum, a `#[serde(flatten)]` field), is read again after each of its errors,
//! which are placed where the value serde names is found; an untagged enum none of
//! whose variants fits, or a type that takes no stand-in for a value it refused (a
//! required field of a type that parses text, such as a date), ends the reading there:
//! the list then ends with `incomplete`.

use serde::Deserialize;

use crate::recover::{self, Checking, Error, Kind, Node, Order, Reader};
use crate::{Validate, ValidateAsync, ValidateWith, ValidationErrors};

/// Parses `bytes` as a `T` and validates it, with every error at once.
///
/// ```
/// use modelbuild::{json, ModelBuild};
///
/// let build: ModelBuild = json::from_slice(br#"{"sid": "UG0123456789abcdef0123456789abcdef"}"#).unwrap();
/// assert!(build.status.is_none());
/// let errors = json::from_slice::<ModelBuild>(br#"{"sid": 5, "build_duration": -1}"#).unwrap_err();
/// assert_eq!(
///     errors.to_string(),
///     "sid: must be a string, not an integer\nbuild_duration: must be at least 0"
/// );
/// ```
pub fn from_slice<'de, T: Deserialize<'de> + Validate>(bytes: &'de [u8]) -> Result<T, ValidationErrors> {
    checked(bytes, |value: &T| value.validate())
}

/// Parses `text` as a `T` and validates it, with every error at once.
pub fn from_str<'de, T: Deserialize<'de> + Validate>(text: &'de str) -> Result<T, ValidationErrors> {
    from_slice(text.as_bytes())
}

/// [`from_slice`] for a type with a context (`#[validate(context = C)]`).
pub fn from_slice_with<'de, T, C>(bytes: &'de [u8], context: &C) -> Result<T, ValidationErrors>
where
    T: Deserialize<'de> + ValidateWith<C>,
    C: ?Sized,
{
    checked(bytes, |value: &T| value.validate_with(context))
}

/// [`from_str`] for a type with a context (`#[validate(context = C)]`).
pub fn from_str_with<'de, T, C>(text: &'de str, context: &C) -> Result<T, ValidationErrors>
where
    T: Deserialize<'de> + ValidateWith<C>,
    C: ?Sized,
{
    from_slice_with(text.as_bytes(), context)
}

/// [`from_slice`] for a type with async rules ([`ValidateAsync`]; any [`Validate`] type
/// is one too): parses, then runs every rule, the async ones as
/// [`validate_async`](ValidateAsync::validate_async) does, and gives every error at
/// once, in document order.
///
/// ```
/// use modelbuild::{json, RuleError, Validate};
///
/// async fn not_taken(name: &str) -> Result<(), RuleError> {
///     match name {
///         "admin" => Err(RuleError::new("taken", "is taken")),
///         _ => Ok(()),
///     }
/// }
///
/// #[derive(Debug, serde::Deserialize, Validate)]
/// struct Signup {
///     #[validate(custom(function = not_taken, async))]
///     username: String,
///     age: u8,
/// }
///
/// # fn block_on<F: std::future::Future>(future: F) -> F::Output {
/// #     let mut future = std::pin::pin!(future);
/// #     let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
/// #     loop { if let std::task::Poll::Ready(out) = future.as_mut().poll(&mut cx) { return out; } }
/// # }
/// let errors = block_on(json::from_slice_async::<Signup>(br#"{"username": "admin", "age": -1}"#)).unwrap_err();
/// assert_eq!(errors.to_string(), "username: is taken\nage: must be an integer from 0 to 255, not -1");
/// ```
pub async fn from_slice_async<'de, T>(bytes: &'de [u8]) -> Result<T, ValidationErrors>
where
    T: Deserialize<'de> + ValidateAsync + Sync,
{
    from_slice_async_with(bytes, &()).await
}

/// [`from_slice_async`] for a type with a context (`#[validate(context = C)]`).
pub async fn from_slice_async_with<'de, T, C>(bytes: &'de [u8], context: &C) -> Result<T, ValidationErrors>
where
    T: Deserialize<'de> + ValidateAsync<C> + Sync,
    C: Sync + ?Sized,
{
    checking::<T>(bytes).checked_async(context).await
}

/// Parses `bytes` as a `T` without validating it, with every error serde would stop at
/// reported at once: for a caller that validates in a step of its own (rules that need
/// an `await`).
pub fn parse_slice<'de, T: Deserialize<'de>>(bytes: &'de [u8]) -> Result<T, ValidationErrors> {
    checked(bytes, |_: &T| Ok(()))
}

pub(crate) fn checked<'de, T: Deserialize<'de>>(
    bytes: &'de [u8],
    validate: impl FnOnce(&T) -> Result<(), ValidationErrors>,
) -> Result<T, ValidationErrors> {
    checking(bytes).checked(validate)
}

/// `bytes` read as a `T`, its rules still to check.
pub(crate) fn checking<'de, T: Deserialize<'de>>(bytes: &'de [u8]) -> Checking<'de, T> {
    // The usual document is what the type expects: serde reads it once, as it would
    // without this crate, and only a document that fails is read again.
    match serde_json::from_slice::<T>(bytes) {
        Ok(value) => Checking::Read {
            value,
            bytes,
            order_of: |bytes| tree(bytes).ok().map(|tree| Order::of(&tree)),
        },
        Err(_) => match tree(bytes) {
            Ok(tree) => {
                let order = Order::of(&tree);
                Checking::Recovered(recover::read::<T>(tree), order)
            }
            Err(syntax) => {
                let mut errors = ValidationErrors::new();
                errors.push(syntax.to_field_error());
                Checking::Failed(errors)
            }
        },
    }
}

/// The document as a tree; or, when it is not JSON, the error where it stops being
/// JSON, at the deepest path reached.
fn tree(bytes: &[u8]) -> Result<Node<'_>, Error> {
    let mut path = Vec::new();
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let read = serde::de::DeserializeSeed::deserialize(Reader { path: &mut path }, &mut deserializer)
        .and_then(|node| deserializer.end().map(|()| node));
    read.map_err(|error| {
        let message = error.to_string();
        let suffix = format!(" at line {} column {}", error.line(), error.column());
        let message = message.strip_suffix(&suffix).unwrap_or(&message).to_owned();
        let mut syntax = Error::new(Kind::Syntax {
            message,
            line: error.line(),
            column: error.column(),
        });
        syntax.path = Some(path);
        syntax
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recover::Step;

    #[test]
    fn a_syntax_error_is_placed_at_the_deepest_path_reached() {
        let error = tree(br#"{"a": [1, {"b": tru}]}"#).unwrap_err();
        assert_eq!(
            error.path,
            Some(vec![
                Step::Field("a".into()),
                Step::Index(1),
                Step::Field("b".into())
            ])
        );
        let reported = error.to_field_error();
        assert_eq!(reported.code(), "syntax");
        assert_eq!(reported.path().to_json_pointer(), "/a/1/b");
    }
}
