//! `custom`: a function of yours, called with the field's value (or, on the type, the
//! whole value); its error is reported at the field's path.

use std::borrow::Cow;

use crate::__private::Site;
use crate::error::{FieldError, RuleError};
use crate::rules::input::CustomInput;
use crate::{PathNode, ValidationErrors};

/// The derive's entry: calls `function` on the value, reporting its error at `at`.
#[doc(hidden)]
pub fn check<M, A, T, F, E>(value: &T, function: F, at: &PathNode<'_>, errors: &mut ValidationErrors, site: Site)
where
    A: ?Sized,
    T: CustomInput<M, A> + ?Sized,
    F: FnOnce(&A) -> Result<(), E>,
    E: Into<RuleError>,
{
    let Some(argument) = value.custom_input() else {
        return;
    };
    if let Err(error) = function(argument) {
        let (code, message) = error.into().into_parts();
        let code = site.code.map_or(code, Cow::Borrowed);
        let message = site.message.map_or(message, Cow::Borrowed);
        errors.push(FieldError::new(at.to_path(), code, message));
    }
}
