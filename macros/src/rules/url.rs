//! `url`, `url(schemes = ["https"])` (modelbuild's feature `url`): what a browser's URL
//! parser accepts.

use proc_macro2::TokenStream;
use quote::quote_spanned;
use syn::meta::ParseNestedMeta;
use syn::{Ident, LitStr};

use super::uri::{check_schemes, parse_rule};
use super::{Call, RuleKind, Target};
use crate::args::Common;
use crate::types::Base;

struct Url {
    schemes: Vec<LitStr>,
}

pub fn parse(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    let schemes = parse_rule(name, meta, errors, common)?;
    Ok(Box::new(Url { schemes }))
}

impl RuleKind for Url {
    fn check(&self, name: &Ident, errors: &mut Vec<syn::Error>) {
        check_feature(name, errors);
        check_schemes(&self.schemes, errors);
    }

    fn target(&self) -> Target {
        Target::Bases {
            label: "url",
            fits: &[Base::Text],
            needs: "a string",
        }
    }

    fn emit(&self, call: &Call) -> TokenStream {
        let Call {
            span,
            value,
            rt,
            tail,
            ..
        } = call;
        // The WHATWG parser lowercases the scheme; compare with lowercase names.
        let schemes = self
            .schemes
            .iter()
            .map(|s| LitStr::new(&s.value().to_ascii_lowercase(), s.span()));
        quote_spanned!(*span=> #rt::rules::url::check(#value, &[#(#schemes),*], #tail);)
    }
}

#[cfg(feature = "url")]
fn check_feature(_name: &Ident, _errors: &mut Vec<syn::Error>) {}

/// modelbuild forwards its `url` feature here; without it there is no URL parser at
/// run time.
#[cfg(not(feature = "url"))]
fn check_feature(name: &Ident, errors: &mut Vec<syn::Error>) {
    errors.push(syn::Error::new_spanned(
        name,
        "`url` needs modelbuild's `url` feature: modelbuild = { version = \"0.1\", features = [\"url\"] }; \
         or use `uri`, which checks RFC 3986 with no dependency",
    ));
}
