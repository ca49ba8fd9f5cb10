//! What the derive's generated code names. Not public API: names here may change in
//! any release. Each rule's runtime entry is `rules::<rule>::check` (in the rule's own
//! file); this module holds what they share: a call site's [`Site`] and `report`,
//! which builds the path and message only when a rule fails.

use std::borrow::Cow;
use std::sync::OnceLock;

pub use crate::error::{RuleError, ValidationErrors};
pub use crate::path_node::PathNode;
pub use crate::rules;
pub use crate::validate::Validate;

use crate::error::FieldError;
use crate::rules::input::StrInput;

/// What one rule's call site knows at compile time: the `code` and `message` given on
/// the rule, and, when the default message depends only on the attribute's literals,
/// a cache that makes it once, so later failures report it without allocating.
#[derive(Clone, Copy)]
pub struct Site {
    pub code: Option<&'static str>,
    pub message: Option<&'static str>,
    pub cache: Option<&'static MessageCache>,
}

impl Site {
    pub const PLAIN: Site = Site {
        code: None,
        message: None,
        cache: None,
    };
}

/// A call site's default message, made on its first failure. `length` needs two
/// slots, since one generic field may be a string in one use and a collection in
/// another; every other rule uses slot 0.
pub struct MessageCache {
    slots: [OnceLock<String>; 2],
}

impl MessageCache {
    #[allow(clippy::new_without_default)] // only ever built in a `static`
    pub const fn new() -> Self {
        MessageCache {
            slots: [OnceLock::new(), OnceLock::new()],
        }
    }
}

/// Reports a failed rule at `at`: the site's code and message, or the rule's own
/// (`message` is called only when the site has no message and no cached one).
#[cold]
pub(crate) fn report(
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: Site,
    code: &'static str,
    slot: usize,
    message: impl FnOnce() -> String,
) {
    let message = match (site.message, site.cache) {
        (Some(message), _) => Cow::Borrowed(message),
        (None, Some(cache)) => Cow::Borrowed(cache.slots[slot].get_or_init(message).as_str()),
        (None, None) => Cow::Owned(message()),
    };
    errors.push(FieldError::new(at.to_path(), site.code.unwrap_or(code), message));
}

/// The entry of a rule on a string: reads the value through [`StrInput`] (an absent
/// value passes) and reports `code` when `valid` says no.
#[inline]
pub(crate) fn check_text<M, T: StrInput<M> + ?Sized>(
    value: &T,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: Site,
    code: &'static str,
    valid: impl FnOnce(&str) -> bool,
    message: impl FnOnce() -> String,
) {
    if let Some(text) = value.str_input() {
        if !valid(text) {
            report(at, errors, site, code, 0, message);
        }
    }
}
