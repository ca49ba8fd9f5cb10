//! `sid(prefix = "UG")`: a Twilio SID, the two-letter prefix then 32 hex digits.

use proc_macro2::TokenStream;
use quote::quote;
use syn::meta::ParseNestedMeta;
use syn::{Ident, LitStr};

use crate::args::{self, Common};
use crate::out::Out;
use crate::toolkit::{Call, RuleKind, Target};

const NEEDS_PREFIX: &str = "`sid` needs a prefix: `sid(prefix = \"UG\")`";

struct Sid {
    prefix: LitStr,
    /// The prefix's value, read once: reading it again parses the literal again.
    value: String,
}

pub fn parse(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    if !args::has_args(meta) {
        return Err(syn::Error::new_spanned(name, NEEDS_PREFIX));
    }
    let mut prefix: Option<LitStr> = None;
    args::read(
        name,
        meta,
        errors,
        common,
        "`prefix`, `code` or `message`",
        args::slots([("prefix", &mut prefix)]),
    )?;
    let prefix = prefix.ok_or_else(|| syn::Error::new_spanned(name, NEEDS_PREFIX))?;
    let value = prefix.value();
    Ok(Box::new(Sid { prefix, value }))
}

impl RuleKind for Sid {
    fn check(&self, _name: &Ident, errors: &mut Vec<syn::Error>) {
        let value = &self.value;
        if value.len() != 2 || !value.bytes().all(|b| b.is_ascii_uppercase()) {
            errors.push(syn::Error::new_spanned(
                &self.prefix,
                format!("a SID prefix is two uppercase ASCII letters, such as \"UG\"; found {value:?}"),
            ));
        }
    }

    fn target(&self) -> Target {
        Target::text("sid")
    }

    fn emit(&self, call: &Call, out: &mut Out) {
        call.entry(out, "sid", |out| {
            out.string(&self.value, self.prefix.span())
                .punct(',', false, call.span);
        });
    }

    fn json_schema(&self, rt: &TokenStream) -> Option<TokenStream> {
        let prefix = &self.prefix;
        Some(quote!(#rt::rules::sid::json_schema(__mb_schema, #prefix);))
    }

    fn params(&self) -> Option<Vec<&'static str>> {
        Some(vec!["prefix"])
    }
}
