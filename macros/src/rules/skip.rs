//! `skip`: no rule at all, for code bases that mark every field explicitly (as
//! validator's `#[validate(skip)]` does).

use syn::meta::ParseNestedMeta;
use syn::Ident;

use crate::args::Common;
use crate::out::Out;
use crate::toolkit::{Call, RuleKind, Target};

struct Skip;

pub fn parse(
    name: &Ident,
    meta: &ParseNestedMeta,
    _errors: &mut Vec<syn::Error>,
    _common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    crate::args::bare(name, meta)?;
    Ok(Box::new(Skip))
}

impl RuleKind for Skip {
    fn target(&self) -> Target {
        Target::Anything
    }

    fn emit(&self, _call: &Call, _out: &mut Out) {}

    fn reports(&self) -> bool {
        false
    }

    fn alone(&self) -> bool {
        true
    }
}
