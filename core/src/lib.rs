// README.md is the crate documentation, so docs.rs opens on the guide users read first,
// and each README example runs as a doc test. Its examples use the default features;
// without them a short summary stands in. The reference is in rustdoc: the derive's
// page, each rule's module and the `guide` pages.
#![cfg_attr(all(feature = "model-build", feature = "pattern"), doc = include_str!("../README.md"))]
#![cfg_attr(
    not(all(feature = "model-build", feature = "pattern")),
    doc = "A validation derive that reports every broken rule with its path. Build with the \
           default features for the full documentation, which README.md also holds; the \
           derive's page (`Validate`), the `rules` modules and the `guide` pages are \
           complete in any build."
)]
// On docs.rs (`--cfg docsrs`, nightly), every item behind a feature shows which one.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

// Lets this crate use its own derive: generated code names `::modelbuild`.
extern crate self as modelbuild;

#[cfg(feature = "actix")]
pub mod actix;
#[cfg(feature = "aide")]
pub mod aide;
mod async_rules;
#[cfg(feature = "axum")]
pub mod axum;
mod error;
#[cfg(any(feature = "model-build", feature = "json"))]
pub mod form;
pub mod guide;
#[cfg(feature = "json")]
pub mod json;
#[cfg(feature = "model-build")]
pub mod model_build;
mod params;
mod path_node;
#[cfg(any(feature = "model-build", feature = "json", feature = "signature"))]
mod percent;
#[cfg(any(feature = "axum", feature = "actix"))]
mod problem;
#[cfg(any(feature = "model-build", feature = "json"))]
mod recover;
pub mod rules;
#[cfg(feature = "schemars")]
pub mod schema;
#[cfg(feature = "signature")]
pub mod signature;
#[cfg(feature = "utoipa")]
pub mod utoipa;
mod valid;
#[cfg(any(feature = "axum", feature = "actix"))]
mod valid_with;
mod validate;

#[doc(hidden)]
#[allow(missing_docs)]
pub mod __private;

pub use error::{FieldError, Path, RuleError, RuleErrors, Segment, Translate, ValidationErrors};
#[cfg(feature = "model-build")]
pub use model_build::{
    CreateModelBuild, ListModelBuilds, ModelBuild, ModelBuildPage, ModelBuildStatus, PageMeta, TwilioError,
    UpdateModelBuild,
};
pub use params::{ParamValue, Params};
pub use path_node::PathNode;
pub use valid::Valid;
pub use validate::{Validate, ValidateAsync, ValidateWith};

/// The date crate the models use, re-exported so its types can be named.
#[cfg(feature = "model-build")]
pub use time;

#[doc = include_str!("guide/derive.md")]
pub use modelbuild_macros::Validate;
