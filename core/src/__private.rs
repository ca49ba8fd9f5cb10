//! What the derive's generated code calls. Not public API: names here may change in
//! any release. Each function checks one rule on one field and reports a failure with
//! the field's path, building that path and message only when the rule fails.

use std::borrow::Cow;
use std::sync::OnceLock;

pub use crate::error::{RuleError, ValidationErrors};
pub use crate::path_node::PathNode;
pub use crate::rules::input::{CustomInput, EachInput, LengthInput, NumberInput, RequiredInput, StrInput};
pub use crate::rules::{Bounds, LengthUnit};
pub use crate::validate::Validate;

use crate::error::FieldError;
use crate::rules::input::Measured;
#[cfg(feature = "pattern")]
use crate::rules::pattern;
use crate::rules::{length, range, required, sid, uri};

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

#[cold]
fn report(
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

pub fn sid<M, T: StrInput<M> + ?Sized>(
    value: &T,
    prefix: &'static str,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: Site,
) {
    if let Some(text) = value.str_input() {
        if !sid::is_sid(text, prefix) {
            report(at, errors, site, "sid", 0, || sid::message(prefix));
        }
    }
}

pub fn uri<M, T: StrInput<M> + ?Sized>(
    value: &T,
    schemes: &'static [&'static str],
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: Site,
) {
    if let Some(text) = value.str_input() {
        let valid = if schemes.is_empty() {
            uri::is_uri(text)
        } else {
            uri::is_uri_with_scheme(text, schemes)
        };
        if !valid {
            report(at, errors, site, "uri", 0, || uri::message(schemes));
        }
    }
}

#[cfg(feature = "pattern")]
/// A regex compiled the first time its call site runs, then shared.
pub struct LazyRegex {
    pattern: &'static str,
    compiled: OnceLock<Result<regex::Regex, regex::Error>>,
}

#[cfg(feature = "pattern")]
impl LazyRegex {
    pub const fn new(pattern: &'static str) -> Self {
        LazyRegex {
            pattern,
            compiled: OnceLock::new(),
        }
    }

    fn get(&self) -> &Result<regex::Regex, regex::Error> {
        self.compiled.get_or_init(|| regex::Regex::new(self.pattern))
    }
}

#[cfg(feature = "pattern")]
pub fn pattern<M, T: StrInput<M> + ?Sized>(
    value: &T,
    regex: &'static LazyRegex,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: Site,
) {
    let Some(text) = value.str_input() else {
        return;
    };
    match regex.get() {
        Ok(compiled) if pattern::matches_pattern(text, compiled) => {}
        Ok(_) => report(at, errors, site, "pattern", 0, || pattern::message(regex.pattern)),
        // The syntax was checked at compile time; only the regex crate's size limit
        // can still refuse it. Say so rather than panic or let the value pass.
        Err(error) => report(at, errors, Site::PLAIN, "pattern", 0, || {
            format!(
                "could not be checked: the pattern {} does not compile: {error}",
                regex.pattern
            )
        }),
    }
}

/// The bounds of a `length` rule; `unit` is `None` when the attribute gave none, which
/// lets the rule apply to collections too.
#[derive(Clone, Copy)]
pub struct LengthRule {
    pub min: Option<usize>,
    pub max: Option<usize>,
    pub unit: Option<LengthUnit>,
}

pub fn length<M, T: LengthInput<M> + ?Sized>(
    value: &T,
    rule: LengthRule,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: Site,
) {
    let (valid, noun, slot) = match value.measured() {
        None => return,
        Some(Measured::Text(text)) => {
            let unit = rule.unit.unwrap_or(LengthUnit::Chars);
            (length::has_length(text, unit, rule.min, rule.max), unit.noun(), 0)
        }
        Some(Measured::Items(count)) => (length::is_count_within(count, rule.min, rule.max), "items", 1),
    };
    if !valid {
        report(at, errors, site, "length", slot, || {
            length::message(noun, rule.min, rule.max)
        });
    }
}

/// Makes `length(unit = ...)` a compile error on a collection, where a unit means nothing.
pub fn assert_text<M, T: StrInput<M> + ?Sized>(_value: &T) {}

pub fn range<M, T: NumberInput<M> + ?Sized>(
    value: &T,
    bounds: Bounds<T::Number>,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: Site,
) {
    if let Some(number) = value.number() {
        if !range::is_in_range(number, &bounds) {
            report(at, errors, site, "range", 0, || range::message(&bounds));
        }
    }
}

pub fn required<T: RequiredInput + ?Sized>(
    value: &T,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: Site,
) {
    if !value.is_present() {
        // The default message is a constant: nothing to cache.
        let message = site.message.unwrap_or(required::MESSAGE);
        errors.push(FieldError::new(
            at.to_path(),
            site.code.unwrap_or("required"),
            message,
        ));
    }
}

pub fn custom<M, A, T, F, E>(
    value: &T,
    function: F,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: Site,
) where
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

pub fn nested<T: Validate + ?Sized>(value: &T, at: &PathNode<'_>, errors: &mut ValidationErrors) {
    value.validate_at(at, errors);
}

/// `each(...)`: runs `check`, the rules written inside, on every element.
pub fn each<M, T: EachInput<M> + ?Sized>(
    value: &T,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    mut check: impl FnMut(&T::Item, &PathNode<'_>, &mut ValidationErrors),
) {
    value.each_item(at, |item, item_at| check(item, item_at, errors));
}
