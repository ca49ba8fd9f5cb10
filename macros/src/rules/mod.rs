//! The rules: one file each, holding the rule's arguments (its `parse`), its
//! compile-time checks and the code it emits; and [`REGISTRY`], which names them all.
//!
//! To add a rule, write `rules/<name>.rs` with a `parse` function and a type that
//! implements [`RuleKind`], and add one line to [`REGISTRY`] (CONTRIBUTING.md has the
//! whole recipe, with the runtime half in core).

use proc_macro::Delimiter;
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::meta::ParseNestedMeta;
use syn::{Ident, LitStr};

use crate::args::Common;
use crate::out::Out;
use crate::parse::Place;
use crate::types::Base;

/// The `parse` of a rule that takes only `code` and `message` (`email`,
/// `email(message = "...")`) and whose runtime entry is `Site::<module>(value, args...,
/// at, errors)`: `flag_rule!(parse_ascii, "ascii", "characters", Characters::Ascii)`
/// passes `rules::Characters::Ascii` as the one argument.
///
/// `flag_rule!(no_schema parse, ...)` makes a rule that JSON Schema cannot state.
macro_rules! flag_rule {
    (no_schema $parse:ident, $label:literal, $module:literal $(, $($arg:tt)+)?) => {
        flag_rule!(@ false, $parse, $label, $module $(, $($arg)+)?);
    };
    ($parse:ident, $label:literal, $module:literal $(, $($arg:tt)+)?) => {
        flag_rule!(@ true, $parse, $label, $module $(, $($arg)+)?);
    };
    (@ $schema:literal, $parse:ident, $label:literal, $module:literal $(, $($arg:tt)+)?) => {
        pub fn $parse(
            name: &syn::Ident,
            meta: &syn::meta::ParseNestedMeta,
            errors: &mut Vec<syn::Error>,
            common: &mut crate::args::Common,
        ) -> syn::Result<Box<dyn super::RuleKind>> {
            crate::args::flag(name, meta, errors, common)?;
            Ok(Box::new(super::TextRule {
                label: $label,
                module: $module,
                args: quote::quote!($(::modelbuild::__private::rules::$($arg)+,)?),
                params: Vec::new(),
                schema: $schema,
            }))
        }
    };
}

mod characters;
mod credit_card;
mod custom;
mod each;
mod email;
mod ip;
mod keys;
mod length;
mod must_match;
mod nested;
mod pattern;
mod phone;
mod range;
mod required;
mod sid;
mod skip;
mod substring;
mod uri;
mod url;

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
    ("keys", keys::parse),
    ("email", email::parse),
    ("url", url::parse),
    ("ip", ip::parse_any),
    ("ipv4", ip::parse_v4),
    ("ipv6", ip::parse_v6),
    ("prefix", substring::parse_prefix),
    ("suffix", substring::parse_suffix),
    ("contains", substring::parse_contains),
    ("does_not_contain", substring::parse_does_not_contain),
    ("ascii", characters::parse_ascii),
    ("alphanumeric", characters::parse_alphanumeric),
    ("non_control_character", characters::parse_non_control),
    ("credit_card", credit_card::parse),
    ("phone", phone::parse),
    ("must_match", must_match::parse),
    ("skip", skip::parse),
];

/// One rule as written on a field.
pub struct Rule {
    /// The rule's name as written, for spans.
    pub name: Ident,
    pub code: Option<LitStr>,
    pub message: Option<LitStr>,
    pub kind: Box<dyn RuleKind>,
    /// False when one of its arguments was reported: its own checks are skipped then,
    /// since what they would find follows from that mistake.
    pub complete: bool,
}

/// What one rule knows about itself.
pub trait RuleKind {
    /// Problems with arguments that parsed but cannot be right, each at its token.
    fn check(&self, _name: &Ident, _errors: &mut Vec<syn::Error>) {}

    /// What the rule applies to, for the early check on a field whose type's
    /// spelling tells.
    fn target(&self) -> Target;

    /// Writes the statement that checks the value.
    fn emit(&self, call: &Call, out: &mut Out);

    /// Whether the default message depends only on the attribute's literals, so a
    /// call site may make it once.
    fn message_is_constant(&self) -> bool {
        true
    }

