//! The calls of a value's rules: each rule's call site in the type's table
//! ([`Sites`]), and the statement that checks it ([`rule_call`]).

use std::cell::RefCell;

use proc_macro2::Span;
use syn::LitStr;

use super::call::{Call, Checked, Sibling};
use super::walk::Walk;
use super::{Place, Rule};
use crate::out::{quoted, Out};

/// The call sites of a type's rules, in the order of their calls.
pub type Sites = RefCell<Vec<SiteEntry>>;

/// One rule's call site: the usual one, on a field by its wire name, with no `code`
/// or `message` and a report made once; or any other, as the expression of its
/// `::modelbuild::__private::Site`.
pub enum SiteEntry {
    Field(String),
    Custom(String),
}

/// The statements that check `rules` on one value (a field, an element inside
/// `each`). In a walk, its async rules come after its sync ones, each made only when
/// those passed: no lookup for a value already known to be wrong.
pub fn value_checks(rules: &[Rule], value: Checked, base: &str, place: &Place, scope: &Scope, out: &mut Out) {
    let asynchronous = |rule: &&Rule| scope.walk.is_some() && rule.kind.is_async();
    if let (Some(walk), true) = (scope.walk, rules.iter().any(|rule| asynchronous(&rule))) {
        let errors_before = walk.name("n");
        out.text(&format!("let {errors_before} = __mb_errors.len();"));
        walk.set_passed(format!("__mb_errors.len() == {errors_before}"));
    }
    for rule in rules.iter().filter(|rule| !asynchronous(rule)) {
        rule_call(rule, value, base, place, scope, out);
    }
    for rule in rules.iter().filter(asynchronous) {
        rule_call(rule, value, base, place, scope, out);
    }
}

/// What generated code around a rule has: the value's other fields, the type of the
/// context `__mb_ctx` when one is in scope, whether the rule is on the whole value
/// (and so has its field table), and the type's table of call sites, which each rule's
/// call adds to.
pub struct Scope<'a> {
    pub siblings: &'a [Sibling],
    pub context: Option<&'a syn::Type>,
    pub whole: bool,
    pub sites: &'a Sites,
    /// In a type with async rules, its walk.
    pub walk: Option<&'a Walk>,
}

/// The statement that checks `rule` on `value`, found at `place` under the path node
/// `base`.
pub fn rule_call(rule: &Rule, value: Checked, base: &str, place: &Place, scope: &Scope, out: &mut Out) {
    // Located at the rule, so that a type error points there, but resolved at the call
    // site: the rule's own span may come from a `macro_rules!` expansion, whose hygiene
    // would hide the derive's local variables (`__mb_errors`, the field bindings).
    let span = Span::call_site().located_at(rule.name.span());
    // A rule that reports its own errors gets the base node and its site, which says
    // where the value is: its node is made only when it fails. The others (`nested`,
    // `each`, `keys`) walk into the value, so they get its node.
    let site = rule.kind.reports().then(|| {
        let mut sites = scope.sites.borrow_mut();
        sites.push(site(rule, place));
        sites.len() - 1
    });
    rule.kind.emit(
        &Call {
            span,
            value,
            base,
            place,
            site,
            siblings: scope.siblings,
            context: scope.context,
            whole: scope.whole,
            sites: scope.sites,
            walk: scope.walk,
        },
        out,
    );
}

/// The call site of one rule: where its value is, its `code` and `message` overrides,
/// and a cache for its report when its message and parameters depend on nothing but
/// literals. The usual site is just its field's name; any other is written with the
/// fewest tokens that say it.
fn site(rule: &Rule, place: &Place) -> SiteEntry {
    // Every error of a cached site refers to what the site made on its first failure,
    // so a site caches whenever its message cannot differ from one failure to the next.
    let cached = rule.kind.message_is_constant();
    if let (None, None, true, Place::Field(name)) = (&rule.code, &rule.message, cached, place) {
        return SiteEntry::Field(name.clone());
    }
    let place = place_expr(place);
    let option = |lit: &Option<LitStr>| match lit {
        Some(lit) => format!("::modelbuild::__private::Some({})", quoted(&lit.value())),
        None => "::modelbuild::__private::None".to_owned(),
    };
    SiteEntry::Custom(match (&rule.code, &rule.message, cached) {
        (None, None, true) => format!("::modelbuild::__private::Site::cached({place})"),
        (None, None, false) => format!("::modelbuild::__private::Site::plain({place})"),
        (code, message, cached) => format!(
            "::modelbuild::__private::Site::new({place}, {}, {}, {cached})",
            option(code),
            option(message)
        ),
    })
}

/// `place` as the runtime's `Place`.
pub fn place_expr(place: &Place) -> String {
    match place {
        Place::Field(name) => format!("::modelbuild::__private::Place::Field({})", quoted(name)),
        Place::Index(index) => format!("::modelbuild::__private::Place::Index({index})"),
        Place::Here => "::modelbuild::__private::Place::Here".to_owned(),
    }
}
