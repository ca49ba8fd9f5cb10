//! `ip`, `ipv4`, `ipv6`: an IP address as the standard library parses it. validator's
//! spellings `ip(v4)` and `ip(v6)` are `ipv4` and `ipv6` (with their codes).

use quote::quote;
use syn::meta::ParseNestedMeta;
use syn::Ident;

use super::TextRule;
use crate::args::{self, Common};
use crate::toolkit::RuleKind;

flag_rule!(parse_v4, "ipv4", "ip", IpKind::V4);
flag_rule!(parse_v6, "ipv6", "ip", IpKind::V6);

/// `ip`, `ip(code = .., message = ..)`, and validator's `ip(v4)`, `ip(v6)`, `ip(v4 =
/// false)`: one version asked for and not the other is that version, else any.
pub fn parse_any(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    let (mut v4, mut v6) = (None, None);
    if args::has_args(meta) {
        let known = "`v4`, `v6` (validator's spellings of `ipv4`, `ipv6`), `code` or `message`";
        args::read(name, meta, errors, common, known, |key, arg| {
            let slot = match key {
                "v4" => &mut v4,
                "v6" => &mut v6,
                _ => return Ok(false),
            };
            args::set_once(slot, arg, args::flag_value)?;
            Ok(true)
        })?;
    } else {
        args::reject_value(name, meta)?;
    }
    let (label, kind) = match (v4 == Some(true), v6 == Some(true)) {
        (true, false) => ("ipv4", quote!(V4)),
        (false, true) => ("ipv6", quote!(V6)),
        _ => ("ip", quote!(Any)),
    };
    Ok(Box::new(TextRule {
        label,
        module: "ip",
        args: quote!(::modelbuild::__private::rules::IpKind::#kind,),
        params: Vec::new(),
        schema: true,
    }))
}
