//! [`ModelBuildStatus`]: where a build is in its life.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The status of a model build (`model_build_enum_status` in the spec).
///
/// A value the spec does not list is kept as [`Unknown`](Self::Unknown) and written
/// back unchanged, so a new status from the API neither fails parsing nor is lost.
///
/// ```
/// use modelbuild::ModelBuildStatus;
///
/// assert_eq!("completed".parse::<ModelBuildStatus>().unwrap(), ModelBuildStatus::Completed);
/// let future: ModelBuildStatus = "paused".parse().unwrap();
/// assert_eq!(future, ModelBuildStatus::Unknown("paused".into()));
/// assert_eq!(future.as_str(), "paused");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ModelBuildStatus {
    /// `enqueued`: waiting to be built.
    Enqueued,
    /// `building`: being built.
    Building,
    /// `completed`: built; the assistant uses it.
    Completed,
    /// `failed`: the build failed; `error_code` says why.
    Failed,
    /// `canceled`: the build was canceled.
    Canceled,
    /// A status this version does not know, as the API sent it.
    Unknown(String),
}

impl ModelBuildStatus {
    /// Every status the spec lists, in its order.
    pub const KNOWN: [ModelBuildStatus; 5] = [
        ModelBuildStatus::Enqueued,
        ModelBuildStatus::Building,
        ModelBuildStatus::Completed,
        ModelBuildStatus::Failed,
        ModelBuildStatus::Canceled,
    ];

    /// The wire value.
    pub fn as_str(&self) -> &str {
        match self {
            ModelBuildStatus::Enqueued => "enqueued",
            ModelBuildStatus::Building => "building",
            ModelBuildStatus::Completed => "completed",
            ModelBuildStatus::Failed => "failed",
            ModelBuildStatus::Canceled => "canceled",
            ModelBuildStatus::Unknown(other) => other,
        }
    }

    /// Whether the build has stopped: completed, failed or canceled.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            ModelBuildStatus::Completed | ModelBuildStatus::Failed | ModelBuildStatus::Canceled
        )
    }
}

impl FromStr for ModelBuildStatus {
    type Err = std::convert::Infallible;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let known = ModelBuildStatus::KNOWN
            .into_iter()
            .find(|status| status.as_str() == text);
        Ok(known.unwrap_or_else(|| ModelBuildStatus::Unknown(text.to_owned())))
    }
}

impl fmt::Display for ModelBuildStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ModelBuildStatus {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ModelBuildStatus {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        let Ok(status) = text.parse();
        Ok(status)
    }
}

/// The five statuses the spec lists, as a string `enum`. [`Unknown`](ModelBuildStatus::Unknown)
/// is how this crate reads a status a later API might add; the schema states the API's
/// definition, which has none.
#[cfg(feature = "schemars")]
impl schemars::JsonSchema for ModelBuildStatus {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ModelBuildStatus".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let known: Vec<&str> = ModelBuildStatus::KNOWN
            .iter()
            .map(ModelBuildStatus::as_str)
            .collect();
        schemars::json_schema!({"type": "string", "enum": known})
    }
}

/// utoipa's schema of a status: the same string `enum` as for schemars, a component of
/// its own, since utoipa refers to every `ToSchema` type by name.
#[cfg(feature = "utoipa")]
impl utoipa::PartialSchema for ModelBuildStatus {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        let known = ModelBuildStatus::KNOWN.iter().map(ModelBuildStatus::as_str);
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(known))
            .into()
    }
}

#[cfg(feature = "utoipa")]
impl utoipa::ToSchema for ModelBuildStatus {}
