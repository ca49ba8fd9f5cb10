//! What a rule's emitter is given: [`Call`], where and on what its code goes, and the
//! fields of the value as the generated code reads them ([`Sibling`]).

use proc_macro::Delimiter;
use proc_macro2::Span;

use super::sites::{Scope, Sites};
use super::walk::Walk;
use super::Place;
use crate::out::Out;

/// Where and on what a rule's code is emitted.
pub struct Call<'a> {
    /// The rule's name's span, resolved at the call site: a type error in the
    /// emitted code points at the rule.
    pub span: Span,
    /// The value: a field (`&self.sid`, `__mb_field_0`) or a variable (`__mb_item`,
    /// `self`).
    pub value: Checked<'a>,
    /// The path node the value's fields hang from (`__mb_at`, `__mb_variant`,
    /// `__mb_item_at`).
    pub base: &'a str,
    /// Where the value is under [`base`](Call::base).
    pub place: &'a Place,
    /// The rule's place in the type's call sites, when it
    /// [`reports`](RuleKind::reports) errors of its own: its entry is a method of the
    /// site bound as `__mb_site<site>`, which says where under `base` the value is.
    pub site: Option<usize>,
    /// The other fields of the same value, which `must_match` compares with.
    pub siblings: &'a [Sibling],
    /// The type's context, in scope as `__mb_ctx`, when it declares one.
    pub context: Option<&'a syn::Type>,
    /// Whether the rule is on the whole value, with its field table `__mb_fields` and
    /// the node its fields hang from, `__mb_fields_at`, in scope.
    pub whole: bool,
    /// The type's table of call sites, for the rules nested in this one.
    pub sites: &'a Sites,
    /// In a type with async rules, the walk the rule takes part in.
    pub walk: Option<&'a Walk>,
}

impl<'a> Call<'a> {
    /// The call of a rule's runtime entry, spanned at the rule: for a rule that reports,
    /// `__mb_site<site>.<name>(value, <args> base, __mb_errors);`, a method of its call
    /// site, which needs no path (see core's `rules::site_entry!`); for one that walks
    /// into the value, `::modelbuild::__private::<name>(value, <args>);`. `args` writes
    /// the rule's own arguments, each followed by a comma.
    pub fn entry(&self, out: &mut Out, name: &str, args: impl FnOnce(&mut Out)) {
        let span = self.span;
        match self.site {
            Some(site) => {
                self.receiver(out, site);
            }
            None => {
                self.rt(out).colon2(span);
            }
        }
        out.ident(name, span);
        out.group(Delimiter::Parenthesis, span, |out| {
            self.value(out).punct(',', false, span);
            args(out);
            self.tail(out);
        });
        out.punct(';', false, span);
    }

    /// `__mb_site<site>.`, the call site a reporting rule's entry is called on.
    fn receiver(&self, out: &mut Out, site: usize) {
        let span = self.span;
        out.ident(&format!("__mb_site{site}"), span)
            .punct('.', false, span);
    }

    /// `base, __mb_errors`, the last arguments of the entry of a rule that reports: the
    /// node the value hangs from (the site it is called on says where under that node
    /// the value is). Nothing for the other rules.
    pub fn tail(&self, out: &mut Out) {
        let span = self.span;
        if self.site.is_some() {
            out.ident(self.base, span)
                .punct(',', false, span)
                .ident("__mb_errors", span);
        }
    }

    /// `__mb_site<site>.<name>`, for a reporting entry whose arguments do not start with
    /// the value (`custom` on the whole value).
    pub fn method(&self, out: &mut Out, name: &str) {
        if let Some(site) = self.site {
            self.receiver(out, site);
            out.ident(name, self.span);
        }
    }

