//! What the derive's generated code names. Not public API: names here may change in
//! any release. Each rule's runtime entry is `rules::<rule>::check` (in the rule's own
//! file); this module holds what they share: a call site's [`Site`] and `report`,
//! which builds the path and message only when a rule fails.

use std::borrow::Cow;
use std::sync::OnceLock;

pub use crate::error::{RuleError, ValidationErrors};
pub use crate::path_node::PathNode;
pub use crate::rules;
pub use crate::validate::{Validate, ValidateWith};

use crate::error::FieldError;
use crate::params::Params;
use crate::rules::input::StrInput;

/// What one rule's call site knows at compile time: the `code` and `message` given on
/// the rule, and, when the message (the default one, or the site's template filled in)
/// depends only on the attribute's literals, a cache that makes it once, so later failures report it without allocating.
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

/// Reports a failed rule at `at`: the site's code and message (a template filled in
/// from the parameters), or the rule's own (`message` is called only when the site has
/// no message and no cached one).
#[cold]
pub(crate) fn report<P: FnOnce() -> Params, M: FnOnce() -> String>(
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: Site,
    slot: usize,
    failure: Failure<P, M>,
) {
    let params = (failure.params)();
    let message = site_message(site, slot, &params, failure.message);
    let code = site.code.unwrap_or(failure.code);
    errors.push(FieldError::new(at.to_path(), code, message).with_params(params));
}

/// What a rule reports when it fails: its code, and how to make its parameters and
/// its default message, which only a failure pays for.
pub(crate) struct Failure<P, M> {
    pub code: &'static str,
    pub params: P,
    pub message: M,
}

/// The message a failed rule reports: see [`report`].
pub(crate) fn site_message(
    site: Site,
    slot: usize,
    params: &Params,
    message: impl FnOnce() -> String,
) -> Cow<'static, str> {
    match (site.message, site.cache) {
        (Some(text), _) if !text.contains(['{', '}']) => Cow::Borrowed(text),
        (Some(template), Some(cache)) => {
            Cow::Borrowed(cache.slots[slot].get_or_init(|| params.render(template)).as_str())
        }
        (Some(template), None) => Cow::Owned(params.render(template)),
        (None, Some(cache)) => Cow::Borrowed(cache.slots[slot].get_or_init(message).as_str()),
        (None, None) => Cow::Owned(message()),
    }
}

/// The entry of a rule on a string: reads the value through [`StrInput`] (an absent
/// value passes) and reports `failure` when `valid` says no.
#[inline]
pub(crate) fn check_text<M, T: StrInput<M> + ?Sized>(
    value: &T,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: Site,
    valid: impl FnOnce(&str) -> bool,
    failure: Failure<impl FnOnce() -> Params, impl FnOnce() -> String>,
) {
    if let Some(text) = value.str_input() {
        if !valid(text) {
            report(at, errors, site, 0, failure);
        }
    }
}
