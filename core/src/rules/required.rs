//! `required`: an optional value that must be present.

use std::borrow::Cow;

use crate::__private::{site_message, Site};
use crate::params::Params;
use crate::error::FieldError;
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

/// The derive's entry: reports a failed `required` rule at `at`.
#[doc(hidden)]
pub fn check<T: RequiredInput + ?Sized>(value: &T, at: &PathNode<'_>, errors: &mut ValidationErrors, site: Site) {
    if !value.is_present() {
        // The default message is a constant and there are no parameters: nothing to
        // cache, and a site's template has only its `{{` and `}}` to read.
        let message = site_message(site, &Params::new(), || Cow::Borrowed(MESSAGE));
        errors.push(FieldError::new(at.to_path(), site.code.unwrap_or("required"), message));
    }
}
