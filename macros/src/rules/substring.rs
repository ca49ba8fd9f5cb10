//! `prefix = "..."`, `suffix = "..."`, `contains = "..."`, `does_not_contain = "..."`,
//! each also as `rule(value = "...", code = "...", message = "...")`.

use quote::quote;
use syn::meta::ParseNestedMeta;
use syn::{Ident, LitStr};

use super::TextRule;
use crate::args::{self, Common};
use crate::toolkit::RuleKind;

fn parse(
    label: &'static str,
    kind: &str,
    (name, meta, errors, common): (&Ident, &ParseNestedMeta, &mut Vec<syn::Error>, &mut Common),
) -> syn::Result<Box<dyn RuleKind>> {
    let text: Option<LitStr> = match kind {
        // validator writes `contains(pattern = "..")`, and schemars, reading our
        // attributes, accepts only that form of `contains`.
        "Contains" | "DoesNotContain" if args::has_args(meta) => {
            let mut text = None;
            let known = "`value` (or `pattern`, as validator names it), `code` or `message`";
            args::read(name, meta, errors, common, known, |key, arg| {
                if !matches!(key, "value" | "pattern") {
                    return Ok(false);
                }
                if text.is_some() {
                    return Err(syn::Error::new_spanned(
                        &arg.path,
                        "the text is given twice: `value` and `pattern` are two names for it",
                    ));
                }
                text = Some(arg.value()?.parse()?);
                Ok(true)
            })?;
            text
        }
        _ => args::value_or_key("value", (name, meta, errors, common))?,
    };
    let text = text.ok_or_else(|| {
        syn::Error::new_spanned(name, format!("`{label}` needs the text: `{label} = \"...\"`"))
    })?;
    if text.value().is_empty() {
        let outcome = if kind == "DoesNotContain" { "fail" } else { "pass" };
        return Err(syn::Error::new_spanned(
            &text,
            format!("an empty text would make every value {outcome} `{label}`"),
        ));
    }
    let kind = Ident::new(kind, name.span());
    Ok(Box::new(TextRule {
        label,
        module: "substring",
        args: quote!(::modelbuild::__private::rules::Substring::#kind, #text,),
        params: vec![label],
        schema: true,
    }))
}

pub fn parse_prefix(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    parse("prefix", "Prefix", (name, meta, errors, common))
}

pub fn parse_suffix(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    parse("suffix", "Suffix", (name, meta, errors, common))
}

pub fn parse_contains(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    parse("contains", "Contains", (name, meta, errors, common))
}

pub fn parse_does_not_contain(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    parse("does_not_contain", "DoesNotContain", (name, meta, errors, common))
}
