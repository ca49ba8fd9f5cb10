//! `required`: an optional value that must be present.
//!
//! A value passes when it is `Some`. Every other rule lets a `None` pass, so `required` is
//! how a field refuses one; the field's other rules then check what is inside.
//!
//! # Attribute
//!
//! | form | passes when |
//! |---|---|
//! | `required` | the `Option` is `Some` |
//! | `required(code = "...", message = "...")` | the same, reported with its own code and message |
//!
//! - The rule takes no arguments of its own; `required = true` is a compile error.
//! - `code = "..."` replaces the error's code and `message = "..."` its message. The rule
//!   gives no parameters, so a `{name}` in the message is a compile error (`{{` and `}}`
//!   are braces).
//! - The rule applies to an `Option`, or a `Box`, `Rc`, `Arc` or reference of one
//!   ([`RequiredInput`]). On a field whose type is plainly no
//!   `Option` (`String`, `Box<String>`) it is a compile error at its name, "`required`
//!   needs an `Option`: this field is always present"; any other such type fails to
//!   compile with "`T` is always present, so `required` cannot apply".
//! - As for every rule, an unknown key (with a suggestion), a key given twice and
//!   `required` twice on one field are compile errors.
//! - schemars, when it reads the same attributes for its own derive, refuses
//!   `required(...)` with options: on a type that also derives `JsonSchema`, write
//!   `required` alone.
//!
//! # Error
//!
//! | code | params | default message |
//! |---|---|---|
//! | `"required"` | none | `is required` |
//!
//! # Example
//!
//! ```
//! use modelbuild::Validate;
//! use serde_json::json;
//!
//! #[derive(Validate)]
//! struct Build {
//!     #[validate(required, length(max = 64))]
//!     unique_name: Option<String>,
//!     #[validate(required(code = "missing", message = "give a callback"))]
//!     status_callback: Box<Option<String>>,
//! }
//!
//! let build = Build { unique_name: None, status_callback: Box::new(None) };
//! let errors = build.validate().unwrap_err();
//! let found: Vec<(String, &str, &str)> =
//!     errors.iter().map(|e| (e.path().to_string(), e.code(), e.message())).collect();
//! assert_eq!(found, [
//!     ("unique_name".to_string(), "required", "is required"),
//!     ("status_callback".to_string(), "missing", "give a callback"),
//! ]);
//! let params: Vec<_> = errors.iter().map(|e| serde_json::to_value(e.params()).unwrap()).collect();
//! assert_eq!(params, [json!({}), json!({})]);
//! ```
//!
//! # JSON Schema
//!
//! With the `schemars` feature, the field's schema is made not nullable (`null` leaves its
//! `type`, `anyOf`, `oneOf` and `enum`) and the field is listed in its object's `required`.
//!
//! The predicate is [`is_present`], and the default message [`MESSAGE`].

use crate::__private::{report, Failure, Site};
use crate::params::Params;
use crate::rules::input::RequiredInput;
use crate::{PathNode, ValidationErrors};

/// Whether the optional value is present.
///
/// ```
/// use modelbuild::rules::is_present;
///
/// assert!(is_present(&Some("UG")));
/// assert!(!is_present::<&str>(&None));
/// ```
pub fn is_present<T>(value: &Option<T>) -> bool {
    value.is_some()
}

/// The message of a failed `required` rule.
pub const MESSAGE: &str = "is required";

site_entry!(required [T: RequiredInput + ?Sized] (value: &T) => check);

/// The derive's entry: reports a failed `required` rule at `at`.
#[doc(hidden)]
pub fn check<T: RequiredInput + ?Sized>(value: &T, at: &PathNode<'_>, errors: &mut ValidationErrors, site: &'static Site) {
    if !value.is_present() {
        let failure = move || Failure { code: "required", params: Params::new, message: || MESSAGE };
        report(at, errors, site, 0, failure);
    }
}

/// Writes the rule into a JSON Schema (feature `schemars`): the value may not be
/// `null`. The derive also lists the field in its object's `required`.
#[cfg(feature = "schemars")]
pub fn json_schema(schema: &mut crate::schema::Schema) {
    use serde_json::Value;
    if let Some(Value::Array(types)) = schema.get_mut("type") {
        types.retain(|ty| ty != "null");
        if types.len() == 1 {
            let only = types.remove(0);
            schema.insert("type".into(), only);
        }
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(Value::Array(options)) = schema.get_mut(key) {
            options.retain(|option| option.get("type").is_none_or(|ty| ty != "null"));
        }
    }
    if let Some(Value::Array(values)) = schema.get_mut("enum") {
        values.retain(|value| !value.is_null());
    }
}
