//! The rules: one module per rule, each with a predicate you may call directly and the
//! message the derive reports when it fails.
//!
//! | attribute | predicate |
//! |---|---|
//! | `sid(prefix = "UG")` | [`is_sid`] |
//! | `length(min, max, equal, unit)` | [`has_length`], [`is_count_within`] |
//! | `uri`, `uri(schemes = [..])` | [`is_uri`], [`is_uri_with_scheme`] |
//! | `pattern = "regex"` (feature `pattern`, on by default) | `matches_pattern` |
//! | `range(min, max, exclusive_min, exclusive_max)` | [`is_in_range`] |
//! | `required` | [`is_present`] |
//! | `each(rule, ...)` | the rules inside, on every element ([`input::EachInput`]) |
//!
//! [`input`] says how a rule reaches a value through `Option`, `Box` and friends.

pub mod input;
pub mod length;
#[cfg(feature = "pattern")]
pub mod pattern;
pub mod range;
pub mod required;
pub mod sid;
pub mod uri;

pub use length::{has_length, is_count_within, LengthUnit};
#[cfg(feature = "pattern")]
pub use pattern::matches_pattern;
pub use range::{is_in_range, Bounds};
pub use required::is_present;
pub use sid::is_sid;
pub use uri::{is_uri, is_uri_with_scheme};
