//! `each(rule, ...)`: the rules inside, on every element of a collection.
//!
//! The field passes when every element passes every rule inside. The elements are those of
//! a `Vec`, `VecDeque`, slice, array or set (in order; paths `sids[1]`), or the values of
//! a `HashMap` or `BTreeMap` (or, with the feature `indexmap`, an `IndexMap`) whose keys
//! implement `Display` (paths `callbacks[failed]`, naming the key); the rule sees through
//! `Option` (a `None` has no elements), `Box`, `Rc`, `Arc` and references
//! ([`EachInput`]). A set's element is at its place in the set's order: sorted for a
//! `BTreeSet`, insertion order for an `IndexSet` (feature `indexmap`); a `HashSet` has no
//! order of its own, so its paths count the elements in the order of that one run, which
//! differs from run to run: they tell which element failed, not where a client sent it.
//! For the keys of a map, see [`keys`](super::keys).
//!
//! # Attribute
//!
//! | form | passes when |
//! |---|---|
//! | `each(sid(prefix = "UG"))` | every element passes the rule |
//! | `each(sid(prefix = "UG"), length(equal = 34))` | every element passes every rule, checked in order |
//! | `each(nested)` | every element's own rules pass |
//! | `each(each(range(max = 9)))` | the same, one level deeper |
//!
//! - Inside go any rules, each written and checked as on a field, with its own options
//!   (`each(email(message = "..."))`); `each` and `each()` are compile errors, and so is a
//!   mistake inside, reported at its token.
//! - `each` takes no `code` or `message` of its own: its errors are the inner rules'. `rename`
//!   (which names the field) and `must_match` (which compares fields) cannot go inside.
//! - The rule applies to a collection as above. On a field whose type is plainly no
//!   collection (a string, number, `bool`, `char`) it is a compile error at its name; any
//!   other such type fails to compile with "`T` has no elements for `each` to check".
//! - `each` twice on one field is a compile error: put every rule in one.
//!
//! # Error
//!
//! `each` reports no error of its own: each error is the inner rule's, with its code,
//! parameters and message, at the element's path (`sids[1]`, `callbacks[failed]`,
//! `grid[1][1]`).
//!
//! # Example
//!
//! ```
//! use std::collections::BTreeMap;
//! use modelbuild::Validate;
//! use serde_json::json;
//!
//! #[derive(Validate)]
//! struct Builds {
//!     #[validate(length(max = 3), each(sid(prefix = "UG")))]
//!     sids: Vec<String>,
//!     #[validate(each(uri(schemes = ["https"])))]
//!     callbacks: BTreeMap<String, String>,
//!     #[validate(each(each(range(max = 9))))]
//!     grid: Option<Vec<[u8; 2]>>,
//! }
//!
//! let builds = Builds {
//!     sids: vec!["UG0123456789abcdef0123456789abcdef".into(), "UG1".into()],
//!     callbacks: BTreeMap::from([("failed".into(), "http://example.com".into())]),
//!     grid: Some(vec![[1, 2], [3, 10]]),
//! };
//! let errors = builds.validate().unwrap_err();
//! let found: Vec<(String, &str, &str)> =
//!     errors.iter().map(|e| (e.path().to_string(), e.code(), e.message())).collect();
//! assert_eq!(found, [
//!     ("sids[1]".to_string(), "sid", r#"must be a SID: "UG" followed by 32 hexadecimal digits"#),
//!     ("callbacks[failed]".to_string(), "uri", "must be a URI with the scheme https, per RFC 3986's `URI` rule (a fragment is allowed)"),
//!     ("grid[1][1]".to_string(), "range", "must be at most 9"),
//! ]);
//! let params: Vec<_> = errors.iter().map(|e| serde_json::to_value(e.params()).unwrap()).collect();
//! assert_eq!(params, [json!({"prefix": "UG"}), json!({"schemes": ["https"]}), json!({"max": 9})]);
//! ```
//!
//! # JSON Schema
//!
//! With the `schemars` feature, the rules inside are written into the elements' schema:
//! `items`, or a map's `additionalProperties`.

use crate::rules::input::EachInput;
use crate::{PathNode, ValidationErrors};

/// The derive's entry: runs `check`, the rules written inside, on every element.
#[doc(hidden)]
pub fn check<M, T: EachInput<M> + ?Sized>(
    value: &T,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    mut check: impl FnMut(&T::Item, &PathNode<'_>, &mut ValidationErrors),
) {
    value.each_item(at, |item, item_at| check(item, item_at, errors));
}
