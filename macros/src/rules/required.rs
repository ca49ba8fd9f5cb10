//! `required`: an `Option` that must be `Some`.

use proc_macro2::TokenStream;
use quote::quote;
use syn::meta::ParseNestedMeta;
use syn::Ident;

use crate::args::{self, Common};
use crate::out::Out;
use crate::toolkit::{Call, RuleKind, Target};

struct Required;

pub fn parse(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    args::flag(name, meta, errors, common)?;
    Ok(Box::new(Required))
}

impl RuleKind for Required {
    fn target(&self) -> Target {
        Target::Optional
    }

    fn emit(&self, call: &Call, out: &mut Out) {
        call.entry(out, "required", |_| {});
    }

    fn json_schema(&self, rt: &TokenStream) -> Option<TokenStream> {
        Some(quote!(#rt::rules::required::json_schema(__mb_schema);))
    }
}
