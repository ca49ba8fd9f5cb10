//! What the derive's generated code names. Not public API: names here may change in
//! any release. Each rule's runtime entry is `rules::<rule>::check` (in the rule's own
//! file), which the derive calls as a method of the rule's call site, `Site::<rule>`
//! (or, for a rule that walks into the value, as `<rule>`); this module holds what
//! they share: a call site's [`Site`] and `report`, which builds the path and message
//! only when a rule fails.

use std::borrow::Cow;
use std::sync::OnceLock;

pub use crate::error::{RuleError, ValidationErrors};
pub use crate::params::ParamValue;
pub use crate::path_node::{PathNode, Place};
pub use crate::rules;
// The entries of the rules that walk into the value; every other rule's entry is a
// method of its `Site` (`rules::site_entry!`).
pub use crate::rules::{each::check as each, keys::check as keys, nested::check as nested};
pub use crate::rules::{length::LengthRule, Bounds, LengthUnit};
pub use crate::validate::{Validate, ValidateAsync, ValidateWith};
/// What the derive's code for async rules names.
pub mod async_rules {
    pub use crate::async_rules::{
        each, join, keys, nothing, run, Nest, NestAsync, Pending, WalkAsync, WalkSync, WalkSyncWith,
    };
}
// The generated code's `Some` and `None`, and the std names its async impls need,
// which a user's own items cannot shadow.
pub use core::future::{ready, Future};
pub use core::marker::{Send, Sized, Sync};
pub use core::option::Option::{self, None, Some};
pub use core::result::Result;

/// What the derive's `JsonSchemaRules` impl names.
#[cfg(feature = "schemars")]
pub mod schema {
    pub use crate::schema::locate::{elements as each, item, keys, property, require, variant, Tagging};
    pub use crate::schema::{JsonSchemaRules, Schema};
}

use crate::error::{FieldError, Path, Report, Segment, SharedParams};

/// What a type with async rules answers `validate()` with: a bound no type meets, so
/// that the call does not compile and says why.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has async rules: validate it with `validate_async()` (or `validate_async_with(&context)`)",
    label = "`validate()` would skip the async rules",
    note = "`Valid::new_async` and `Valid::new_async_with` give the proof of validation"
)]
pub trait UseValidateAsync {
    /// Never called: no type implements this trait.
    fn refused(&self) -> Result<(), ValidationErrors>;
}
use crate::params::Params;
use crate::rules::input::StrInput;

/// One rule's call site: where the value it checks is, relative to the node the call
/// passes, and a cache that makes the rule's report on the site's first failure, so
/// that later failures report it without allocating or copying.
///
/// The derive writes one `static` array of these per type, binds a reference to each
/// entry once at the top of the body and passes each call its own: one pointer, so
/// that the call costs the valid path nothing to set up. The usual sites (a named
/// field, no `code` or `message` on the rule, a message that cannot change) are made
/// by [`Site::fields`] from an array of their names: for the compiler, one constant
/// array of string literals and one call to evaluate per type. Any other site is made
/// by [`Site::new`] in an array of its own.
pub struct Site {
    /// What the site made on its first failure, by slot: `length` needs two, since
    /// one generic field may be a string in one use and a collection in another;
    /// every other rule uses slot 0. Placed first: it is what a failure reads first.
    made: [OnceLock<Made>; 2],
    /// The usual site's field, by its name on the wire.
    name: &'static str,
    /// What any other site says of itself.
    custom: Option<Custom>,
}

/// `[Site; N]` by name, for the derive's tables of up to 32 sites. Written
/// `[Site; 7]` in the user's crate, the length is a constant the compiler keeps as a
/// body of its own, with its own queries, once per type: a name costs it nothing of
/// the kind (about 3% of the derive's cost to an incremental `cargo check`, see
/// README).
macro_rules! site_arrays {
    ($($name:ident = $len:literal,)*) => {$(
        #[doc = concat!("`[Site; ", stringify!($len), "]`.")]
        pub type $name = [Site; $len];
    )*};
}

site_arrays! {
    Sites1 = 1, Sites2 = 2, Sites3 = 3, Sites4 = 4, Sites5 = 5, Sites6 = 6, Sites7 = 7,
    Sites8 = 8, Sites9 = 9, Sites10 = 10, Sites11 = 11, Sites12 = 12, Sites13 = 13,
    Sites14 = 14, Sites15 = 15, Sites16 = 16, Sites17 = 17, Sites18 = 18, Sites19 = 19,
    Sites20 = 20, Sites21 = 21, Sites22 = 22, Sites23 = 23, Sites24 = 24, Sites25 = 25,
    Sites26 = 26, Sites27 = 27, Sites28 = 28, Sites29 = 29, Sites30 = 30, Sites31 = 31,
    Sites32 = 32,
}

