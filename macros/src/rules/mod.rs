//! The rules: one file each, holding the rule's arguments (its `parse`), its
//! compile-time checks and the code it emits; and [`REGISTRY`], which names them all.
//!
//! To add a rule, write `rules/<name>.rs` with a `parse` function and a type that
//! implements [`RuleKind`], and add one line to [`REGISTRY`] (CONTRIBUTING.md has the
//! whole recipe, with the runtime half in core).
//!
//! The rules are leaves: they use the model and the emit toolkit below them
//! ([`crate::toolkit`]), never `parse` or `emit`. [`rule`] reads one rule by its name,
//! for `parse` and for the rules that hold others (`each`, `keys`).

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::meta::ParseNestedMeta;
use syn::Ident;

use crate::args::{skip_rest, Common};
use crate::out::Out;
use crate::suggest::did_you_mean;
use crate::toolkit::{Call, Rule, RuleKind, Target};

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
mod regex;
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
    ("regex", regex::parse),
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

/// The rule names for messages: "sid, length, ..., each".
fn rule_names() -> String {
    names().collect::<Vec<_>>().join(", ")
}

/// The item's name, and as text (converted once: comparing an identifier with a
/// string converts it each time); a path that is not a plain name is reported, and
/// the item skipped, so the items after it are still read.
pub fn rule_name(meta: &ParseNestedMeta, errors: &mut Vec<syn::Error>) -> Option<(Ident, String)> {
    let name = meta.path.get_ident().map(|name| (name.clone(), name.to_string()));
    if name.is_none() {
        errors.push(syn::Error::new_spanned(
            &meta.path,
            format!("expected a rule: one of {}", rule_names()),
        ));
        skip_rest(meta.input);
    }
    name
}

/// One rule: its name looked up in the registry, its arguments read by the rule.
///
/// When one of its arguments was reported, what is missing because of that mistake is
/// not reported again: `sid(prefx = "UG")` is not also told it has no prefix (the rule
/// is left out), and `length(maximum = 5)` is not told it has no bound (the rule is
/// kept, marked incomplete, so the rules inside an `each` are still checked).
pub fn rule(
    name: Ident,
    key: &str,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
) -> syn::Result<Option<Rule>> {
    let Some(parse) = find(key) else {
        let known = rule_names();
        let hint = meaning(key).unwrap_or_else(|| did_you_mean(key, names().chain(["rename"])));
        return Err(syn::Error::new_spanned(
            &name,
            format!("unknown rule `{key}`;{hint} expected one of {known}, or `rename`"),
        ));
    };
    built(name, errors, |name, errors, common| {
        parse(name, meta, errors, common)
    })
}

/// The rule `parse` reads, with its `code` and `message`; `None` when its arguments
/// were reported and nothing more is to be said of it (see [`rule`]).
fn built(
    name: Ident,
    errors: &mut Vec<syn::Error>,
    parse: impl FnOnce(&Ident, &mut Vec<syn::Error>, &mut Common) -> syn::Result<Box<dyn RuleKind>>,
) -> syn::Result<Option<Rule>> {
    let reported = errors.len();
    let mut common = Common::default();
    let parsed = parse(&name, errors, &mut common);
    let complete = errors.len() == reported;
    let kind = match parsed {
        Ok(kind) => kind,
        Err(_) if !complete => return Ok(None),
        Err(error) => return Err(error),
    };
    Ok(Some(Rule {
        name,
        code: common.code,
        message: common.message,
        kind,
        complete,
    }))
}

/// ` did you mean ...?` for the names other validation crates give our rules.
fn meaning(name: &str) -> Option<String> {
    let ours = match name {
        "regex" => "`pattern`",
        "dive" => "`nested` (or `each(nested)` for the elements of a collection)",
        "inner" => "`each` (rules for every element)",
        "matches" | "must_equal" | "equals" => "`must_match`",
        "not_contains" | "contains_not" => "`does_not_contain`",
        "starts_with" => "`prefix`",
        "ends_with" => "`suffix`",
        "min_length" | "max_length" | "len" | "byte_length" => "`length`",
        "phone_number" | "e164" => "`phone`",
        "creditcard" | "card" => "`credit_card`",
        "ip_address" => "`ip`",
        "non_control_char" | "no_control_characters" => "`non_control_character`",
        "uri_reference" => "`uri` (an absolute URI)",
        "optional" | "present" => "`required`",
        "validate" | "function" => "`custom`",
        _ => return None,
    };
    Some(format!(" did you mean {ours}?"))
}

/// validator's `schema(function = f, ...)` on the type: a `custom` rule on the whole
/// value that runs only when every field passed.
pub fn schema_rule(
    name: Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
) -> syn::Result<Option<Rule>> {
    built(name, errors, |name, errors, common| {
        custom::parse_schema(name, meta, errors, common)
    })
}

/// The `nested` that validator's `nest_all_fields` adds to a field.
pub fn nested_rule() -> Rule {
    Rule {
        name: Ident::new("nested", proc_macro2::Span::call_site()),
        code: None,
        message: None,
        kind: nested::implied(),
        complete: true,
    }
}
