//! `custom = path::to_fn`, `custom(function = path::to_fn, code = "...", message = "...")`:
//! a function of the user's on the field (or, on the type, on the whole value).

use proc_macro2::TokenStream;
use quote::quote_spanned;
use syn::meta::ParseNestedMeta;
use syn::Ident;

use super::{Call, RuleKind, Target};
use crate::args::{self, Common};

struct Custom {
    function: syn::Path,
}

pub fn parse(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    let function: Option<syn::Path> = args::value_or_key("function", (name, meta, errors, common))?;
    let function = function
        .ok_or_else(|| syn::Error::new_spanned(name, "`custom` needs a function: `custom = path::to_fn`"))?;
    Ok(Box::new(Custom { function }))
}

impl RuleKind for Custom {
    fn target(&self) -> Target {
        Target::Anything
    }

    fn emit(&self, call: &Call) -> TokenStream {
        let Call {
            span,
            value,
            rt,
            tail,
            ..
        } = call;
        let function = &self.function;
        quote_spanned!(*span=> #rt::rules::custom::check(#value, #function, #tail);)
    }

    fn message_is_constant(&self) -> bool {
        false
    }

    fn repeatable(&self) -> bool {
        true
    }
}
