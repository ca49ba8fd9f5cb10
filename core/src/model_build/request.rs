//! [`CreateModelBuild`] and [`UpdateModelBuild`]: the form bodies of create and update.

use serde::{Deserialize, Serialize};

use crate::form::{self, FormError};
use crate::Validate;

/// The body of `POST /v1/Assistants/{AssistantSid}/ModelBuilds`
/// (`CreateModelBuildRequest`), sent as `application/x-www-form-urlencoded` with
/// Twilio's names; unset fields are left out. Error paths use the wire names.
///
/// ```
/// use modelbuild::{CreateModelBuild, Validate};
///
/// let request = CreateModelBuild {
///     status_callback: Some("https://example.com".into()),
///     unique_name: Some("string".into()),
/// };
/// assert!(request.validate().is_ok());
/// assert_eq!(request.to_form(), "StatusCallback=https%3A%2F%2Fexample.com&UniqueName=string");
///
/// let bad = CreateModelBuild { status_callback: Some("ftp://example.com".into()), unique_name: None };
/// assert_eq!(bad.validate().unwrap_err().iter().next().unwrap().path().to_string(), "StatusCallback");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(transform = crate::schema::rules::<Self>)
)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
// In the schema each field is its value's type, not nullable: a query or form has no
// null, and `None` is a parameter left out, which `default` keeps out of `required`.
pub struct CreateModelBuild {
    /// The URL Twilio POSTs status updates to: an absolute `http` or `https` URI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(uri(schemes = ["https", "http"]))]
    #[cfg_attr(feature = "schemars", schemars(with = "String"))]
    #[cfg_attr(feature = "utoipa", schema(value_type = String))]
    pub status_callback: Option<String>,
    /// A unique name for the build, at most 64 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 64))]
    #[cfg_attr(feature = "schemars", schemars(with = "String"))]
    #[cfg_attr(feature = "utoipa", schema(value_type = String))]
    pub unique_name: Option<String>,
}

/// The body of `POST /v1/Assistants/{AssistantSid}/ModelBuilds/{Sid}`
/// (`UpdateModelBuildRequest`).
///
/// ```
/// use modelbuild::UpdateModelBuild;
///
/// let request = UpdateModelBuild::from_form(b"UniqueName=nightly").unwrap();
/// assert_eq!(request.to_form(), "UniqueName=nightly");
/// assert_eq!(UpdateModelBuild::default().to_form(), "");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(transform = crate::schema::rules::<Self>)
)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
// In the schema each field is its value's type, not nullable: a query or form has no
// null, and `None` is a parameter left out, which `default` keeps out of `required`.
pub struct UpdateModelBuild {
    /// A unique name for the build, at most 64 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 64))]
    #[cfg_attr(feature = "schemars", schemars(with = "String"))]
    #[cfg_attr(feature = "utoipa", schema(value_type = String))]
    pub unique_name: Option<String>,
}

macro_rules! form_codec {
    ($($ty:ty),*) => {$(
        impl $ty {
            /// The form body, unset fields left out.
            pub fn to_form(&self) -> String {
                // Only strings and skipped `None`s: serde_urlencoded cannot fail here.
                form::to_string(self).unwrap_or_default()
            }

            /// Decodes a form body strictly, stopping at the first problem (see
            /// [`form::decode`]; [`form::from_bytes`] reports every error at once); unknown keys
            /// are errors, so a misspelt parameter is never dropped silently.
            /// Validate the result for the rules.
            pub fn from_form(body: &[u8]) -> Result<Self, FormError> {
                form::decode(body)
            }
        }
    )*};
}

form_codec!(CreateModelBuild, UpdateModelBuild);
