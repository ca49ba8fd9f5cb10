//! `each(rule, ...)`: the rules inside apply to every element of a collection (every
//! value of a map).

use proc_macro::Delimiter;
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::meta::ParseNestedMeta;
use syn::Ident;

use crate::args::{self, Common};
use crate::out::Out;
use crate::toolkit::Place;
use crate::toolkit::{Call, Rule, RuleKind, Target};
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
        let Some((inner_name, key)) = super::rule_name(&inner, errors) else {
            return Ok(());
        };
        args::guard(&inner, errors, |inner, errors| {
            if key == "rename" {
                return Err(syn::Error::new_spanned(
                    &inner_name,
                    format!("`rename` names the field: put it beside `{name}`"),
                ));
            }
            rules.extend(super::rule(inner_name.clone(), &key, inner, errors)?);
            Ok(())
        });
        Ok(())
    })?;
    Ok(rules)
}

/// `|__mb_item, __mb_item_at, __mb_errors| { <the rules on __mb_item> },`; in a walk,
/// the block's value is the futures the element's rules made, joined.
fn item_closure(call: &Call, rules: &[Rule], walk: Option<&crate::toolkit::walk::Walk>, out: &mut Out) {
    let span = call.span;
    out.punct('|', false, span)
        .ident("__mb_item", span)
        .punct(',', false, span);
    out.ident("__mb_item_at", span).punct(',', false, span);
    out.ident("__mb_errors", span).punct('|', false, span);
    out.group(Delimiter::Brace, span, |out| {
        let mut scope = call.inner_scope();
        scope.walk = walk;
        let item = crate::toolkit::Checked::Named("__mb_item");
        crate::toolkit::value_checks(rules, item, "__mb_item_at", &Place::Here, &scope, out);
        if let Some(walk) = walk {
            out.text(&walk.joined());
        }
    });
    out.punct(',', false, span);
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
        if let Some(walk) = call.walk.filter(|_| self.walks()) {
            // In a type with async rules: `let __mb_q<n> = async_rules::<each|keys>(value,
            // base, place, __mb_errors, |__mb_item, __mb_item_at, __mb_errors| { ...;
            // joined });`,
            // each element's rules checked in a walk of its own, whose futures the
            // closure returns.
            walk.bind(out, span);
            call.rt(out).colon2(span).path(&["async_rules", self.label], span);
            out.group(Delimiter::Parenthesis, span, |out| {
                call.value(out).punct(',', false, span);
                call.base_and_place(out)
                    .punct(',', false, span)
                    .ident("__mb_errors", span)
                    .punct(',', false, span);
                item_closure(call, &self.rules, Some(&walk.inner()), out);
            });
            out.punct(';', false, span);
            return;
        }
        call.entry(out, self.label, |out| {
            call.at(out)
                .punct(',', false, span)
                .ident("__mb_errors", span)
                .punct(',', false, span);
            item_closure(call, &self.rules, None, out);
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
