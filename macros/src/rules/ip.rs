//! `ip`, `ipv4`, `ipv6`: an IP address as the standard library parses it.

use quote::quote;
use syn::meta::ParseNestedMeta;
use syn::Ident;

use super::{text_flag, RuleKind};
use crate::args::Common;

pub fn parse_any(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    text_flag(
        "ip",
        "ip",
        quote!(::modelbuild::__private::rules::IpKind::Any,),
        (name, meta, errors, common),
    )
}

pub fn parse_v4(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    text_flag(
        "ipv4",
        "ip",
        quote!(::modelbuild::__private::rules::IpKind::V4,),
        (name, meta, errors, common),
    )
}

pub fn parse_v6(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    text_flag(
        "ipv6",
        "ip",
        quote!(::modelbuild::__private::rules::IpKind::V6,),
        (name, meta, errors, common),
    )
}
