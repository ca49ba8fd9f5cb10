//! Numeric bounds written as literals: their values, and the check that a lower bound
//! is not above an upper one. Shared by `length` and `range`.

use syn::{Expr, Lit, UnOp};

/// Reports `low > high` when both are number literals.
pub fn check_order(
    low: Option<&Expr>,
    high: Option<&Expr>,
    low_name: &str,
    high_name: &str,
    errors: &mut Vec<syn::Error>,
) {
    let (Some(low), Some(high)) = (low, high) else {
        return;
    };
    if let (Some(a), Some(b)) = (literal_number(low), literal_number(high)) {
        if a > b {
            errors.push(syn::Error::new_spanned(
                low,
                format!("`{low_name}` is greater than `{high_name}`: no value can pass"),
            ));
        }
    }
}

/// The value of an integer or float literal, possibly negated. A bound whose value is
/// known here has text that cannot change between calls.
pub fn literal_number(expr: &Expr) -> Option<f64> {
    match expr {
        Expr::Lit(lit) => match &lit.lit {
            Lit::Int(int) => int.base10_digits().parse().ok(),
            Lit::Float(float) => float.base10_digits().parse().ok(),
            _ => None,
        },
        Expr::Unary(unary) if matches!(unary.op, UnOp::Neg(_)) => literal_number(&unary.expr).map(|n| -n),
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

/// `Some(expr)` or `None`, as tokens.
pub fn some(expr: Option<&Expr>) -> proc_macro2::TokenStream {
    match expr {
        Some(expr) => quote::quote!(::core::option::Option::Some(#expr)),
        None => quote::quote!(::core::option::Option::None),
    }
}
