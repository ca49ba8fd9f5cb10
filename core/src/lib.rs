//! # modelbuild
//!
//! A validation derive that reports every broken rule with its path, and costs no
//! allocation when the data is valid; plus typed, validated models of Twilio's
//! Autopilot v1 ModelBuild REST resource built with it.
//!
//! ```
//! use modelbuild::Validate;
//!
//! #[derive(Validate)]
//! struct Build {
//!     #[validate(sid(prefix = "UG"))]
//!     sid: Option<String>,
//!     #[validate(length(max = 64))]
//!     unique_name: Option<String>,
//!     #[validate(uri(schemes = ["https"]))]
//!     url: Option<String>,
//!     #[validate(nested)]
//!     steps: Vec<Step>,
//! }
//!
//! #[derive(Validate)]
//! struct Step {
//!     #[validate(range(min = 0))]
//!     seconds: i64,
//! }
//!
//! let build = Build {
//!     sid: Some("UG-not-a-sid".into()),
//!     unique_name: None,
//!     url: Some("http://example.com".into()),
//!     steps: vec![Step { seconds: 3 }, Step { seconds: -1 }],
//! };
//! let errors = build.validate().unwrap_err();
//! let found: Vec<(String, &str)> =
//!     errors.iter().map(|e| (e.path().to_string(), e.code())).collect();
//! assert_eq!(found, [
//!     ("sid".to_string(), "sid"),
//!     ("url".to_string(), "uri"),
//!     ("steps[1].seconds".to_string(), "range"),
//! ]);
//! ```
//!
//! The rules and their attributes are listed in [`rules`]; README.md has the full table.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

// Lets this crate use its own derive: generated code names `::modelbuild`.
extern crate self as modelbuild;

mod error;
#[cfg(feature = "model-build")]
pub mod form;
#[cfg(feature = "model-build")]
pub mod model_build;
mod path_node;
pub mod rules;
mod valid;
mod validate;

#[doc(hidden)]
#[allow(missing_docs)]
pub mod __private;

pub use error::{FieldError, Path, RuleError, Segment, ValidationErrors};
#[cfg(feature = "model-build")]
pub use model_build::{
    CreateModelBuild, ModelBuild, ModelBuildPage, ModelBuildStatus, PageMeta, UpdateModelBuild,
};
pub use path_node::PathNode;
pub use valid::Valid;
pub use validate::Validate;

// README.md's Rust examples run as doc tests, so the README cannot go stale.
#[cfg(all(doctest, feature = "model-build"))]
#[doc = include_str!("../../README.md")]
struct ReadmeExamples;

/// The date crate the models use, re-exported so its types can be named.
#[cfg(feature = "model-build")]
pub use time;

/// Derives [`Validate`](trait@Validate) from `#[validate(...)]` attributes on fields.
///
/// See the crate documentation and README.md for the rules.
pub use modelbuild_macros::Validate;