/// A cached site's first failure, kept: what its errors refer to.
struct Made {
    report: Report,
    /// The one segment the site's place adds, so that an error on a field of the
    /// validated value itself refers to it rather than making a path.
    segment: Option<Segment>,
}

/// What a site other than the usual one knows at compile time.
struct Custom {
    place: Place,
    code: Option<&'static str>,
    message: Option<&'static str>,
    /// Whether failures fill `made`: whether the message and parameters can only be
    /// the same from one failure to the next. A site that does not is never filled,
    /// so the usual failure need not test this too.
    cached: bool,
    /// [`Made::segment`], kept from the start: a site with no cache makes nothing, and
    /// its errors on a field of the validated value refer to this instead.
    segment: Option<Segment>,
}

impl Site {
    /// A usual site on a field not named yet.
    const fn unnamed() -> Site {
        Site {
            made: [OnceLock::new(), OnceLock::new()],
            name: "",
            custom: None,
        }
    }

    /// The usual sites, one on each field of `names`: no `code` or `message` of their
    /// own, each rule's report made once.
    pub const fn fields<const N: usize>(names: [&'static str; N]) -> [Site; N] {
        let mut sites = [const { Site::unnamed() }; N];
        let mut i = 0;
        while i < N {
            sites[i].name = names[i];
            i += 1;
        }
        sites
    }

    /// A site at `place` with its `code` and `message`, and a cache when `cached`.
    pub const fn new(
        place: Place,
        code: Option<&'static str>,
        message: Option<&'static str>,
        cached: bool,
    ) -> Site {
        let custom = Custom {
            place,
            code,
            message,
            cached,
            segment: segment_at(place),
        };
        Site {
            made: [OnceLock::new(), OnceLock::new()],
            name: "",
            custom: Some(custom),
        }
    }

    /// A site at `place` with no `code` or `message`, whose rule's report is made once.
    pub const fn cached(place: Place) -> Site {
        Site::new(place, None, None, true)
    }

    /// A site at `place` with no `code`, `message` or cache.
    pub const fn plain(place: Place) -> Site {
        Site::new(place, None, None, false)
    }

    /// Where the value is, relative to the node the call was given.
    fn place(&self) -> Place {
        match &self.custom {
            Some(custom) => custom.place,
            None => Place::Field(self.name),
        }
    }

    /// The `code` given on the rule.
    pub(crate) fn code(&self) -> Option<&'static str> {
        self.custom.as_ref().and_then(|custom| custom.code)
    }

    /// The `message` given on the rule.
    fn message(&self) -> Option<&'static str> {
        self.custom.as_ref().and_then(|custom| custom.message)
    }

    fn caches(&self) -> bool {
        self.custom.as_ref().is_none_or(|custom| custom.cached)
    }

    /// The segment the site keeps for its place, once it has one: a custom site's
    /// from the start, the usual site's from its first failure.
    fn kept_segment(&'static self) -> Option<&'static Segment> {
        match &self.custom {
            Some(custom) => custom.segment.as_ref(),
            None => (self.made.iter().find_map(OnceLock::get)).and_then(|made| made.segment.as_ref()),
        }
    }

    /// The path of the checked value relative to the node the call was given: what
    /// an async rule's error starts from (the levels above add theirs when it fails).
    pub(crate) fn relative_path(&'static self) -> Path {
        match self.kept_segment() {
            Some(segment) => Path::from_static(std::slice::from_ref(segment)),
            None => Path::from_segments(segment_at(self.place()).into_iter().collect()),
        }
    }

    /// The path of the checked value, from the node `at` the call was given; without
    /// making one when the value is a field of the validated value itself and the
    /// site keeps its segment.
    pub(crate) fn path(&'static self, at: &PathNode<'_>) -> Path {
        match (self.kept_segment(), at.is_root()) {
            (Some(segment), true) => Path::from_static(std::slice::from_ref(segment)),
            _ => at.at_place(self.place()).to_path(),
        }
    }
}

/// The segment `place` adds to the path of the value that holds it.
const fn segment_at(place: Place) -> Option<Segment> {
    match place {
        Place::Field(name) => Some(Segment::Field(Cow::Borrowed(name))),
        Place::Index(index) => Some(Segment::Index(index)),
        Place::Here => None,
    }
}

