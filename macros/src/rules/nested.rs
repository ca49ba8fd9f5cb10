//! `nested`: the value's own rules, its paths under the field's.

use proc_macro2::TokenStream;
use quote::quote_spanned;
use syn::meta::ParseNestedMeta;
use syn::Ident;

use super::{Call, RuleKind, Target};
use crate::args::Common;
use crate::types::Base;

struct Nested;

pub fn parse(
    name: &Ident,
    meta: &ParseNestedMeta,
    _errors: &mut Vec<syn::Error>,
    _common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    crate::args::bare(name, meta)?;
    Ok(Box::new(Nested))
}

impl RuleKind for Nested {
    fn target(&self) -> Target {
        Target::Bases {
            label: "nested",
            fits: &[Base::Collection],
            needs: "a type that implements `Validate`",
        }
    }

    fn emit(&self, call: &Call) -> TokenStream {
        let Call {
            span,
            value,
            rt,
            at,
            context,
            ..
        } = call;
        match context {
            // With the context when the value's type takes one, without it when the
            // type is `Validate`: the runtime's `Pick` traits choose by the receiver.
            // (`__mb_ctx` is a `&Context`, so a nested type with another context is
            // reported as such.)
            Some(_) => quote_spanned! {*span=> {
                use #rt::rules::nested::{Pick as _, PickWithContext as _};
                #rt::rules::nested::check_with((&&#rt::rules::nested::Nest(#value, __mb_ctx)).pick(), #at, __mb_errors);
            }},
            None => quote_spanned!(*span=> #rt::nested(#value, #at, __mb_errors);),
        }
    }

    fn message_is_constant(&self) -> bool {
        false
    }

    fn reports(&self) -> bool {
        false
    }

    fn needs_validate(&self) -> bool {
        true
    }

    fn params(&self) -> Option<Vec<&'static str>> {
        None
    }
}
