//! `must_match(other_field)`: the field equals another field of the same value (a
//! password and its confirmation), reported at this field's path.
//!
//! The field passes when `field == other` by `PartialEq`. The two are compared as they
//! are: two `Option`s compare as `Option`s, so two `None`s match and a `None` and a `Some`
//! do not (the rule does not let a `None` pass as other rules do).
//!
//! # Attribute
//!
//! | form | passes when |
//! |---|---|
//! | `must_match(password)` | the field equals the field `password` |
//! | `must_match(other = password)` | the same |
//! | `must_match(other = password, code = "...", message = "...")` | the same, reported with its own code and message |
//!
//! - The other field (required): its name in Rust, an identifier, naming another field of
//!   the same struct or of the same enum variant. `must_match` with none, a name that is no
//!   field of the value (with a suggestion), and the field's own name are compile errors.
//! - `must_match` compares two fields of one value, so it cannot go inside `each` or
//!   `keys`: that is a compile error.
//! - The field's type must implement `PartialEq` with the other's; if not, the compiler
//!   reports "can't compare `A` with `B`" at the rule.
//! - `code = "..."` replaces the error's code. `message = "..."` replaces its message; it is
//!   a template over the parameter below (`"must repeat {other}"`; `{{` and `}}` are
//!   braces), checked while compiling: a name the rule does not give is a compile error.
//!   [`Params::render`](crate::Params::render) fills it in.
//! - As for every rule, an unknown key and a key given twice are compile errors, and so is
//!   `must_match` twice on one field.
//!
//! # Error
//!
//! | code | params | default message |
//! |---|---|---|
//! | `"must_match"` | `other`: text, the other field's name in error paths (its `rename` or serde name) | `must match password` |
//!
//! # Example
//!
//! ```
//! use modelbuild::Validate;
//! use serde_json::json;
//!
//! #[derive(Validate)]
//! struct Signup {
//!     password: String,
//!     #[validate(must_match(password))]
//!     password_confirm: String,
//!     #[validate(rename = "Email")]
//!     email: Option<String>,
//!     #[validate(must_match(other = email, code = "email_mismatch", message = "must repeat {other}"))]
//!     email_again: Option<String>,
//! }
//!
//! let signup = Signup {
//!     password: "correct horse".into(),
//!     password_confirm: "correct hose".into(),
//!     email: Some("ada@example.com".into()),
//!     email_again: None,
//! };
//! let errors = signup.validate().unwrap_err();
//! let found: Vec<(String, &str, &str)> =
//!     errors.iter().map(|e| (e.path().to_string(), e.code(), e.message())).collect();
//! assert_eq!(found, [
//!     ("password_confirm".to_string(), "must_match", "must match password"),
//!     ("email_again".to_string(), "email_mismatch", "must repeat Email"),
//! ]);
//! let params: Vec<_> = errors.iter().map(|e| serde_json::to_value(e.params()).unwrap()).collect();
//! assert_eq!(params, [json!({"other": "password"}), json!({"other": "Email"})]);
//!
//! // Two `None`s match.
//! let valid = Signup {
//!     password: "a".into(),
//!     password_confirm: "a".into(),
//!     email: None,
//!     email_again: None,
//! };
//! assert!(valid.validate().is_ok());
//! ```
//!
//! # JSON Schema
//!
//! With the `schemars` feature, the rule writes nothing: JSON Schema cannot compare two
//! fields.
//!
//! The default message is [`message`].

use crate::params::Params;
use crate::__private::{report, Site, Failure};
use crate::{PathNode, ValidationErrors};

/// The message of a failed `must_match` rule; `other` is the other field's path name.
pub fn message(other: &str) -> String {
    format!("must match {other}")
}

site_entry!(must_match [A: PartialEq<B> + ?Sized, B: ?Sized] (value: &A, other: &B, other_name: &'static str) => check);

/// The derive's entry: reports at `at` when `value` differs from `other`.
#[doc(hidden)]
pub fn check<A: PartialEq<B> + ?Sized, B: ?Sized>(
    value: &A,
    other: &B,
    other_name: &'static str,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
) {
    if value != other {
        let failure = move || Failure { code: "must_match", params: move || Params::new().with("other", other_name), message: move || message(other_name) };
        report(at, errors, site, 0, failure);
    }
}
