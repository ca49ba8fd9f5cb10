//! `keys(rule, ...)`: the rules inside apply to every key of a map.

use syn::meta::ParseNestedMeta;
use syn::Ident;

use super::each::{inner_rules, Inner};
use crate::args::Common;
use crate::toolkit::RuleKind;

pub fn parse(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    _common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    let needs = "`keys` needs the rules for every key: `keys(length(max = 32))`";
    Ok(Box::new(Inner {
        label: "keys",
        needs: "a map",
        rules: inner_rules(name, meta, errors, needs)?,
    }))
}
