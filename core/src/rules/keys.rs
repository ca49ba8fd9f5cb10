//! `keys(rule, ...)`: the rules inside, on every key of a map; an error's path names
//! the key (`labels[much-too-long]`).
//!
//! The field passes when every key passes every rule inside. The map is a `HashMap` or
//! `BTreeMap` whose keys implement `Display` (the path shows the key so, quoted when it is
//! not made of letters, digits, `_` and `-` alone); the rule sees through `Option` (a
//! `None` has no keys), `Box`, `Rc`, `Arc` and references
//! ([`KeysInput`]). For the values, see [`each`](super::each).
//!
//! # Attribute
//!
//! | form | passes when |
//! |---|---|
//! | `keys(length(max = 8))` | every key passes the rule |
//! | `keys(length(max = 8), ascii)` | every key passes every rule, checked in order |
//!
//! - Inside go any rules, each written and checked as on a field, with its own options;
//!   `keys` and `keys()` are compile errors, and so is a mistake inside, reported at its
//!   token.
//! - `keys` takes no `code` or `message` of its own: its errors are the inner rules'.
//!   `rename` and `must_match` cannot go inside.
//! - The rule applies to a map as above. On a field whose type is plainly no collection (a
//!   string, number, `bool`, `char`) it is a compile error at its name; any other type
//!   that is no map fails to compile with "`T` has no keys for `keys` to check".
//! - `keys` twice on one field is a compile error: put every rule in one.
//!
//! # Error
//!
//! `keys` reports no error of its own: each error is the inner rule's, with its code,
//! parameters and message, at the key's path. An `each` error on the value at the same key
//! has the same path; the code tells them apart.
//!
//! # Example
//!
//! ```
//! use std::collections::{BTreeMap, HashMap};
//! use modelbuild::Validate;
//! use serde_json::json;
//!
//! #[derive(Validate)]
//! struct Labels {
//!     #[validate(keys(length(max = 8), ascii), each(length(min = 1)))]
//!     labels: BTreeMap<String, String>,
//!     #[validate(keys(prefix = "x-"))]
//!     headers: Option<HashMap<String, u32>>,
//! }
//!
//! let labels = Labels {
//!     labels: BTreeMap::from([
//!         ("env".into(), "prod".into()),
//!         ("much-too-long".into(), "v".into()),
//!         ("naïve".into(), "".into()),
//!     ]),
//!     headers: Some(HashMap::from([("trace".into(), 1)])),
//! };
//! let errors = labels.validate().unwrap_err();
//! let found: Vec<(String, &str, &str)> =
//!     errors.iter().map(|e| (e.path().to_string(), e.code(), e.message())).collect();
//! assert_eq!(found, [
//!     ("labels[much-too-long]".to_string(), "length", "must be at most 8 characters long"),
//!     ("labels[naïve]".to_string(), "ascii", "must contain only ASCII characters"),
//!     ("labels[naïve]".to_string(), "length", "must be at least 1 character long"),
//!     ("headers[trace]".to_string(), "prefix", r#"must start with "x-""#),
//! ]);
//! let params: Vec<_> = errors.iter().map(|e| serde_json::to_value(e.params()).unwrap()).collect();
//! assert_eq!(params, [
//!     json!({"max": 8, "unit": "chars"}),
//!     json!({}),
//!     json!({"min": 1, "unit": "chars"}),
//!     json!({"prefix": "x-"}),
//! ]);
//! ```
//!
//! # JSON Schema
//!
//! With the `schemars` feature, the rules inside are written into the map's
//! `propertyNames`.

use crate::rules::input::KeysInput;
use crate::{PathNode, ValidationErrors};

/// The derive's entry: runs `check`, the rules written inside, on every key.
#[doc(hidden)]
pub fn check<M, T: KeysInput<M> + ?Sized>(
    value: &T,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    mut check: impl FnMut(&T::Key, &PathNode<'_>, &mut ValidationErrors),
) {
    value.each_key(at, |key, key_at| check(key, key_at, errors));
}
