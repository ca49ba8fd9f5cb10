//! Listing builds: the query ([`ListModelBuilds`]) and the page ([`ModelBuildPage`]).

use serde::{Deserialize, Deserializer, Serialize};

use super::object_only::object_only;
use super::resource::ModelBuild;
use crate::form::{self, FormError};
use crate::Validate;

/// The query of `GET /v1/Assistants/{AssistantSid}/ModelBuilds`.
///
/// ```
/// use modelbuild::model_build::ListModelBuilds;
/// use modelbuild::Validate;
///
/// let query = ListModelBuilds { page_size: Some(50), ..Default::default() };
/// assert_eq!(query.to_query(), "PageSize=50");
/// let too_big = ListModelBuilds { page_size: Some(1001), ..Default::default() };
/// assert_eq!(too_big.validate().unwrap_err().to_string(), "PageSize: must be at least 1 and at most 1000");
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
pub struct ListModelBuilds {
    /// How many builds a page holds: 1 to 1000, 50 when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(range(min = 1, max = 1000))]
    #[cfg_attr(feature = "schemars", schemars(with = "i64"))]
    #[cfg_attr(feature = "utoipa", schema(value_type = i64))]
    pub page_size: Option<i64>,
    /// The page index, from 0; for the client's own bookkeeping.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[validate(range(min = 0))]
    #[cfg_attr(feature = "schemars", schemars(with = "i64"))]
    #[cfg_attr(feature = "utoipa", schema(value_type = i64))]
    pub page: Option<i64>,
    /// The token of the page to fetch, as the API gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schemars", schemars(with = "String"))]
    #[cfg_attr(feature = "utoipa", schema(value_type = String))]
    pub page_token: Option<String>,
}

impl ListModelBuilds {
    /// The query string, without `?`; unset parameters are left out.
    pub fn to_query(&self) -> String {
        // Numbers and strings only: serde_urlencoded cannot fail on them.
        form::to_string(self).unwrap_or_default()
    }

    /// Decodes a query string strictly, stopping at the first problem (see
    /// [`form::decode`]); [`form::from_bytes`] reports every error at once.
    pub fn from_query(query: &[u8]) -> Result<Self, FormError> {
        form::decode(query)
    }
}

/// One page of builds (`ListModelBuildResponse`): the builds and the page's `meta`.
///
/// Validation goes into every build, so a bad SID in the second one is reported at
/// `model_builds[1].sid`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(transform = crate::schema::rules::<Self>)
)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[serde(remote = "Self")]
pub struct ModelBuildPage {
    /// The builds on this page.
    #[serde(default)]
    #[validate(nested)]
    pub model_builds: Vec<ModelBuild>,
    /// Where this page is, and the links to its neighbours.
    #[serde(default)]
    #[validate(nested)]
    pub meta: PageMeta,
}

/// The `meta` of a list page.
///
/// The spec does not require these fields, so each is an `Option`, `None` when absent;
/// only `next_page_url` and `previous_page_url` are nullable, so an explicit `null`
/// anywhere else is an error.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(
    feature = "schemars",
    derive(schemars::JsonSchema),
    schemars(transform = crate::schema::rules::<Self>)
)]
#[cfg_attr(feature = "utoipa", derive(utoipa::ToSchema))]
#[serde(remote = "Self")]
pub struct PageMeta {
    /// The URL of the first page.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    #[cfg_attr(feature = "schemars", schemars(with = "String"))]
    #[cfg_attr(feature = "utoipa", schema(value_type = String))]
    #[validate(uri)]
    pub first_page_url: Option<String>,
    /// The key of the list in the page: `model_builds`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    #[cfg_attr(feature = "schemars", schemars(with = "String"))]
    #[cfg_attr(feature = "utoipa", schema(value_type = String))]
    pub key: Option<String>,
    /// The URL of the next page; `None` (null) on the last one.
    #[serde(default)]
    #[validate(uri)]
    pub next_page_url: Option<String>,
    /// This page's index, from 0. The response schema bounds neither this nor
    /// `page_size` (only the request's `Page` and `PageSize`), so neither is checked.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    #[cfg_attr(feature = "schemars", schemars(with = "i64"))]
    #[cfg_attr(feature = "utoipa", schema(value_type = i64))]
    pub page: Option<i64>,
    /// How many builds a page holds.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    #[cfg_attr(feature = "schemars", schemars(with = "i64"))]
    #[cfg_attr(feature = "utoipa", schema(value_type = i64))]
    pub page_size: Option<i64>,
    /// The URL of the previous page; `None` (null) on the first one.
    #[serde(default)]
    #[validate(uri)]
    pub previous_page_url: Option<String>,
    /// The URL of this page.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    #[cfg_attr(feature = "schemars", schemars(with = "String"))]
    #[cfg_attr(feature = "utoipa", schema(value_type = String))]
    #[validate(uri)]
    pub url: Option<String>,
}

/// For a field that may be absent but, when present, not null.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

object_only!(ModelBuildPage, PageMeta);
