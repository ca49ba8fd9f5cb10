//! `keys(rule, ...)`: the rules inside apply to every key of a map.

use proc_macro2::TokenStream;
use syn::meta::ParseNestedMeta;
use syn::Ident;

use super::each::{emit_inner, inner_rules};
use super::{Call, Rule, RuleKind, Target};
use crate::args::Common;
use crate::types::Base;

struct Keys {
    rules: Vec<Rule>,
}

pub fn parse(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    _common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    let needs = "`keys` needs the rules for every key: `keys(length(max = 32))`";
    let rules = inner_rules(name, meta, errors, needs)?;
    Ok(Box::new(Keys { rules }))
}

impl RuleKind for Keys {
    fn target(&self) -> Target {
        Target::Bases {
            label: "keys",
            fits: &[Base::Collection],
            needs: "a map",
        }
    }

    fn emit(&self, call: &Call) -> TokenStream {
        emit_inner("keys", &self.rules, call)
    }

    fn message_is_constant(&self) -> bool {
        false
    }

    fn inner(&self) -> &[Rule] {
        &self.rules
    }
}
