//! `uri`, `uri(schemes = ["https", "http"])`: RFC 3986's `URI` rule.

use proc_macro::Delimiter;
use std::collections::HashSet;

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::meta::ParseNestedMeta;
use syn::punctuated::Punctuated;
use syn::{Ident, LitStr, Token};

use crate::args::{self, Common};
use crate::out::Out;
use crate::toolkit::{Call, RuleKind, Target};

/// `uri` or `url`: a rule on a string with an optional list of schemes; they differ
/// only in the runtime module they call and in `url` needing modelbuild's feature.
pub struct Schemes {
    /// The rule's name, which is also its runtime module.
    pub label: &'static str,
    pub schemes: Vec<LitStr>,
    /// What else the rule checks while compiling (`url`: that its feature is on).
    pub requires: fn(&Ident, &mut Vec<syn::Error>),
}

pub fn parse(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    Ok(Box::new(Schemes {
        label: "uri",
        schemes: parse_rule(name, meta, errors, common)?,
        requires: |_, _| {},
    }))
}

/// The arguments of `uri` and `url`: `rule`, or `rule(schemes = [...], code, message)`.
pub fn parse_rule(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Vec<LitStr>> {
    let mut schemes = None;
    if args::has_args(meta) {
        args::read(
            name,
            meta,
            errors,
            common,
            "`schemes`, `code` or `message`",
            |key, arg| {
                if key != "schemes" {
                    return Ok(false);
                }
                args::set_once(&mut schemes, arg, parse_schemes)?;
                Ok(true)
            },
        )?;
    } else {
        args::reject_value(name, meta)?;
    }
    Ok(schemes.unwrap_or_default())
}

/// `["https", "http"]`.
fn parse_schemes(arg: &ParseNestedMeta) -> syn::Result<Vec<LitStr>> {
    let value = arg.value()?;
    let content;
    syn::bracketed!(content in value);
    let list = Punctuated::<LitStr, Token![,]>::parse_terminated(&content)?;
    Ok(list.into_iter().collect())
}

/// Each scheme is RFC 3986's `scheme` and given once (schemes ignore case).
fn check_schemes(schemes: &[LitStr], errors: &mut Vec<syn::Error>) {
    let mut seen = HashSet::new();
    for scheme in schemes {
        let value = scheme.value();
        let bytes = value.as_bytes();
        let valid = bytes.first().is_some_and(u8::is_ascii_alphabetic)
            && bytes
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || b"+-.".contains(&b));
        if !valid {
            errors.push(syn::Error::new_spanned(
                scheme,
                format!("{value:?} is not a URI scheme: a letter, then letters, digits, `+`, `-` or `.`"),
            ));
        } else if !seen.insert(value.to_ascii_lowercase()) {
            errors.push(syn::Error::new_spanned(
                scheme,
                format!("duplicate scheme {value:?}"),
            ));
        }
    }
}

impl RuleKind for Schemes {
    fn check(&self, name: &Ident, errors: &mut Vec<syn::Error>) {
        (self.requires)(name, errors);
        check_schemes(&self.schemes, errors);
    }

    fn target(&self) -> Target {
        Target::text(self.label)
    }

    fn emit(&self, call: &Call, out: &mut Out) {
        let span = call.span;
        call.entry(out, self.label, |out| {
            out.punct('&', false, span)
                .group(Delimiter::Bracket, span, |out| {
                    for scheme in &self.schemes {
                        out.colon2(span).path(&["std", "borrow", "Cow", "Borrowed"], span);
                        out.group(Delimiter::Parenthesis, span, |out| {
                            out.string(&scheme.value(), scheme.span());
                        });
                        out.punct(',', false, span);
                    }
                });
            out.punct(',', false, span);
        });
    }

    fn json_schema(&self, rt: &TokenStream) -> Option<TokenStream> {
        let module = Ident::new(self.label, Span::call_site());
        let schemes = &self.schemes;
        Some(quote!(#rt::rules::#module::json_schema::<&str>(__mb_schema, &[#(#schemes),*]);))
    }

    fn params(&self) -> Option<Vec<&'static str>> {
        Some(if self.schemes.is_empty() {
            vec![]
        } else {
            vec!["schemes"]
        })
    }
}