    /// Whether the rule reports errors of its own, and so has a call site (with its
    /// `code`, `message` and cache), which its entry is a method of, and a
    /// [`Call::tail`]; not so for the rules that only walk into the value (`nested`,
    /// `each`, `keys`).
    fn reports(&self) -> bool {
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

    /// The rules inside this one (`each`, `keys`), checked like a field's.
    fn inner(&self) -> &[Rule] {
        &[]
    }

    /// Checks what the rule says of the other fields of the same value: `field` is the
    /// field the rule is on and `fields` its siblings' names, or `None` inside `each`
    /// or `keys`, where there are none.
    fn check_fields(&self, _name: &Ident, _field: Option<(&str, &[String])>, _errors: &mut Vec<syn::Error>) {}

    /// Whether the rule must be alone on its field (`skip`).
    fn alone(&self) -> bool {
        false
    }

    /// Whether the rule is async (`custom(function = f, async)`).
    fn is_async(&self) -> bool {
        false
    }

    /// Whether the rule is async or holds one that is (`each`, `keys`): the type is
    /// then validated with `validate_async`.
    fn holds_async(&self) -> bool {
        self.is_async() || self.inner().iter().any(|rule| rule.kind.holds_async())
    }

    /// Whether, in a type with async rules, the rule takes part in the walk that makes
    /// the futures: an async rule, `nested` (the value may have async rules of its
    /// own), and `each` or `keys` holding either.
    fn walks(&self) -> bool {
        self.is_async() || self.inner().iter().any(|rule| rule.kind.walks())
    }

    /// The parameters its errors carry, which a `message = "..."` template may name;
    /// `None` when they are only known at run time (`custom`) or come from inner
    /// rules (`nested`, `each`, `keys`).
    fn params(&self) -> Option<Vec<&'static str>> {
        Some(Vec::new())
    }

    /// The statements that write the rule into `__mb_schema: &mut Schema`, for the
    /// `JsonSchemaRules` impl (feature `schemars`); `None` for a rule JSON Schema cannot
    /// state (a check digit, a comparison, a function).
    fn json_schema(&self, _rt: &TokenStream) -> Option<TokenStream> {
        None
    }
}

/// A rule on a string whose runtime entry is `Site::<module>(value, args..., at,
/// errors)`: most string rules are one of these.
pub struct TextRule {
    /// The rule's name, for the wrong-type message.
    pub label: &'static str,
    /// The core module that holds the entry, and the name of its `Site` method.
    pub module: &'static str,
    /// The arguments between the value and `at`, each followed by a comma.
    pub args: TokenStream,
    /// The names of its errors' parameters.
    pub params: Vec<&'static str>,
    /// Whether JSON Schema can state it: then the module also has `json_schema(schema,
    /// args...)`.
    pub schema: bool,
}

impl RuleKind for TextRule {
    fn target(&self) -> Target {
        Target::text(self.label)
    }

    fn emit(&self, call: &Call, out: &mut Out) {
        call.entry(out, self.module, |out| {
            if !self.args.is_empty() {
                out.tokens(&self.args);
            }
        });
    }

    fn params(&self) -> Option<Vec<&'static str>> {
        Some(self.params.clone())
    }

    fn json_schema(&self, rt: &TokenStream) -> Option<TokenStream> {
        let module = Ident::new(self.module, Span::call_site());
        let args = &self.args;
        self.schema
            .then(|| quote!(#rt::rules::#module::json_schema(__mb_schema, #args);))
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

impl Target {
    /// A string, as most rules need: `label` names the rule in the message.
    pub fn text(label: &'static str) -> Target {
        Target::Bases {
            label,
            fits: &[Base::Text],
            needs: "a string",
        }
    }
}

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
    pub sites: &'a crate::emit::Sites,
    /// In a type with async rules, the walk the rule takes part in.
    pub walk: Option<&'a crate::walk::Walk>,
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

    /// The scope of rules nested in this one (`each`, `keys`): no siblings there.
    pub fn inner_scope(&self) -> crate::emit::Scope<'a> {
        crate::emit::Scope {
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
