//! `ascii`, `alphanumeric`, `non_control_character`: which characters a string holds.

use quote::quote;
use syn::meta::ParseNestedMeta;
use syn::Ident;

use super::{text_flag, RuleKind};
use crate::args::Common;

pub fn parse_ascii(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    text_flag(
        "ascii",
        "characters",
        quote!(::modelbuild::__private::rules::Characters::Ascii,),
        (name, meta, errors, common),
    )
}

pub fn parse_alphanumeric(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    text_flag(
        "alphanumeric",
        "characters",
        quote!(::modelbuild::__private::rules::Characters::Alphanumeric,),
        (name, meta, errors, common),
    )
}

pub fn parse_non_control(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    text_flag(
        "non_control_character",
        "characters",
        quote!(::modelbuild::__private::rules::Characters::NonControl,),
        (name, meta, errors, common),
    )
}
