//! `phone`: a phone number in E.164 form.

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
    text_flag("phone", "phone", quote!(), (name, meta, errors, common))
}
