//! `required`: an optional value that must be present.

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
