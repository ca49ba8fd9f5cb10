//! JSON Schema from the same rules (feature `schemars`).
//!
//! A type that derives both [`schemars::JsonSchema`] and [`Validate`](crate::Validate)
//! gets a schema that states its rules, with one line on the type:
//!
//! ```
//! # #[cfg(feature = "pattern")] {
//! use modelbuild::Validate;
//! use schemars::JsonSchema;
//!
//! #[derive(JsonSchema, Validate)]
//! #[schemars(transform = modelbuild::schema::rules::<Self>)]
//! struct Build {
//!     #[validate(sid(prefix = "UG"))]
//!     sid: String,
//!     #[validate(length(min = 1, max = 64))]
//!     unique_name: Option<String>,
//! }
//!
//! let schema = schemars::schema_for!(Build);
//! let sid = &schema.as_value()["properties"]["sid"];
//! assert_eq!(sid["pattern"], "^UG[0-9a-fA-F]{32}$");
//! assert_eq!(sid["minLength"], 34);
//! let name = &schema.as_value()["properties"]["unique_name"];
//! assert_eq!(name["maxLength"], 64);
//! # }
//! ```
//!
//! schemars reads attributes named `validate` on its own, for `validator`'s sake, and
//! gets some of ours wrong: it takes `length(unit = "bytes")` for a count of characters,
//! drops `exclusive_min`/`exclusive_max`, and calls `ip` a format no standard defines.
//! The transform runs after schemars has built the schema and makes every keyword a rule
//! speaks for exact: each rule's `json_schema` function (such as
//! [`rules::sid::json_schema`](crate::rules::sid::json_schema)) writes its keywords,
//! keeping the tighter of its own bound and one the type already states (`u8`'s
//! `maximum: 255`).
//!
//! What each rule becomes:
//!
//! | rule | keywords |
//! |---|---|
//! | `sid(prefix = "UG")` | `pattern: ^UG[0-9a-fA-F]{32}$`, `minLength`/`maxLength` 34 |
//! | `length` on a string | `minLength`/`maxLength` (JSON Schema counts Unicode scalar values, as the rule does) |
//! | `length` on a collection | `minItems`/`maxItems`, or `minProperties`/`maxProperties` on a map |
//! | `length(unit = "bytes" \| "utf16")` | no standard keyword can say it: `x-length: {unit, min, max}` |
//! | `range` | `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum` |
//! | `required` | not nullable, and listed in `required` |
//! | `uri`, `url` | `format: uri`; with `schemes`, also a `pattern` on the scheme |
//! | `email` | `format: email`, and a `pattern` with the exact definition and its limits |
//! | `ipv4`, `ipv6` | `format: ipv4`, `format: ipv6` |
//! | `ip` | `anyOf: [{format: ipv4}, {format: ipv6}]` |
//! | `pattern`, `prefix`, `suffix`, `contains` | `pattern` (text escaped) |
//! | `does_not_contain` | `not: {type: string, pattern}` |
//! | `ascii`, `alphanumeric`, `non_control_character`, `phone` | `pattern` |
//! | `each(..)` | the rules inside, in `items` (or a map's `additionalProperties`) |
//! | `keys(..)` | the rules inside, in `propertyNames` |
//! | `nested` | nothing here: the inner type's schema states its own rules |
//!
//! `credit_card` (a check digit), `must_match`, `custom` and rules on the whole value
//! have no JSON Schema form and add nothing. A keyword only one can hold (`pattern`,
//! `format`) that two rules want goes into `allOf`.

mod keywords;
pub(crate) mod locate;
#[cfg(any(feature = "axum", feature = "actix"))]
mod problem;

pub use schemars::Schema;

pub(crate) use keywords::{
    add_format, add_pattern, add_subschema, ecma_escape, has_type, number, rust_escaped, scheme_pattern,
    set_bound, Bound,
};

/// The rules of a type, written into its schema; `#[derive(Validate)]` implements it
/// when the feature `schemars` is on.
pub trait JsonSchemaRules {
    /// Writes the rules of the type's fields into `schema`, the schema schemars made
    /// for the type.
    fn apply_rules(schema: &mut Schema);
}

/// The transform to name in `#[schemars(transform = modelbuild::schema::rules::<Self>)]`:
/// it writes `T`'s rules into the schema schemars made for `T`.
pub fn rules<T: JsonSchemaRules + ?Sized>(schema: &mut Schema) {
    T::apply_rules(schema);
}
