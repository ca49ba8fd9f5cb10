//! Numeric bounds written as literals: their values, and the check that a lower bound
//! is not above an upper one. Shared by `length` and `range`.

use proc_macro::Delimiter;
use proc_macro2::Span;
use syn::{Expr, Lit, UnOp};

use crate::out::Out;

use std::cmp::Ordering;

/// A bound's literal value: integers are kept exact (an `f64` would merge
/// `9007199254740993` with `9007199254740992`), floats as `f64`.
#[derive(Clone, Copy)]
pub enum Literal {
    Int(i128),
    Float(f64),
}

impl Literal {
    fn compare(self, other: Literal) -> Option<Ordering> {
        match (self, other) {
            (Literal::Int(a), Literal::Int(b)) => Some(a.cmp(&b)),
            (a, b) => a.as_f64().partial_cmp(&b.as_f64()),
        }
    }

    pub fn as_f64(self) -> f64 {
        match self {
            Literal::Int(n) => n as f64,
            Literal::Float(n) => n,
        }
    }
}

/// One bound of a pair: its key, its expression, and whether it is exclusive.
pub type Bound<'a> = (&'a str, &'a Expr, bool);

/// Reports a pair of literal bounds that no value can fall between: `low` above
/// `high`, or equal to it when either excludes it.
pub fn check_order(low: Option<Bound>, high: Option<Bound>, errors: &mut Vec<syn::Error>) {
    let (Some((low_name, low, low_exclusive)), Some((high_name, high, high_exclusive))) = (low, high) else {
        return;
    };
    let (Some(a), Some(b)) = (literal_number(low), literal_number(high)) else {
        return;
    };
    let message = match a.compare(b) {
        Some(Ordering::Greater) => format!("`{low_name}` is greater than `{high_name}`: no value can pass"),
        Some(Ordering::Equal) if low_exclusive && high_exclusive => {
            format!("`{low_name}` equals `{high_name}`: no value lies strictly between them")
        }
        Some(Ordering::Equal) if low_exclusive || high_exclusive => {
            let excluding = if low_exclusive { low_name } else { high_name };
            format!("`{low_name}` equals `{high_name}`, and `{excluding}` excludes it: no value can pass")
        }
        _ => return,
    };
    errors.push(syn::Error::new_spanned(low, message));
}

/// The value of an integer or float literal, possibly negated. A bound whose value is
/// known here has text that cannot change between calls.
pub fn literal_number(expr: &Expr) -> Option<Literal> {
    match expr {
        Expr::Lit(lit) => match &lit.lit {
            Lit::Int(int) => match int.base10_digits().parse() {
                Ok(n) => Some(Literal::Int(n)),
                // Beyond i128 (a u128 bound): compared as a float.
                Err(_) => int.base10_digits().parse().ok().map(Literal::Float),
            },
            Lit::Float(float) => float.base10_digits().parse().ok().map(Literal::Float),
            _ => None,
        },
        Expr::Unary(unary) if matches!(unary.op, UnOp::Neg(_)) => {
            literal_number(&unary.expr).map(|n| match n {
                Literal::Int(n) => Literal::Int(-n),
                Literal::Float(n) => Literal::Float(-n),
            })
        }
        Expr::Group(group) => literal_number(&group.expr),
        Expr::Paren(paren) => literal_number(&paren.expr),
        _ => None,
    }
}

/// Whether every bound given is a number literal.
pub fn all_literal<'a>(bounds: impl IntoIterator<Item = &'a Option<Expr>>) -> bool {
    bounds
        .into_iter()
        .flatten()
        .all(|bound| literal_number(bound).is_some())
}

/// `Some(expr)` or `None`, as tokens, named through the runtime `rt`: for the schema's
/// code, which is written with `quote!`.
pub fn option_tokens(expr: Option<&Expr>, rt: &impl quote::ToTokens) -> proc_macro2::TokenStream {
    match expr {
        Some(expr) => quote::quote!(#rt::Some(#expr)),
        None => quote::quote!(#rt::None),
    }
}

/// The entry of a rule's usual form, by its suffix (`min`, `max` or `between`), and the
/// bounds it takes, in order; `None` when neither bound is given. The runtime has
/// `range_min`, `length_between` and so on, which take their bounds by value: passed as
/// a struct by reference, each call's bounds were a constant the compiler promoted, a
/// body of its own in the user's crate (see README).
pub fn usual<'a>(
    min: Option<&'a Expr>,
    max: Option<&'a Expr>,
) -> Option<(&'static str, [Option<&'a Expr>; 2])> {
    match (min, max) {
        (Some(_), None) => Some(("min", [min, None])),
        (None, Some(_)) => Some(("max", [max, None])),
        (Some(_), Some(_)) => Some(("between", [min, max])),
        (None, None) => None,
    }
}

/// The bounds of a [`usual`] entry, each followed by a comma. Each keeps its own span,
/// so a bound of the wrong type is reported at the bound.
pub fn by_value(out: &mut Out, span: Span, bounds: [Option<&Expr>; 2]) {
    for bound in bounds.into_iter().flatten() {
        out.tokens(bound).punct(',', false, span);
    }
}

/// The value of one field [`given_fields`] writes.
pub enum Value<'a> {
    /// `::modelbuild::__private::Some(expr)`, named at the call site: a bound of the
    /// wrong type is reported at the bound, which keeps its own span.
    Some(&'a Expr),
    /// What the function writes.
    Written(&'a dyn Fn(&mut Out)),
}

/// `&::modelbuild::__private::Type { name: value, ..Type::NONE }` with only the fields
/// given, as `range` and `length` pass their bounds when they are no [`usual`] form (an
/// exclusive bound, `equal`, a `unit`): by reference, so that literal bounds are a
/// constant the compiler promotes to a `static` and no frame holds them or the `NONE`
/// they are filled from. `..NONE` is left out when every field is given, since clippy
/// would flag the update in the user's crate. The type and field names are spanned at
/// the rule (`span`); each value keeps its own span, so a bound of the wrong type is
/// reported at the bound.
pub fn given_fields(out: &mut Out, span: Span, ty: &str, fields: [(&str, Option<Value>); 4]) {
    let all = fields.iter().all(|(_, value)| value.is_some());
    out.punct('&', false, span).rt(span).colon2(span).ident(ty, span);
    out.group(Delimiter::Brace, span, |out| {
        for (name, value) in &fields {
            let Some(value) = value else {
                continue;
            };
            let site = Span::call_site();
            out.ident(name, span).punct(':', false, site);
            match value {
                Value::Some(expr) => {
                    out.rt(site).colon2(site).ident("Some", site);
                    out.group(Delimiter::Parenthesis, site, |out| {
                        out.tokens(expr);
                    });
                }
                Value::Written(write) => write(out),
            }
            out.punct(',', false, site);
        }
        if !all {
            out.punct('.', true, span).punct('.', false, span);
            out.rt(span).colon2(span).path(&[ty, "NONE"], span);
        }
    });
}
