//! Twilio's Autopilot v1 ModelBuild resource, typed and validated, as the official
//! OpenAPI definition describes it.
//!
//! | operation | path | types |
//! |---|---|---|
//! | create | `POST /v1/Assistants/{AssistantSid}/ModelBuilds` | [`CreateModelBuild`] → [`ModelBuild`] |
//! | fetch | `GET /v1/Assistants/{AssistantSid}/ModelBuilds/{Sid}` | → [`ModelBuild`] |
//! | list | `GET /v1/Assistants/{AssistantSid}/ModelBuilds` | [`ListModelBuilds`] → [`ModelBuildPage`] |
//! | update | `POST /v1/Assistants/{AssistantSid}/ModelBuilds/{Sid}` | [`UpdateModelBuild`] → [`ModelBuild`] |
//! | delete | `DELETE /v1/Assistants/{AssistantSid}/ModelBuilds/{Sid}` | → 204 |
//!
//! [`paths`] builds each operation's path; [`TwilioError`] is the error body.

pub mod datetime;
mod error_body;
mod list;
mod object_only;
pub mod paths;
mod request;
mod resource;
mod status;

pub use error_body::TwilioError;
pub use list::{ListModelBuilds, ModelBuildPage, PageMeta};
pub use request::{CreateModelBuild, UpdateModelBuild};
pub use resource::ModelBuild;
pub use status::ModelBuildStatus;
