//! The rules: one file each, holding the rule's arguments (its `parse`), its
//! compile-time checks and the code it emits; and [`REGISTRY`], which names them all.
//!
//! To add a rule, write `rules/<name>.rs` with a `parse` function and a type that
//! implements [`RuleKind`], and add one line to [`REGISTRY`] (CONTRIBUTING.md has the
//! whole recipe, with the runtime half in core).

use proc_macro2::{Span, TokenStream};
use syn::meta::ParseNestedMeta;
use syn::{Ident, LitStr};

use crate::args::Common;
use crate::types::Base;

mod custom;
mod each;
mod length;
mod nested;
mod pattern;
mod range;
mod required;
mod sid;
mod uri;

/// Reads a rule's arguments after its name; `code`/`message` go to the `Common`.
pub type Parse =
    fn(&Ident, &ParseNestedMeta, &mut Vec<syn::Error>, &mut Common) -> syn::Result<Box<dyn RuleKind>>;

/// Every rule, by the name written in `#[validate(...)]`.
pub const REGISTRY: &[(&str, Parse)] = &[
    ("sid", sid::parse),
    ("length", length::parse),
    ("uri", uri::parse),
    ("pattern", pattern::parse),
    ("range", range::parse),
    ("required", required::parse),
    ("nested", nested::parse),
    ("custom", custom::parse),
    ("each", each::parse),
];

/// One rule as written on a field.
pub struct Rule {
    /// The rule's name as written, for spans.
    pub name: Ident,
    pub code: Option<LitStr>,
    pub message: Option<LitStr>,
    pub kind: Box<dyn RuleKind>,
}

/// What one rule knows about itself.
pub trait RuleKind {
    /// Problems with arguments that parsed but cannot be right, each at its token.
    fn check(&self, _name: &Ident, _errors: &mut Vec<syn::Error>) {}

    /// What the rule applies to, for the early check on a field whose type's
    /// spelling tells.
    fn target(&self) -> Target;

    /// The statement that checks the value.
    fn emit(&self, call: &Call) -> TokenStream;

    /// Whether the default message depends only on the attribute's literals, so a
    /// call site may make it once.
    fn message_is_constant(&self) -> bool {
        true
    }

    /// Whether a field may carry the rule more than once.
    fn repeatable(&self) -> bool {
        false
    }

    /// Whether the field's type must implement `Validate` (and so gets that bound on
    /// a generic type).
    fn needs_validate(&self) -> bool {
        false
    }

    /// The rules inside this one (`each`), checked like a field's.
    fn inner(&self) -> &[Rule] {
        &[]
    }
}

/// What a rule applies to.
pub enum Target {
    /// One of `fits`; `label` names the rule in the message, `needs` says what fits.
    Bases {
        label: &'static str,
        fits: &'static [Base],
        needs: &'static str,
    },
    /// An `Option`.
    Optional,
    /// Anything: the compiler's trait checks decide.
    Anything,
}

/// Where and on what a rule's code is emitted.
pub struct Call {
    /// The rule's name's span: a type error in the emitted code points there.
    pub span: Span,
    /// The value, spanned at the rule.
    pub value: Ident,
    /// The path node of the value.
    pub at: TokenStream,
    /// `::modelbuild::__private`, spanned at the rule.
    pub rt: TokenStream,
    /// `at, errors, site`: the last arguments of every runtime entry.
    pub tail: TokenStream,
}

/// The rule names in prose, for messages: "sid, length, ..., each".
pub fn names() -> impl Iterator<Item = &'static str> {
    REGISTRY.iter().map(|(name, _)| *name)
}

pub fn find(name: &str) -> Option<Parse> {
    REGISTRY
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, parse)| *parse)
}
