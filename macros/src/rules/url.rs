//! `url`, `url(schemes = ["https"])` (modelbuild's feature `url`): what a browser's URL
//! parser accepts.

use syn::meta::ParseNestedMeta;
use syn::Ident;

use super::uri::{parse_rule, Schemes};
use crate::args::Common;
use crate::toolkit::RuleKind;

pub fn parse(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    Ok(Box::new(Schemes {
        label: "url",
        schemes: parse_rule(name, meta, errors, common)?,
        requires: check_feature,
    }))
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