    /// The value, spanned at the rule: a type error then points at the rule.
    pub fn value<'o>(&self, out: &'o mut Out) -> &'o mut Out {
        match self.value {
            Checked::Named(name) => out.ident(name, self.span),
            Checked::Field(sibling) => sibling.write(out, self.span),
        }
    }

    /// `::modelbuild::__private`, the runtime, spanned at the rule.
    pub fn rt<'o>(&self, out: &'o mut Out) -> &'o mut Out {
        out.rt(self.span)
    }

    /// `&<node>`, the path node of the value, for a rule that does not report but walks
    /// into the value (`nested`, `each`, `keys`).
    pub fn at<'o>(&self, out: &'o mut Out) -> &'o mut Out {
        let site = Span::call_site();
        out.punct('&', false, site);
        match self.place {
            Place::Field(name) => {
                out.ident(self.base, site)
                    .punct('.', false, site)
                    .ident("field", site);
                out.group(Delimiter::Parenthesis, site, |out| {
                    out.string(name, site);
                })
            }
            Place::Index(index) => {
                out.ident(self.base, site)
                    .punct('.', false, site)
                    .ident("index", site);
                out.group(Delimiter::Parenthesis, site, |out| {
                    out.usize(*index, site);
                })
            }
            Place::Here => out.punct('*', false, site).ident(self.base, site),
        }
    }

    /// `base, <Place>`: the node the value hangs from and where under it the value
    /// is, for a walk that keeps the step it adds (an async walk's `nested`).
    pub fn base_and_place<'o>(&self, out: &'o mut Out) -> &'o mut Out {
        let site = Span::call_site();
        out.ident(self.base, site).punct(',', false, site);
        out.text(&super::sites::place_expr(self.place))
    }

    /// The scope of rules nested in this one (`each`, `keys`): no siblings there.
    pub fn inner_scope(&self) -> Scope<'a> {
        Scope {
            siblings: &[],
            context: self.context,
            whole: false,
            sites: self.sites,
            walk: self.walk,
        }
    }
}

/// A field of the value being validated, as generated code sees it.
pub struct Sibling {
    /// Its name in Rust.
    pub name: String,
    /// How the code reads it: `&self.<name>` for a struct's field, a variable the
    /// variant's fields are bound to (`__mb_field_0`) for an enum's.
    pub access: Access,
    /// Its name in error paths.
    pub path_name: String,
    /// Whether the emitted code reads it: only such fields of a variant are bound.
    pub used: std::cell::Cell<bool>,
}

/// How generated code reads a field.
pub enum Access {
    /// `&self.<name>`: a struct's fields are read in place. Bound to variables by a
    /// `let Self { .. } = self;`, each was a local of its own to the compiler, which
    /// cost it more than the field's place (about 2% of what the derive's output of
    /// the compile-cost bench cost it to check).
    OnSelf,
    /// The variable a variant's field is bound to by the `match`.
    Bound(String),
}

impl Sibling {
    /// Writes the expression that reads the field, a reference, spanned at `span`.
    pub fn write<'o>(&self, out: &'o mut Out, span: Span) -> &'o mut Out {
        self.used.set(true);
        match &self.access {
            Access::Bound(binding) => out.ident(binding, span),
            Access::OnSelf => {
                out.punct('&', false, span)
                    .ident("self", span)
                    .punct('.', false, span);
                match self.name.parse::<usize>() {
                    Ok(index) => out.usize(index, span),
                    Err(_) => out.ident(&self.name, span),
                }
            }
        }
    }

    pub fn is_used(&self) -> bool {
        self.used.get()
    }

    /// The variable a variant's field is bound to; `_` for a struct's, never bound.
    pub fn binding(&self) -> &str {
        match &self.access {
            Access::Bound(binding) => binding,
            Access::OnSelf => "_",
        }
    }
}

/// The value a rule checks, as generated code reads it.
#[derive(Clone, Copy)]
pub enum Checked<'a> {
    /// A variable, or `self`.
    Named(&'a str),
    /// A field of the value being validated.
    Field(&'a Sibling),
}
