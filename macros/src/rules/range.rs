//! `range(min = a, max = b)`, with `exclusive_min` / `exclusive_max`: a number within
//! bounds.

use proc_macro2::TokenStream;
use quote::quote;
use syn::meta::ParseNestedMeta;
use syn::{Expr, Ident};

use crate::args::{self, Common};
use crate::bounds::{
    all_literal, by_value, check_order, given_fields, literal_number, usual, Literal, Value,
};
use crate::out::Out;
use crate::toolkit::{Call, RuleKind, Target};
use crate::types::Base;

#[derive(Default)]
struct Range {
    min: Option<Expr>,
    max: Option<Expr>,
    exclusive_min: Option<Expr>,
    exclusive_max: Option<Expr>,
}

pub fn parse(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    if !args::has_args(meta) {
        return Err(syn::Error::new_spanned(
            name,
            "`range` needs bounds: `range(min = 1, max = 1000)`",
        ));
    }
    let mut range = Range::default();
    args::read(
        name,
        meta,
        errors,
        common,
        "`min`, `max`, `exclusive_min`, `exclusive_max`, `code` or `message`",
        args::slots([
            ("min", &mut range.min),
            ("max", &mut range.max),
            ("exclusive_min", &mut range.exclusive_min),
            ("exclusive_max", &mut range.exclusive_max),
        ]),
    )?;
    // validator also quotes a bound: `min = "MIN_SIZE"` is the constant.
    for bound in [
        &mut range.min,
        &mut range.max,
        &mut range.exclusive_min,
        &mut range.exclusive_max,
    ] {
        if let Some(expr) = bound.take() {
            *bound = Some(args::unquote(expr)?);
        }
    }
    Ok(Box::new(range))
}

impl Range {
    fn bounds(&self) -> [&Option<Expr>; 4] {
        [&self.min, &self.max, &self.exclusive_min, &self.exclusive_max]
    }
}

impl RuleKind for Range {
    fn check(&self, name: &Ident, errors: &mut Vec<syn::Error>) {
        if self.bounds().iter().all(|b| b.is_none()) {
            errors.push(syn::Error::new_spanned(
                name,
                "`range` needs `min`, `max`, `exclusive_min` or `exclusive_max`",
            ));
        }
        for (inclusive, exclusive, side) in [
            (&self.min, &self.exclusive_min, "lower"),
            (&self.max, &self.exclusive_max, "upper"),
        ] {
            if let (Some(_), Some(exclusive)) = (inclusive, exclusive) {
                errors.push(syn::Error::new_spanned(
                    exclusive,
                    format!("give one {side} bound: inclusive or exclusive, not both"),
                ));
            }
        }
        let lower = (self.min.as_ref().map(|e| ("min", e, false)))
            .or(self.exclusive_min.as_ref().map(|e| ("exclusive_min", e, true)));
        let upper = (self.max.as_ref().map(|e| ("max", e, false)))
            .or(self.exclusive_max.as_ref().map(|e| ("exclusive_max", e, true)));
        check_order(lower, upper, errors);
    }

    fn target(&self) -> Target {
        Target::Bases {
            label: "range",
            fits: &[Base::Number],
            needs: "a number",
        }
    }

    fn emit(&self, call: &Call, out: &mut Out) {
        if let (None, None) = (&self.exclusive_min, &self.exclusive_max) {
            if let Some((form, bounds)) = usual(self.min.as_ref(), self.max.as_ref()) {
                let entry = format!("range_{form}");
                call.entry(out, &entry, |out| by_value(out, call.span, bounds));
                return;
            }
        }
        let [min, max, exclusive_min, exclusive_max] =
            self.bounds().map(|bound| bound.as_ref().map(Value::Some));
        call.entry(out, "range", |out| {
            given_fields(
                out,
                call.span,
                "Bounds",
                [
                    ("min", min),
                    ("max", max),
                    ("exclusive_min", exclusive_min),
                    ("exclusive_max", exclusive_max),
                ],
            );
            out.punct(',', false, call.span);
        });
    }

    fn message_is_constant(&self) -> bool {
        all_literal(self.bounds())
    }

    fn json_schema(&self, rt: &TokenStream) -> Option<TokenStream> {
        let [min, max, exclusive_min, exclusive_max] = self.bounds().map(|bound| match bound {
            Some(bound) => {
                let value = param_value(bound, rt);
                quote!(#rt::Some(#value))
            }
            None => quote!(#rt::None),
        });
        Some(quote! {
            #rt::rules::range::json_schema(
                __mb_schema,
                &#rt::rules::Bounds { min: #min, max: #max, exclusive_min: #exclusive_min, exclusive_max: #exclusive_max },
            );
        })
    }

    fn params(&self) -> Option<Vec<&'static str>> {
        let names = ["min", "max", "exclusive_min", "exclusive_max"];
        Some(
            names
                .into_iter()
                .zip(self.bounds())
                .filter_map(|(name, bound)| bound.as_ref().map(|_| name))
                .collect(),
        )
    }
}

/// A bound as a `ParamValue`. A literal has no type of its own here (the field's type
/// gives it one in `check`), so its value is written out: an integer as `i128`, beyond
/// that or with a fraction as `f64`. Any other expression has its own type.
fn param_value(bound: &syn::Expr, rt: &TokenStream) -> TokenStream {
    match literal_number(bound) {
        Some(Literal::Int(n)) => {
            let n = proc_macro2::Literal::i128_suffixed(n);
            quote!(#rt::ParamValue::Int(#n))
        }
        Some(Literal::Float(n)) => {
            let n = proc_macro2::Literal::f64_suffixed(n);
            quote!(#rt::ParamValue::Float(#n))
        }
        None => quote!(::core::convert::Into::<#rt::ParamValue>::into(#bound)),
    }
}
