//! `skip`: no rule at all, for code bases that mark every field explicitly (as
//! validator's `#[validate(skip)]` does). validator's `skip = true` is `skip`, and
//! `skip = false` says nothing.

use syn::meta::ParseNestedMeta;
use syn::{Ident, Token};

use crate::args::Common;
use crate::out::Out;
use crate::toolkit::{Call, RuleKind, Target};

/// `on` is false for `skip = false`, which leaves the field's other rules alone.
struct Skip {
    on: bool,
}

pub fn parse(
    name: &Ident,
    meta: &ParseNestedMeta,
    _errors: &mut Vec<syn::Error>,
    _common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    if meta.input.peek(Token![=]) {
        let on = meta.value()?.parse::<syn::LitBool>()?.value;
        return Ok(Box::new(Skip { on }));
    }
    crate::args::bare(name, meta)?;
    Ok(Box::new(Skip { on: true }))
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
        self.on
    }
}
