//! [`ModelBuild`]: the resource as the API returns it.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::object_only::object_only;
use super::status::ModelBuildStatus;
use crate::Validate;

/// A model build (`autopilot.v1.assistant.model_build`): the response of create,
/// fetch and update, and each item of a list page.
///
/// Every field is nullable in the spec, so every field is an `Option`; an absent
/// field reads as `None` too, and fields this version does not know are ignored.
/// Deserializing checks types; [`validate`](Validate::validate) checks the rules
/// (SID prefixes, the URL, the unique name's length, a non-negative duration).
///
/// ```
/// use modelbuild::{ModelBuild, ModelBuildStatus, Validate};
///
/// let build: ModelBuild = serde_json::from_str(r#"{
///     "sid": "UG0123456789abcdef0123456789abcdef",
///     "status": "completed",
///     "date_created": "Thu, 30 Jul 2015 20:00:00 +0000",
///     "build_duration": 42
/// }"#).unwrap();
/// assert_eq!(build.status, Some(ModelBuildStatus::Completed));
/// assert!(build.validate().is_ok());
/// let json = serde_json::to_value(&build).unwrap();
/// assert_eq!(json["date_created"], "2015-07-30T20:00:00Z");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(transform = crate::schema::rules::<Self>)
)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[serde(remote = "Self")]
pub struct ModelBuild {
    /// The SID of the account that created the build (`AC` + 32 hex digits).
    #[serde(default)]
    #[validate(sid(prefix = "AC"))]
    pub account_sid: Option<String>,
    /// When the build was created.
    #[serde(default, with = "super::datetime::option")]
    #[cfg_attr(
        feature = "schemars",
        schemars(with = "Option<super::datetime::DateTimeSchema>")
    )]
    #[cfg_attr(feature = "utoipa", schema(value_type = Option<String>, format = DateTime))]
    pub date_created: Option<OffsetDateTime>,
    /// When the build was last updated.
    #[serde(default, with = "super::datetime::option")]
    #[cfg_attr(
        feature = "schemars",
        schemars(with = "Option<super::datetime::DateTimeSchema>")
    )]
    #[cfg_attr(feature = "utoipa", schema(value_type = Option<String>, format = DateTime))]
    pub date_updated: Option<OffsetDateTime>,
    /// The SID of the parent assistant (`UA` + 32 hex digits).
    #[serde(default)]
    #[validate(sid(prefix = "UA"))]
    pub assistant_sid: Option<String>,
    /// The build's own SID (`UG` + 32 hex digits).
    #[serde(default)]
    #[validate(sid(prefix = "UG"))]
    pub sid: Option<String>,
    /// Where the build is in its life.
    #[serde(default)]
    pub status: Option<ModelBuildStatus>,
    /// The application's name for the build, usable instead of the SID in URLs; at
    /// most 64 characters.
    #[serde(default)]
    #[validate(length(max = 64))]
    pub unique_name: Option<String>,
    /// The absolute URL of this resource.
    #[serde(default)]
    #[validate(uri)]
    pub url: Option<String>,
    /// How long the build took, in seconds.
    #[serde(default)]
    #[validate(range(min = 0))]
    pub build_duration: Option<i64>,
    /// Why the build failed, when `status` is `failed`.
    #[serde(default)]
    pub error_code: Option<i64>,
}

object_only!(ModelBuild);
