//! Guides to the derive's options, one page each, with examples that run as tests.
//!
//! The [derive's page](crate::Validate) lists every attribute; each rule's own page,
//! under [`rules`](crate::rules), has its forms, parameters and messages. These pages
//! are about what the rules share:
//!
//! | page | what it covers |
//! |---|---|
//! | [`paths`] | where an error is: wire names from serde's attributes, `rename`, enums, keys, JSON Pointers |
//! | [`templates`] | `code = "..."` and `message = "..."` on a rule, and templates over its parameters |
//! | [`translate`] | messages in your users' language, made from each error's code and parameters |
//! | [`custom`] | your own rules, on a field or on the whole value, with arguments |
//! | [`context`] | what the rules need from the caller: `context = T` and `validate_with` |
//! | [`async_rules`] | rules that need an `await` (a database, a service): `custom(function = f, async)` and `validate_async` |
//! | [`skip`] | a field marked as deliberately unchecked |
//! | [`migrating`] | validator's and garde's spellings next to ours |
//!
//! [`Valid<T>`](crate::Valid), the proof that a value passed, has its page with the type.

#[doc = include_str!("paths.md")]
pub mod paths {}

#[doc = include_str!("templates.md")]
pub mod templates {}

#[doc = include_str!("translate.md")]
pub mod translate {}

#[doc = include_str!("custom.md")]
pub mod custom {}

#[doc = include_str!("context.md")]
pub mod context {}

#[doc = include_str!("async_rules.md")]
#[doc = ""]
// Links to items another feature brings, which only docs.rs (every feature) has.
#[cfg_attr(
    feature = "json",
    doc = "\n[from_slice_async]: crate::json::from_slice_async\n[from_bytes_async]: crate::form::from_bytes_async"
)]
#[cfg_attr(
    not(feature = "json"),
    doc = "\n[from_slice_async]: https://docs.rs/modelbuild/latest/modelbuild/json/fn.from_slice_async.html\n[from_bytes_async]: https://docs.rs/modelbuild/latest/modelbuild/form/fn.from_bytes_async.html"
)]
pub mod async_rules {}

#[doc = include_str!("skip.md")]
pub mod skip {}

#[doc = include_str!("migrating.md")]
pub mod migrating {}
