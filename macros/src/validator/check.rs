//! What validator's derive rejects although it parses: `length` and `range` without a
//! bound, `equal` beside `min` or `max`, `must_match` naming no field, a context whose
//! lifetime is not `'v_a`, and a field more than two `Option`s deep.

use syn::{GenericArgument, PathArguments, Type};

use super::parse::{Field, Kind, Model};

pub fn container(model: &Model, errors: &mut Vec<syn::Error>) {
    if let Some(context) = &model.context {
        context_lifetimes(&context.ty, errors);
    }
    let names: Vec<String> = model.fields.iter().map(|field| field.ident.to_string()).collect();
    for field in model.fields.iter().filter(|field| !field.skip) {
        if options(&field.ty) > 2 {
            errors.push(syn::Error::new_spanned(
                field.ident,
                "validator checks values inside at most two `Option`s; this field has more",
            ));
        }
        rules(field, &names, errors);
    }
}

/// The context's references live as long as `validate_with_args`'s argument: validator
/// names that lifetime `'v_a`, and takes no other.
fn context_lifetimes(ty: &syn::Path, errors: &mut Vec<syn::Error>) {
    for segment in &ty.segments {
        let PathArguments::AngleBracketed(arguments) = &segment.arguments else {
            continue;
        };
        for argument in &arguments.args {
            if let GenericArgument::Lifetime(lifetime) = argument {
                if lifetime.ident != "v_a" {
                    errors.push(syn::Error::new_spanned(
                        lifetime,
                        format!(
                            "the context's lifetime must be validator's `'v_a`, which is that of \
                             `validate_with_args`'s argument; `'{}` is not known here",
                            lifetime.ident
                        ),
                    ));
                }
            }
        }
    }
}

fn rules(field: &Field, names: &[String], errors: &mut Vec<syn::Error>) {
    for rule in field.rules.iter().filter(|rule| rule.complete) {
        let problem = match &rule.kind {
            Kind::Length {
                min: None,
                max: None,
                equal: None,
            } => Some((
                rule.name.span(),
                "`length` needs `min`, `max` or `equal`".to_owned(),
            )),
            Kind::Length {
                equal: Some(equal),
                min,
                max,
            } if min.is_some() || max.is_some() => Some((
                spanned(equal),
                "`equal` cannot be combined with `min` or `max`".to_owned(),
            )),
            Kind::Range {
                min: None,
                max: None,
                exclusive_min: None,
                exclusive_max: None,
            } => Some((
                rule.name.span(),
                "`range` needs `min`, `max`, `exclusive_min` or `exclusive_max`".to_owned(),
            )),
            Kind::MustMatch(other) => match other.get_ident() {
                Some(other) if names.iter().any(|name| other == name) => None,
                _ => Some((
                    spanned(other),
                    format!(
                        "`must_match` names no field of this struct: `{}`",
                        quote::quote!(#other)
                    ),
                )),
            },
            _ => None,
        };
        if let Some((span, message)) = problem {
            errors.push(syn::Error::new(span, message));
        }
    }
}

fn spanned(tokens: &impl quote::ToTokens) -> proc_macro2::Span {
    syn::spanned::Spanned::span(tokens)
}

/// How many `Option`s the type is, one inside the other, as validator counts them: a
/// path whose names are `Option`, `std::option::Option` or `core::option::Option`, the
/// inner type read from the first segment's arguments (so that of a bare `Option<T>`).
pub fn options(ty: &Type) -> usize {
    let Type::Path(path) = ty else {
        return 0;
    };
    let names: Vec<String> = path.path.segments.iter().map(|s| s.ident.to_string()).collect();
    let is_option = matches!(
        names.iter().map(String::as_str).collect::<Vec<_>>()[..],
        ["Option"] | ["std", "option", "Option"] | ["core", "option", "Option"]
    );
    if !is_option {
        return 0;
    }
    let inner = path
        .path
        .segments
        .first()
        .and_then(|first| match &first.arguments {
            PathArguments::AngleBracketed(arguments) => match arguments.args.first() {
                Some(GenericArgument::Type(inner)) => Some(inner),
                _ => None,
            },
            _ => None,
        });
    1 + inner.map_or(0, options)
}