/// Reports a failed rule at `at`: the site's code and message (a template filled in
/// from the parameters), or the rule's own, with its parameters. A site with a cache
/// makes them on its first failure and every error it reports refers to them.
// The usual failure, a site that has failed before on a field of the validated value
// itself, is written in line: three loads (the site's report and segment, the node's
// parent) and a push of two pointers, nothing to build and, in the error, nothing to
// drop. All the rest (the first failure, a path made from the node chain, a site with
// no cache) is in functions of their own, so that what it needs of the stack stays
// out of a recursive frame.
// `failure` is a closure so that the `Failure` is built only where it is used: built
// by the caller, it was written to the stack before every report, and made the rule's
// frame larger on the usual path too.
#[inline(always)]
pub(crate) fn report<P, M, T>(
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
    slot: usize,
    failure: impl FnOnce() -> Failure<P, M>,
) where
    P: FnOnce() -> Params,
    M: FnOnce() -> T,
    T: Into<Cow<'static, str>>,
{
    if let Some(made) = site.made[slot].get() {
        if let (Some(segment), true) = (&made.segment, at.is_root()) {
            return errors.push_at_site(std::slice::from_ref(segment), &made.report);
        }
    }
    report_made(at, errors, site, slot, failure)
}

/// [`report`]'s other cases: a site with no cache, one failing for the first time or
/// one whose error needs a path made from the node chain.
#[inline(never)]
fn report_made<P, M, T>(
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
    slot: usize,
    failure: impl FnOnce() -> Failure<P, M>,
) where
    P: FnOnce() -> Params,
    M: FnOnce() -> T,
    T: Into<Cow<'static, str>>,
{
    match site.caches() {
        true => {
            let made = match site.made[slot].get() {
                Some(made) => made,
                None => first_report(&site.made[slot], site, failure()),
            };
            errors.push(FieldError::at_site(site.path(at), &made.report));
        }
        false => report_owned(at, errors, site, failure()),
    }
}

/// A cached site's report, made on its first failure.
#[cold]
#[inline(never)]
fn first_report<P, M, T>(
    slot: &'static OnceLock<Made>,
    site: &'static Site,
    failure: Failure<P, M>,
) -> &'static Made
where
    P: FnOnce() -> Params,
    M: FnOnce() -> T,
    T: Into<Cow<'static, str>>,
{
    slot.get_or_init(|| Made {
        report: make_report(site, failure),
        segment: segment_at(site.place()),
    })
}

/// The report of a site with no cache, made for this failure alone.
#[inline(never)]
fn report_owned<P, M, T>(
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
    failure: Failure<P, M>,
) where
    P: FnOnce() -> Params,
    M: FnOnce() -> T,
    T: Into<Cow<'static, str>>,
{
    let Report {
        code,
        message,
        params,
    } = make_report(site, failure);
    let params = SharedParams::owned(params);
    errors.push(FieldError::owned(
        site.path(at),
        Cow::Borrowed(code),
        message,
        params,
    ));
}

fn make_report<P, M, T>(site: &Site, failure: Failure<P, M>) -> Report
where
    P: FnOnce() -> Params,
    M: FnOnce() -> T,
    T: Into<Cow<'static, str>>,
{
    let params = (failure.params)();
    let message = site_message(site, &params, || (failure.message)().into());
    let code = site.code().unwrap_or(failure.code);
    Report {
        code,
        message,
        params,
    }
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
    match site.message() {
        Some(text) if !text.contains(['{', '}']) => Cow::Borrowed(text),
        Some(template) => Cow::Owned(params.render(template)),
        None => message(),
    }
}

/// The entry of a rule on a string: reads the value through [`StrInput`] (an absent
/// value passes) and reports `failure` when `valid` says no.
// Always inlined into the rule's entry, which the derive calls: left to LLVM, the three
// `sid` checks of ModelBuild each called it with the report's arguments (an invalid
// ModelBuild: 46.0 ns, 44.6 ns inlined).
#[inline(always)]
pub(crate) fn check_text<M, T, P, F, R>(
    value: &T,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
    valid: impl FnOnce(&str) -> bool,
    failure: impl FnOnce() -> Failure<P, F>,
) where
    T: StrInput<M> + ?Sized,
    P: FnOnce() -> Params,
    F: FnOnce() -> R,
    R: Into<Cow<'static, str>>,
{
    if let Some(text) = value.str_input() {
        if !valid(text) {
            report(at, errors, site, 0, failure);
        }
    }
}
