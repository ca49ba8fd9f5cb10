//! `credit_card`: a card number with a valid Luhn check digit.

use quote::quote;
use syn::meta::ParseNestedMeta;
use syn::Ident;

use super::{text_flag, RuleKind};
use crate::args::Common;

pub fn parse(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    text_flag(
        "credit_card",
        "credit_card",
        quote!(),
        (name, meta, errors, common),
    )
}
