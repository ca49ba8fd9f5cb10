//! `length(min = a, max = b)`, `length(equal = n)`, `unit = "chars" | "bytes" | "utf16"`:
//! a string's length in a unit, or a collection's number of items. A bound is a literal,
//! or a constant or expression of any integer type (validator's are `u64`), also
//! quoted as validator allows (`min = "MIN_LEN"`).

use proc_macro::Delimiter;
use proc_macro2::TokenStream;
use quote::quote;
use syn::meta::ParseNestedMeta;
use syn::{Expr, Ident, LitStr};

use crate::args::{self, Common};
use crate::bounds::{
    all_literal, by_value, check_order, given_fields, literal_number, option_tokens, usual, Value,
};
use crate::out::Out;
use crate::toolkit::{Call, RuleKind, Target};
use crate::types::Base;

#[derive(Default)]
struct Length {
    min: Option<Expr>,
    max: Option<Expr>,
    equal: Option<Expr>,
    unit: Option<(Unit, LitStr)>,
}

#[derive(Clone, Copy)]
enum Unit {
    Chars,
    Bytes,
    Utf16,
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
            "`length` needs bounds: `length(min = 1, max = 64)` or `length(equal = 34)`",
        ));
    }
    let mut length = Length::default();
    let mut unit = None;
    {
        let mut bounds = args::slots([
            ("min", &mut length.min),
            ("max", &mut length.max),
            ("equal", &mut length.equal),
        ]);
        args::read(
            name,
            meta,
            errors,
            common,
            "`min`, `max`, `equal`, `unit`, `code` or `message`",
            |key, arg| {
                if key == "unit" {
                    args::set_once(&mut unit, arg, parse_unit)?;
                    return Ok(true);
                }
                bounds(key, arg)
            },
        )?;
    }
    length.unit = unit;
    for bound in [&mut length.min, &mut length.max, &mut length.equal] {
        if let Some(expr) = bound.take() {
            *bound = Some(as_count(args::unquote(expr)?));
        }
    }
    Ok(Box::new(length))
}

/// A bound that is no literal, read as a count whatever its integer type:
/// `LengthBound::to_length(MAX_NAME)`, which keeps the expression's own span, so a
/// bound of the wrong type is reported at it.
fn as_count(bound: Expr) -> Expr {
    if literal_number(&bound).is_some() {
        return bound;
    }
    syn::parse_quote!(::modelbuild::__private::rules::length::LengthBound::to_length(#bound))
}

fn parse_unit(arg: &ParseNestedMeta) -> syn::Result<(Unit, LitStr)> {
    let lit: LitStr = arg.value()?.parse()?;
    let unit = match lit.value().as_str() {
        "chars" => Unit::Chars,
        "bytes" => Unit::Bytes,
        "utf16" => Unit::Utf16,
        other => {
            return Err(syn::Error::new_spanned(
                &lit,
                format!("unknown length unit \"{other}\"; expected \"chars\", \"bytes\" or \"utf16\""),
            ))
        }
    };
    Ok((unit, lit))
}

impl RuleKind for Length {
    fn check(&self, name: &Ident, errors: &mut Vec<syn::Error>) {
        if self.min.is_none() && self.max.is_none() && self.equal.is_none() {
            errors.push(syn::Error::new_spanned(
                name,
                "`length` needs `min`, `max` or `equal`",
            ));
        }
        if let Some(equal) = &self.equal {
            if self.min.is_some() || self.max.is_some() {
                errors.push(syn::Error::new_spanned(
                    equal,
                    "`equal` cannot be combined with `min` or `max`",
                ));
            }
        }
        let min = self.min.as_ref().map(|e| ("min", e, false));
        check_order(min, self.max.as_ref().map(|e| ("max", e, false)), errors);
        for bound in [&self.min, &self.max, &self.equal].into_iter().flatten() {
            if literal_number(bound).is_some_and(|n| n.as_f64() < 0.0) {
                errors.push(syn::Error::new_spanned(bound, "a length cannot be negative"));
            }
        }
    }

    fn target(&self) -> Target {
        match self.unit {
            Some(_) => Target::text("length(unit = ..)"),
            None => Target::Bases {
                label: "length",
                fits: &[Base::Text, Base::Collection],
                needs: "a string or a collection",
            },
        }
    }

    fn emit(&self, call: &Call, out: &mut Out) {
        if let (None, None) = (&self.equal, &self.unit) {
            if let Some((form, bounds)) = usual(self.min.as_ref(), self.max.as_ref()) {
                let entry = format!("length_{form}");
                call.entry(out, &entry, |out| by_value(out, call.span, bounds));
                return;
            }
        }
        let (min, max) = match &self.equal {
            Some(equal) => (Some(equal), Some(equal)),
            None => (self.min.as_ref(), self.max.as_ref()),
        };
        let equal = |out: &mut Out| {
            out.ident("true", proc_macro2::Span::call_site());
        };
        let unit = self.unit.as_ref().map(|(unit, lit)| {
            let variant = match unit {
                Unit::Chars => "Chars",
                Unit::Bytes => "Bytes",
                Unit::Utf16 => "Utf16",
            };
            move |out: &mut Out| {
                let span = lit.span();
                call.rt(out).colon2(span).ident("Some", span);
                out.group(Delimiter::Parenthesis, span, |out| {
                    call.rt(out).colon2(span).path(&["LengthUnit", variant], span);
                });
            }
        });
        if let Some((_, lit)) = &self.unit {
            // Only a string has a length in a unit: on anything else this call fails to
            // compile, at the unit.
            let span = lit.span();
            call.rt(out)
                .colon2(span)
                .path(&["rules", "length", "assert_text"], span);
            out.group(Delimiter::Parenthesis, span, |out| {
                call.value(out);
            });
            out.punct(';', false, span);
        }
        call.entry(out, "length", |out| {
            given_fields(
                out,
                call.span,
                "LengthRule",
                [
                    ("min", min.map(Value::Some)),
                    ("max", max.map(Value::Some)),
                    ("equal", self.equal.as_ref().map(|_| Value::Written(&equal))),
                    ("unit", unit.as_ref().map(|unit| Value::Written(unit))),
                ],
            );
            out.punct(',', false, call.span);
        });
    }

    fn message_is_constant(&self) -> bool {
        all_literal([&self.min, &self.max, &self.equal])
    }

    fn json_schema(&self, rt: &TokenStream) -> Option<TokenStream> {
        let (min, max) = match &self.equal {
            Some(equal) => (option_tokens(Some(equal), rt), option_tokens(Some(equal), rt)),
            None => (
                option_tokens(self.min.as_ref(), rt),
                option_tokens(self.max.as_ref(), rt),
            ),
        };
        let unit = match &self.unit {
            Some((unit, _)) => {
                let variant = match unit {
                    Unit::Chars => quote!(Chars),
                    Unit::Bytes => quote!(Bytes),
                    Unit::Utf16 => quote!(Utf16),
                };
                quote!(#rt::Some(#rt::rules::LengthUnit::#variant))
            }
            None => quote!(#rt::None),
        };
        Some(quote!(#rt::rules::length::json_schema(__mb_schema, #unit, #min, #max);))
    }

    fn params(&self) -> Option<Vec<&'static str>> {
        let mut names = match self.equal {
            Some(_) => vec!["equal"],
            None => [("min", &self.min), ("max", &self.max)]
                .into_iter()
                .filter_map(|(name, bound)| bound.as_ref().map(|_| name))
                .collect(),
        };
        names.push("unit");
        Some(names)
    }
}
