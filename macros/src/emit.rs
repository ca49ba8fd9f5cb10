//! The checked model -> the `Validate` impl.
//!
//! Generated code names the runtime only as `::modelbuild::__private::...`, so it
//! needs nothing from the user's imports. Calls are spanned at the rule's name, so a
//! rule on a type it cannot apply to is reported there.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned};
use syn::{DeriveInput, Ident, LitStr};

use crate::parse::{Container, Field, Fields, Shape};
use crate::rules::{Call, Rule, Sibling};

pub fn impl_validate(container: &Container) -> TokenStream {
    let body = match &container.shape {
        Shape::Struct(fields) => {
            let pattern = destructure(quote!(Self), fields);
            let checks = field_checks(fields);
            quote! {
                let #pattern = self;
                #checks
            }
        }
        Shape::Enum(variants) if variants.is_empty() => quote!(match *self {}),
        Shape::Enum(variants) => {
            let arms = variants.iter().map(|variant| {
                let ident = variant.ident;
                let pattern = destructure(quote!(Self::#ident), &variant.fields);
                let checks = field_checks(&variant.fields);
                quote!(#pattern => { #checks })
            });
            quote!(match self { #(#arms)* })
        }
    };
    let whole = container.customs.iter().map(|rule| {
        rule_call(
            rule,
            &Ident::new("self", Span::call_site()),
            &quote!(__mb_at),
            &[],
        )
    });
    wrap_impl(
        container.input,
        &nested_bounds(container),
        quote! {
            #body
            #(#whole)*
        },
    )
}

/// The impl block; `extra_bounds` are added to the type's own where clause.
fn wrap_impl(input: &DeriveInput, extra_bounds: &[TokenStream], body: TokenStream) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let mut predicates: Vec<TokenStream> = where_clause
        .map(|w| w.predicates.iter().map(|p| quote!(#p)).collect())
        .unwrap_or_default();
    predicates.extend(extra_bounds.iter().cloned());
    quote! {
        #[automatically_derived]
        impl #impl_generics ::modelbuild::__private::Validate for #ident #ty_generics
        where #(#predicates,)*
        {
            #[allow(unused_variables, clippy::needless_borrow)]
            fn validate_at(
                &self,
                __mb_at: &::modelbuild::__private::PathNode<'_>,
                __mb_errors: &mut ::modelbuild::__private::ValidationErrors,
            ) {
                #body
            }
        }
    }
}

/// The compile errors, plus an impl that does nothing: with it, the type still
/// implements `Validate` and one mistake does not spread errors through the crate.
pub fn with_errors(input: &DeriveInput, errors: Vec<syn::Error>) -> TokenStream {
    let compile_errors = errors.iter().map(syn::Error::to_compile_error);
    let fallback = match input.data {
        syn::Data::Union(_) => quote!(),
        _ => wrap_impl(input, &[], quote!()),
    };
    quote! {
        #(#compile_errors)*
        #fallback
    }
}

fn binding(index: usize) -> Ident {
    format_ident!("__mb_field_{}", index)
}

/// `Self { a: __mb_field_0, b: __mb_field_1 }` or `Self(__mb_field_0, __mb_field_1)`:
/// every field is bound, since `must_match` reads fields that have no rule of their own.
fn destructure(path: TokenStream, fields: &Fields) -> TokenStream {
    match fields {
        Fields::Named(fields) => {
            let bound = fields.iter().enumerate().map(|(i, f)| {
                let member = &f.member;
                let name = binding(i);
                quote!(#member: #name)
            });
            quote!(#path { #(#bound,)* })
        }
        Fields::Unnamed(fields) => {
            let bound = (0..fields.len()).map(binding);
            quote!(#path(#(#bound),*))
        }
        Fields::Unit => path,
    }
}

fn field_checks(fields: &Fields) -> TokenStream {
    let siblings: Vec<Sibling> = (fields.all().iter().enumerate())
        .map(|(i, field)| Sibling {
            name: field.member_name(),
            binding: binding(i),
            path_name: field.path_name.clone(),
        })
        .collect();
    let checks = (fields.all().iter().zip(&siblings))
        .filter(|(field, _)| field.rules.iter().any(|rule| !rule.kind.alone()))
        .map(|(field, sibling)| {
            let name = &field.path_name;
            let rules = (field.rules.iter())
                .map(|rule| rule_call(rule, &sibling.binding, &quote!(&__mb_here), &siblings));
            quote! {
                {
                    let __mb_here = __mb_at.field(#name);
                    #(#rules)*
                }
            }
        });
    quote!(#(#checks)*)
}

/// The statement that checks `rule` on `value`, found at the path node `at`.
pub fn rule_call(rule: &Rule, value: &Ident, at: &TokenStream, siblings: &[Sibling]) -> TokenStream {
    // Located at the rule, so that a type error points there, but resolved at the call
    // site: the rule's own span may come from a `macro_rules!` expansion, whose hygiene
    // would hide the derive's local variables (`__mb_errors`, the field bindings).
    let span = Span::call_site().located_at(rule.name.span());
    let site = site(rule);
    rule.kind.emit(&Call {
        span,
        // The same binding, spanned at the rule: a type error then points at the rule.
        value: Ident::new(&value.to_string(), span),
        at: at.clone(),
        rt: quote_spanned!(span=> ::modelbuild::__private),
        tail: quote_spanned!(span=> #at, __mb_errors, #site),
        siblings,
    })
}

/// The `Site` of one rule: its `code` and `message` overrides, and a message cache
/// when the default message depends on nothing but literals.
fn site(rule: &Rule) -> TokenStream {
    let option = |lit: &Option<LitStr>| match lit {
        Some(lit) => quote!(::core::option::Option::Some(#lit)),
        None => quote!(::core::option::Option::None),
    };
    let (code, message) = (option(&rule.code), option(&rule.message));
    let cache = if rule.message.is_none() && rule.kind.message_is_constant() {
        quote!(::core::option::Option::Some({
            static __MB_MESSAGE: ::modelbuild::__private::MessageCache =
                ::modelbuild::__private::MessageCache::new();
            &__MB_MESSAGE
        }))
    } else {
        quote!(::core::option::Option::None)
    };
    quote!(::modelbuild::__private::Site { code: #code, message: #message, cache: #cache })
}

/// `FieldType: Validate` for each `nested` field whose type mentions a type parameter,
/// as serde bounds its generic fields: `Page<T>` is `Validate` when `T` is.
fn nested_bounds(container: &Container) -> Vec<TokenStream> {
    let params: Vec<&Ident> = container.input.generics.type_params().map(|p| &p.ident).collect();
    if params.is_empty() {
        return Vec::new();
    }
    let fields: Vec<&Field> = match &container.shape {
        Shape::Struct(fields) => fields.all().iter().collect(),
        Shape::Enum(variants) => variants.iter().flat_map(|v| v.fields.all()).collect(),
    };
    fields
        .into_iter()
        .filter(|f| f.rules.iter().any(|r| r.kind.needs_validate()))
        .filter(|f| {
            let ty = f.ty;
            mentions(quote!(#ty), &params)
        })
        .map(|f| {
            let ty = f.ty;
            quote!(#ty: ::modelbuild::__private::Validate)
        })
        .collect()
}

fn mentions(tokens: TokenStream, params: &[&Ident]) -> bool {
    tokens.into_iter().any(|tree| match tree {
        TokenTree::Ident(ident) => params.iter().any(|p| **p == ident),
        TokenTree::Group(group) => mentions(group.stream(), params),
        _ => false,
    })
}
