//! The rules in the OpenAPI document utoipa derives (feature `utoipa`).
//!
//! utoipa reads only its own attributes (`#[schema(max_length = 64)]`), not
//! `#[validate(...)]`: a type that derives both `utoipa::ToSchema` and
//! [`Validate`](crate::Validate) is documented without its rules, unless each is
//! written twice. This module writes them into the document, from the same
//! [`JsonSchemaRules`] the derive implements for
//! schemars: [`schema`](crate::schema) has the table of what each rule becomes.
//! Name the types once, for the document, as a [`Modify`] or with one call:
//!
//! ```
//! use modelbuild::Validate;
//! use utoipa::{OpenApi, ToSchema};
//!
//! #[derive(ToSchema, Validate)]
//! struct Build {
//!     #[validate(sid(prefix = "UG"))]
//!     sid: String,
//!     #[validate(range(min = 1, exclusive_max = 1000))]
//!     page_size: u32,
//!     #[validate(nested)]
//!     steps: Vec<Step>,
//! }
//!
//! #[derive(ToSchema, Validate)]
//! struct Step {
//!     #[validate(length(max = 64))]
//!     name: String,
//! }
//!
//! const RULES: modelbuild::utoipa::Rules<(Build, Step)> = modelbuild::utoipa::Rules::new();
//!
//! #[derive(OpenApi)]
//! #[openapi(components(schemas(Build, Step)), modifiers(&RULES))]
//! struct ApiDoc;
//!
//! let document = serde_json::to_value(ApiDoc::openapi()).unwrap();
//! let build = &document["components"]["schemas"]["Build"]["properties"];
//! assert_eq!(build["sid"]["pattern"], "^UG[0-9a-fA-F]{32}$");
//! assert_eq!(build["page_size"]["exclusiveMaximum"], 1000);
//! let step = &document["components"]["schemas"]["Step"]["properties"];
//! assert_eq!(step["name"]["maxLength"], 64);
//!
//! // The same, on a document built otherwise:
//! let mut document = utoipa::openapi::OpenApi::default();
//! modelbuild::utoipa::write_rules::<(Build, Step)>(&mut document);
//! ```
//!
//! Each type's rules go into its schema among the document's components (where
//! `components(schemas(..))`, or a path's body, puts it under `T::name()`), so each
//! type that has rules is named, a `nested` one too: its schema is a component of its
//! own, which the field refers to. A schema that utoipa inlines where it is used
//! (`#[schema(inline)]`) is not a component, and gets no rules.
//!
//! With feature `axum` or `actix`, the extractors' answer to a broken rule,
//! [`Problem`][Problem], is a `ToSchema` type, to name as a `422`'s body,
//! and the ModelBuild types (feature `model-build`) derive `ToSchema` too.
//!
//! utoipa's model of a schema is OpenAPI's usual shapes, with no room for some
//! keywords beside others: where a rule needs that (a second `pattern`, `ip`'s
//! `anyOf`), the schema becomes an `allOf` that says the same, and
//! `does_not_contain`'s `not` becomes a negative lookahead in a `pattern`.
//!
// A link to an item another feature brings, which only docs.rs (every feature) has.
#![cfg_attr(feature = "axum", doc = "\n[Problem]: crate::axum::Problem")]
#![cfg_attr(
    all(feature = "actix", not(feature = "axum")),
    doc = "\n[Problem]: crate::actix::Problem"
)]
#![cfg_attr(
    not(any(feature = "axum", feature = "actix")),
    doc = "\n[Problem]: https://docs.rs/modelbuild/latest/modelbuild/axum/struct.Problem.html"
)]

mod lower;
#[cfg(any(feature = "axum", feature = "actix"))]
mod problem;

use std::marker::PhantomData;

use utoipa::openapi::{OpenApi, RefOr, Schema};
use utoipa::{Modify, ToSchema};

use crate::schema::JsonSchemaRules;

/// A type, or a tuple of types (up to twelve), whose rules [`write_rules`] writes
/// into a document: each `ToSchema + Validate` type with feature `utoipa`.
pub trait Schemas {
    /// Writes the rules of each type into its component schema in `openapi`.
    fn write_rules(openapi: &mut OpenApi);
}

impl<T: ToSchema + JsonSchemaRules> Schemas for T {
    fn write_rules(openapi: &mut OpenApi) {
        let name = T::name();
        let components = openapi.components.as_mut();
        let Some(RefOr::T(schema)) = components.and_then(|c| c.schemas.get_mut(name.as_ref())) else {
            return;
        };
        with_rules::<T>(schema, &name);
    }
}

macro_rules! tuples {
    ($($name:ident)+) => {
        impl<$($name: Schemas),+> Schemas for ($($name,)+) {
            fn write_rules(openapi: &mut OpenApi) {
                $($name::write_rules(openapi);)+
            }
        }
    };
}

tuples!(A);
tuples!(A B);
tuples!(A B C);
tuples!(A B C D);
tuples!(A B C D E);
tuples!(A B C D E F);
tuples!(A B C D E F G);
tuples!(A B C D E F G H);
tuples!(A B C D E F G H I);
tuples!(A B C D E F G H I J);
tuples!(A B C D E F G H I J K);
tuples!(A B C D E F G H I J K L);

/// Writes the rules of `T` (a type or a tuple of types) into their schemas among
/// `openapi`'s components.
pub fn write_rules<T: Schemas>(openapi: &mut OpenApi) {
    T::write_rules(openapi);
}

/// A [`Modify`] that writes the rules of `T` (a type or a tuple of types) into the
/// document utoipa derives: `#[openapi(modifiers(&RULES))]`, with `RULES` a `const` of
/// this type (utoipa's attribute takes a name).
pub struct Rules<T>(PhantomData<fn() -> T>);

impl<T> Rules<T> {
    /// The modifier.
    pub const fn new() -> Self {
        Rules(PhantomData)
    }
}

impl<T> Default for Rules<T> {
    fn default() -> Self {
        Rules::new()
    }
}

impl<T: Schemas> Modify for Rules<T> {
    fn modify(&self, openapi: &mut OpenApi) {
        T::write_rules(openapi);
    }
}

/// `schema` with `T`'s rules: as JSON, written by the rules' schema functions, then
/// reshaped for utoipa's model and read back.
fn with_rules<T: JsonSchemaRules>(schema: &mut Schema, name: &str) {
    let Ok(value) = serde_json::to_value(&*schema) else {
        return;
    };
    let Ok(mut json) = crate::schema::Schema::try_from(value) else {
        return;
    };
    T::apply_rules(&mut json);
    let mut value = json.to_value();
    lower::lower(&mut value);
    match serde_json::from_value::<Schema>(value.clone()) {
        Ok(read) => {
            // Every keyword a rule writes has a place in utoipa's model once reshaped;
            // a debug build says so if one did not, rather than drop a rule silently.
            debug_assert!(
                serde_json::to_value(&read).is_ok_and(|back| lower::same(&back, &value)),
                "utoipa's model lost part of the rules of `{name}`: {value}"
            );
            *schema = read;
        }
        Err(error) => debug_assert!(
            false,
            "utoipa cannot read the schema of `{name}` with its rules: {error}: {value}"
        ),
    }
}
