//! [`Valid<T>`]: a value that is known to have passed validation.

use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::ValidationErrors;
use crate::validate::{Validate, ValidateAsync, ValidateWith};

/// Proof that a `T` passed validation.
///
/// The only ways to get one are [`Valid::new`] ([`Valid::new_with`] for a type with a
/// [context](crate::guide::context)), deserializing a `Valid<T>`, which validates too,
/// and the extractors of the `axum` feature; so a function that takes `Valid<T>` never
/// sees invalid data, and its signature says so. It gives out only shared references to
/// the value (it derefs to `T`): changing the value would lose the proof, so
/// [`into_inner`](Valid::into_inner) gives it up.
///
/// Deserializing fails with every broken rule, one `path: message` line each, as
/// serde's custom error: serde has no place for a list, so a program that needs the
/// [`ValidationErrors`] themselves deserializes `T` and calls `Valid::new`.
///
/// ```
/// use modelbuild::{Valid, Validate};
///
/// #[derive(Debug, Validate, serde::Deserialize)]
/// struct Build {
///     #[validate(sid(prefix = "UG"))]
///     sid: String,
/// }
///
/// let ok: Valid<Build> =
///     serde_json::from_str(r#"{"sid": "UG0123456789abcdef0123456789ABCDEF"}"#).unwrap();
/// assert_eq!(ok.sid.len(), 34);
///
/// let err = serde_json::from_str::<Valid<Build>>(r#"{"sid": "UG12"}"#).unwrap_err();
/// assert!(err.to_string().starts_with("sid: must be a SID: \"UG\""));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Valid<T>(T);

impl<T: Validate> Valid<T> {
    /// Validates `value`, returning every broken rule when it is not valid.
    pub fn new(value: T) -> Result<Self, ValidationErrors> {
        value.validate()?;
        Ok(Valid(value))
    }
}

impl<T> Valid<T> {
    /// Validates `value` with `context` (for a type that declares
    /// `#[validate(context = ...)]`), returning every broken rule when it is not valid.
    pub fn new_with<C: ?Sized>(value: T, context: &C) -> Result<Self, ValidationErrors>
    where
        T: ValidateWith<C>,
    {
        ValidateWith::validate_with(&value, context)?;
        Ok(Valid(value))
    }

    /// Validates `value`, async rules included ([`ValidateAsync`]), returning every
    /// broken rule when it is not valid.
    pub async fn new_async(value: T) -> Result<Self, ValidationErrors>
    where
        T: ValidateAsync + Sync,
    {
        value.validate_async().await?;
        Ok(Valid(value))
    }

    /// Validates `value` with `context`, async rules included.
    pub async fn new_async_with<C>(value: T, context: &C) -> Result<Self, ValidationErrors>
    where
        T: ValidateAsync<C> + Sync,
        C: Sync + ?Sized,
    {
        value.validate_async_with(context).await?;
        Ok(Valid(value))
    }

    /// Wraps a value this crate has just validated by other means (an extractor that
    /// validated what it extracted).
    #[cfg(any(feature = "axum", feature = "actix"))]
    pub(crate) fn checked(value: T) -> Self {
        Valid(value)
    }

    /// The validated value.
    pub fn into_inner(self) -> T {
        self.0
    }

    /// A reference to the validated value.
    pub fn get(&self) -> &T {
        &self.0
    }
}

impl<T> Deref for Valid<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> AsRef<T> for Valid<T> {
    fn as_ref(&self) -> &T {
        &self.0
    }
}

impl<T: fmt::Display> fmt::Display for Valid<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T: Serialize> Serialize for Valid<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de> + Validate> Deserialize<'de> for Valid<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = T::deserialize(deserializer)?;
        Valid::new(value).map_err(serde::de::Error::custom)
    }
}
