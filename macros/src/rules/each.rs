//! `each(rule, ...)`: the rules inside apply to every element of a collection (every
//! value of a map).

use proc_macro::Delimiter;
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::meta::ParseNestedMeta;
use syn::Ident;

use super::{Call, Rule, RuleKind, Target};
use crate::args::{self, Common};
use crate::out::Out;
use crate::parse::Place;
use crate::types::Base;

/// `each` or `keys`: rules for every element (every key) of a collection; they differ
/// only in what they visit, which is the runtime module of the same name.
pub struct Inner {
    /// The rule's name, which is also its runtime module.
    pub label: &'static str,
    /// What the rule applies to, in prose.
    pub needs: &'static str,
    pub rules: Vec<Rule>,
}

pub fn parse(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    _common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    let needs = "`each` needs the rules for every element: `each(sid(prefix = \"UG\"))`";
    Ok(Box::new(Inner {
        label: "each",
        needs: "a collection",
        rules: inner_rules(name, meta, errors, needs)?,
    }))
}

/// The rules inside `each(...)` or `keys(...)`; `needs` is the error for none.
pub fn inner_rules(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    needs: &str,
) -> syn::Result<Vec<Rule>> {
    if !args::has_args(meta) || args::has_empty_parens(meta) {
        return Err(syn::Error::new_spanned(name, needs));
    }
    let mut rules = Vec::new();
    meta.parse_nested_meta(|inner| {
        let Some((inner_name, key)) = crate::parse::rule_name(&inner, errors) else {
            return Ok(());
        };
        args::guard(&inner, errors, |inner, errors| {
            if key == "rename" {
                return Err(syn::Error::new_spanned(
                    &inner_name,
                    format!("`rename` names the field: put it beside `{name}`"),
                ));
            }
            rules.extend(crate::parse::rule(inner_name.clone(), &key, inner, errors)?);
            Ok(())
        });
        Ok(())
    })?;
    Ok(rules)
}

impl RuleKind for Inner {
    fn target(&self) -> Target {
        Target::Bases {
            label: self.label,
            fits: &[Base::Collection],
            needs: self.needs,
        }
    }

    /// `<each|keys>(value, at, errors, |item, item_at, errors| ...)`, which is
    /// `rules::<each|keys>::check`.
    fn emit(&self, call: &Call, out: &mut Out) {
        let span = call.span;
        call.entry(out, self.label, |out| {
            call.at(out)
                .punct(',', false, span)
                .ident("__mb_errors", span)
                .punct(',', false, span);
            out.punct('|', false, span)
                .ident("__mb_item", span)
                .punct(',', false, span);
            out.ident("__mb_item_at", span).punct(',', false, span);
            out.ident("__mb_errors", span).punct('|', false, span);
            out.group(Delimiter::Brace, span, |out| {
                let scope = call.inner_scope();
                for rule in &self.rules {
                    let item = super::Checked::Named("__mb_item");
                    crate::emit::rule_call(rule, item, "__mb_item_at", &Place::Here, &scope, out);
                }
            });
            out.punct(',', false, span);
        });
    }

    fn message_is_constant(&self) -> bool {
        false
    }

    fn reports(&self) -> bool {
        false
    }

    fn inner(&self) -> &[Rule] {
        &self.rules
    }

    fn json_schema(&self, rt: &TokenStream) -> Option<TokenStream> {
        let inner: Vec<TokenStream> = self
            .rules
            .iter()
            .filter_map(|rule| rule.kind.json_schema(rt))
            .collect();
        if inner.is_empty() {
            return None;
        }
        // `schema::each` finds the elements' schema (`items`, or a map's
        // `additionalProperties`), `schema::keys` the keys' (`propertyNames`).
        let place = Ident::new(self.label, Span::call_site());
        Some(quote! {
            if let #rt::Some(__mb_schema) = #rt::schema::#place(__mb_schema) {
                #(#inner)*
            }
        })
    }

    fn params(&self) -> Option<Vec<&'static str>> {
        None
    }
}
