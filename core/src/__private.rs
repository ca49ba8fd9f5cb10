//! What the derive's generated code names. Not public API: names here may change in
//! any release. Each rule's runtime entry is `rules::<rule>::check` (in the rule's own
//! file); this module holds what they share: a call site's [`Site`] and `report`,
//! which builds the path and message only when a rule fails.

use std::borrow::Cow;
use std::sync::OnceLock;

pub use crate::error::{RuleError, ValidationErrors};
pub use crate::params::ParamValue;
pub use crate::path_node::{PathNode, Place};
pub use crate::rules;
pub use crate::validate::{Validate, ValidateWith};
// The generated code's `Some` and `None`, which a user's own items cannot shadow.
pub use core::option::Option::{None, Some};

/// What the derive's `JsonSchemaRules` impl names.
#[cfg(feature = "schemars")]
pub mod schema {
    pub use crate::schema::locate::{elements as each, item, keys, property, require, variant, Tagging};
    pub use crate::schema::{JsonSchemaRules, Schema};
}

pub use crate::__mb_context_free as context_free;

/// `ValidateWith<C>` for every `C`, calling `Validate`, for a type with no generics:
/// what the derive writes for a type with no context. A `macro_rules!`, so that the
/// derive emits a few tokens per type rather than a whole impl.
#[doc(hidden)]
#[macro_export]
macro_rules! __mb_context_free {
    ($ty:ident) => {
        #[automatically_derived]
        impl<__MbContext: ?::core::marker::Sized> $crate::__private::ValidateWith<__MbContext> for $ty {
            #[inline]
            fn validate_with_at(
                &self,
                _: &__MbContext,
                at: &$crate::__private::PathNode<'_>,
                errors: &mut $crate::__private::ValidationErrors,
            ) {
                $crate::__private::Validate::validate_at(self, at, errors)
            }
        }
    };
}

use crate::error::{FieldError, SharedParams};
use crate::params::Params;
use crate::rules::input::StrInput;

/// What one rule's call site knows at compile time: where the value it checks is,
/// relative to the node the call passes (see [`Place`]); the `code` and `message`
/// given on the rule; and, when its message and parameters depend only on the
/// attribute's literals, a cache that makes them on the first failure, so that later
/// failures report them without allocating or copying.
///
/// The derive writes one `static` table of these per type and passes each call a
/// reference into it: one pointer, so that the call costs the valid path nothing to
/// set up, and one `static` per type rather than one per rule, which the compiler
/// would have to evaluate one by one.
pub struct Site {
    pub place: Place,
    pub code: Option<&'static str>,
    pub message: Option<&'static str>,
    pub cache: Option<MessageCache>,
}

impl Site {
    /// A site with no `code` or `message` of its own, whose rule's message is made
    /// once into its cache: the usual case, in the fewest tokens.
    pub const fn cached(place: Place) -> Site {
        Site {
            place,
            code: None,
            message: None,
            cache: Some(MessageCache::new()),
        }
    }

    /// A site with no `code`, `message` or cache.
    pub const fn plain(place: Place) -> Site {
        Site {
            place,
            code: None,
            message: None,
            cache: None,
        }
    }

    /// The node of the checked value, from the node `at` the call was given.
    #[inline(always)]
    pub(crate) fn node<'a>(&self, at: &'a PathNode<'a>) -> PathNode<'a> {
        at.at_place(self.place)
    }
}

/// A call site's message and parameters, made on its first failure. `length` needs
/// two slots, since one generic field may be a string in one use and a collection in
/// another; every other rule uses slot 0.
pub struct MessageCache {
    slots: [OnceLock<Cached>; 2],
}

struct Cached {
    message: Cow<'static, str>,
    params: Params,
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
/// from the parameters), or the rule's own, with its parameters; from the site's cache
/// when it has one.
// Kept out of the rules' code, but not `#[cold]`: a cold function is built for size,
// which kept `to_path` from being inlined, and the path and error were then copied
// through the stack with stalls, a fifth of the error path (compare bench).
#[inline(never)]
pub(crate) fn report<P: FnOnce() -> Params, M: FnOnce() -> String>(
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
    slot: usize,
    failure: Failure<P, M>,
) {
    let code = site.code.unwrap_or(failure.code);
    let (message, params) = match &site.cache {
        Some(cache) => {
            let cached = cache.slots[slot].get_or_init(|| {
                let params = (failure.params)();
                let message = site_message(site, &params, || Cow::Owned((failure.message)()));
                Cached { message, params }
            });
            let message = match &cached.message {
                Cow::Borrowed(text) => Cow::Borrowed(*text),
                Cow::Owned(text) => Cow::Borrowed(text.as_str()),
            };
            (message, SharedParams::Static(&cached.params))
        }
        None => {
            let params = (failure.params)();
            let message = site_message(site, &params, || Cow::Owned((failure.message)()));
            (message, SharedParams::owned(params))
        }
    };
    errors.push(FieldError::with_shared(
        site.node(at).to_path(),
        Cow::Borrowed(code),
        message,
        params,
    ));
}

/// What a rule reports when it fails: its code, and how to make its parameters and
/// its default message, which only a failure pays for.
pub(crate) struct Failure<P, M> {
    pub code: &'static str,
    pub params: P,
    pub message: M,
}

/// The message a failed rule reports: the site's, filled in from `params` when it is
/// a template (where `{{` is a brace), or the rule's own. Every rule's message goes
/// through here, so a template reads the same on every rule.
pub(crate) fn site_message(
    site: &Site,
    params: &Params,
    message: impl FnOnce() -> Cow<'static, str>,
) -> Cow<'static, str> {
    match site.message {
        Some(text) if !text.contains(['{', '}']) => Cow::Borrowed(text),
        Some(template) => Cow::Owned(params.render(template)),
        None => message(),
    }
}

/// The entry of a rule on a string: reads the value through [`StrInput`] (an absent
/// value passes) and reports `failure` when `valid` says no.
#[inline]
pub(crate) fn check_text<M, T: StrInput<M> + ?Sized>(
    value: &T,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
    valid: impl FnOnce(&str) -> bool,
    failure: Failure<impl FnOnce() -> Params, impl FnOnce() -> String>,
) {
    if let Some(text) = value.str_input() {
        if !valid(text) {
            report(at, errors, site, 0, failure);
        }
    }
}
