//! The checked model -> the `Validate` impl.
//!
//! Generated code names the runtime only as `::modelbuild::__private::...`, so it
//! needs nothing from the user's imports. Calls are spanned at the rule's name, so a
//! rule on a type it cannot apply to is reported there.

use std::cell::RefCell;

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned};
use syn::{Ident, LitStr};

use crate::input::{Data, Input};
use crate::parse::{Container, Field, Fields, Place, Shape, Variant};
use crate::rules::{Call, Rule, Sibling};

pub fn impl_validate(container: &Container) -> TokenStream {
    let context = container.context.as_ref();
    let sites = RefCell::new(Vec::new());
    let body = match &container.shape {
        Shape::Struct(fields) => {
            let pattern = destructure(quote!(Self), fields);
            let checks = field_checks(fields, &at_ident(), context, &sites);
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
                let (base, steps) = variant_base(variant);
                let checks = field_checks(&variant.fields, &base, context, &sites);
                quote!(#pattern => { #steps #checks })
            });
            quote!(match self { #(#arms)* })
        }
    };
    let whole = whole_value_checks(container, &sites);
    let sites = site_table(sites.into_inner());
    // One short name for the runtime: every rule call below names it, and a long path
    // in each costs the compiler a resolution per segment, thousands of times in a
    // large crate.
    let body = quote! {
        use ::modelbuild::__private as __mb;
        #sites
        #body
        #whole
    };
    let input = container.input;
    let bounds = nested_bounds(container);
    let schema = schema_rules(|| crate::schema::impl_rules(container));
    let validate = match &container.context {
        Some(context) => wrap_impl(
            input,
            quote!(::modelbuild::__private::ValidateWith<#context>),
            &bounds(quote!(::modelbuild::__private::ValidateWith<#context>)),
            quote! {
                fn validate_with_at(
                    &self,
                    __mb_ctx: &#context,
                    __mb_at: &::modelbuild::__private::PathNode<'_>,
                    __mb_errors: &mut ::modelbuild::__private::ValidationErrors,
                ) {
                    #body
                }
            },
        ),
        None => context_free(input, &bounds(quote!(::modelbuild::__private::Validate)), body),
    };
    quote!(#validate #schema)
}

/// The `JsonSchemaRules` impl when modelbuild's feature `schemars` is on, which it
/// forwards here; nothing otherwise.
fn schema_rules(make: impl FnOnce() -> TokenStream) -> TokenStream {
    if cfg!(feature = "schemars") {
        make()
    } else {
        TokenStream::new()
    }
}

/// `Validate`, with `body`. A type with no context implements nothing else: nested in
/// a type with a context, it is validated without it (see the runtime's
/// `rules::nested`).
fn context_free(input: &Input, bounds: &[TokenStream], body: TokenStream) -> TokenStream {
    wrap_impl(
        input,
        quote!(::modelbuild::__private::Validate),
        bounds,
        quote! {
            fn validate_at(
                &self,
                __mb_at: &::modelbuild::__private::PathNode<'_>,
                __mb_errors: &mut ::modelbuild::__private::ValidationErrors,
            ) {
                #body
            }
        },
    )
}

/// The impl block of `trait_` holding `items`; `extra_bounds` are added to the type's
/// own where clause.
pub fn wrap_impl(
    input: &Input,
    trait_: TokenStream,
    extra_bounds: &[TokenStream],
    items: TokenStream,
) -> TokenStream {
    let ident = &input.ident;
    let (_, ty_generics, where_clause) = input.generics.split_for_impl();
    let params = input.generics.params.iter();
    let mut predicates: Vec<TokenStream> = where_clause
        .map(|w| w.predicates.iter().map(|p| quote!(#p)).collect())
        .unwrap_or_default();
    predicates.extend(extra_bounds.iter().cloned());
    quote! {
        #[automatically_derived]
        #[allow(unused_variables, clippy::needless_borrow)]
        impl<#(#params),*> #trait_ for #ident #ty_generics
        where #(#predicates,)*
        {
            #items
        }
    }
}

/// The compile errors, plus an impl that does nothing: with it, the type still
/// implements `Validate` and one mistake does not spread errors through the crate.
pub fn with_errors(input: &Input, errors: Vec<syn::Error>) -> TokenStream {
    let compile_errors = errors.iter().map(syn::Error::to_compile_error);
    let fallback = match input.data {
        Data::Union(_) => quote!(),
        _ => {
            let schema = schema_rules(|| crate::schema::rules_impl(input, quote!()));
            let validate = context_free(input, &[], quote!());
            quote!(#validate #schema)
        }
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

/// The node a variant's fields hang from, as an expression: under its base name, or
/// where the enum is.
fn variant_node(variant: &Variant) -> TokenStream {
    match &variant.base {
        Some(name) => quote!(__mb_at.field(#name)),
        None => quote!(*__mb_at),
    }
}

/// The node a variant's fields hang from, as a reference (`__mb_variant`, or
/// `__mb_at` itself when serde puts them where the enum is), and the statement that
/// makes it.
fn variant_base(variant: &Variant) -> (Ident, TokenStream) {
    match variant.base {
        Some(_) => {
            let node = variant_node(variant);
            let base = Ident::new("__mb_variant", Span::call_site());
            (base, quote!(let __mb_variant = &#node;))
        }
        None => (at_ident(), TokenStream::new()),
    }
}

/// `__mb_at`, the node the validated value is at. Bases are single identifiers:
/// spliced into `quote!`'s output as they are, where a token stream would cost the
/// derive a round trip to the compiler in every rule call.
fn at_ident() -> Ident {
    Ident::new("__mb_at", Span::call_site())
}

/// The node of a field at `place`, from the node `base` its value's fields hang from.
fn node(place: &Place, base: &Ident) -> TokenStream {
    match place {
        Place::Field(name) => quote!(#base.field(#name)),
        Place::Index(index) => quote!(#base.index(#index)),
        Place::Here => quote!(*#base),
    }
}

fn siblings(fields: &Fields) -> Vec<Sibling> {
    (fields.all().iter().enumerate())
        .map(|(i, field)| Sibling {
            name: field.member_name(),
            binding: binding(i),
            path_name: field.path_name(),
        })
        .collect()
}

fn field_checks(
    fields: &Fields,
    base: &Ident,
    context: Option<&syn::Type>,
    sites: &RefCell<Vec<TokenStream>>,
) -> TokenStream {
    let siblings = siblings(fields);
    let scope = Scope {
        siblings: &siblings,
        context,
        whole: None,
        sites,
    };
    let checks = (fields.all().iter().zip(&siblings))
        .filter(|(field, _)| field.rules.iter().any(|rule| !rule.kind.alone()))
        .flat_map(|(field, sibling)| {
            (field.rules.iter()).map(|rule| rule_call(rule, &sibling.binding, base, &field.place, &scope))
        });
    // Collected at once: one round trip to the compiler, where `#(#checks)*` makes one
    // per check.
    checks.collect()
}

/// The `custom` rules on the whole value, after every field's: each may name fields,
/// found through a table of the value's fields and the node they hang from (which, for
/// an enum, depends on the variant).
fn whole_value_checks(container: &Container, sites: &RefCell<Vec<TokenStream>>) -> TokenStream {
    if container.customs.is_empty() {
        return TokenStream::new();
    }
    let table = |fields: &Fields| {
        let entries = fields.all().iter().map(|field| {
            let rust = field.member_name();
            let place = match &field.place {
                Place::Field(name) => quote!(Field(#name)),
                Place::Index(index) => quote!(Index(#index)),
                Place::Here => quote!(Here),
            };
            quote!((#rust, ::modelbuild::__private::rules::custom::Place::#place))
        });
        quote!(&[#(#entries),*])
    };
    let (setup, siblings) = match &container.shape {
        Shape::Struct(fields) => {
            let table = table(fields);
            let setup = quote! {
                let __mb_fields: &[::modelbuild::__private::rules::custom::FieldPlace] = #table;
                let __mb_fields_at: ::modelbuild::__private::PathNode<'_> = *__mb_at;
            };
            (setup, siblings(fields))
        }
        Shape::Enum(variants) if variants.is_empty() => return TokenStream::new(),
        Shape::Enum(variants) => {
            let arms = variants.iter().map(|variant| {
                let ident = variant.ident;
                let pattern = match &variant.fields {
                    Fields::Named(_) => quote!(Self::#ident { .. }),
                    Fields::Unnamed(_) => quote!(Self::#ident(..)),
                    Fields::Unit => quote!(Self::#ident),
                };
                let table = table(&variant.fields);
                let node = variant_node(variant);
                quote!(#pattern => (#table, #node),)
            });
            let setup = quote! {
                let (__mb_fields, __mb_fields_at): (
                    &[::modelbuild::__private::rules::custom::FieldPlace],
                    ::modelbuild::__private::PathNode<'_>,
                ) = match self { #(#arms)* };
            };
            (setup, Vec::new())
        }
    };
    let scope = Scope {
        siblings: &siblings,
        context: container.context.as_ref(),
        whole: Some(quote!(__mb_fields, &__mb_fields_at)),
        sites,
    };
    let calls = (container.customs.iter()).map(|rule| {
        rule_call(
            rule,
            &Ident::new("self", Span::call_site()),
            &at_ident(),
            &Place::Here,
            &scope,
        )
    });
    quote! {
        #setup
        #(#calls)*
    }
}

/// What generated code around a rule has: the value's other fields, the type of the
/// context `__mb_ctx` when one is in scope, for a rule on the whole value, its field
/// table, and the type's table of call sites, which each rule's call adds to.
pub struct Scope<'a> {
    pub siblings: &'a [Sibling],
    pub context: Option<&'a syn::Type>,
    pub whole: Option<TokenStream>,
    pub sites: &'a RefCell<Vec<TokenStream>>,
}

/// The statement that checks `rule` on `value`, found at `place` under the path node
/// `base`.
pub fn rule_call(rule: &Rule, value: &Ident, base: &Ident, place: &Place, scope: &Scope) -> TokenStream {
    // Located at the rule, so that a type error points there, but resolved at the call
    // site: the rule's own span may come from a `macro_rules!` expansion, whose hygiene
    // would hide the derive's local variables (`__mb_errors`, the field bindings).
    let span = Span::call_site().located_at(rule.name.span());
    // A rule that reports its own errors gets the base node and its site, which says
    // where the value is: its node is made only when it fails. The others (`nested`,
    // `each`, `keys`) walk into the value, so they get its node. Each gets only what it
    // reads: every token built here is paid for in every derive.
    let (at, tail) = match rule.kind.reports() {
        true => {
            let mut sites = scope.sites.borrow_mut();
            let index = sites.len();
            sites.push(site(rule, place));
            (
                TokenStream::new(),
                quote_spanned!(span=> #base, __mb_errors, &__MB_SITES[#index]),
            )
        }
        false => {
            let node = node(place, base);
            (quote!(&#node), TokenStream::new())
        }
    };
    rule.kind.emit(&Call {
        span,
        // The same binding, spanned at the rule: a type error then points at the rule.
        value: Ident::new(&value.to_string(), span),
        at,
        rt: Ident::new("__mb", span),
        tail,
        siblings: scope.siblings,
        context: scope.context,
        whole: scope.whole.clone(),
        sites: scope.sites,
    })
}

/// The `Site` of one rule: where its value is, its `code` and `message` overrides, and
/// a cache for its report when its message and parameters depend on nothing but
/// literals.
/// Written with the fewest tokens that say it, since every rule of every derive has
/// one.
fn site(rule: &Rule, place: &Place) -> TokenStream {
    // Every error of a cached site refers to what the site made on its first failure,
    // so a site caches whenever its message cannot differ from one failure to the next.
    let cached = rule.kind.message_is_constant();
    if let (None, None, true, Place::Field(name)) = (&rule.code, &rule.message, cached, place) {
        return quote!(__mb::Site::field(#name));
    }
    let place = match place {
        Place::Field(name) => quote!(__mb::Place::Field(#name)),
        Place::Index(index) => quote!(__mb::Place::Index(#index)),
        Place::Here => quote!(__mb::Place::Here),
    };
    let option = |lit: &Option<LitStr>| match lit {
        Some(lit) => quote!(__mb::Some(#lit)),
        None => quote!(__mb::None),
    };
    match (&rule.code, &rule.message, cached) {
        (None, None, true) => quote!(__mb::Site::cached(#place)),
        (None, None, false) => quote!(__mb::Site::plain(#place)),
        (code, message, cached) => {
            let (code, message) = (option(code), option(message));
            quote!(__mb::Site::new(#place, #code, #message, #cached))
        }
    }
}

/// The type's one `static` of call sites, which its rules' calls point into; nothing
/// when no rule reports.
fn site_table(sites: Vec<TokenStream>) -> TokenStream {
    if sites.is_empty() {
        return TokenStream::new();
    }
    let count = sites.len();
    quote!(static __MB_SITES: [__mb::Site; #count] = [#(#sites),*];)
}

/// `FieldType: <trait>` for each `nested` field whose type mentions a type parameter,
/// as serde bounds its generic fields: `Page<T>` is `Validate` when `T` is.
fn nested_bounds<'c>(container: &'c Container) -> impl Fn(TokenStream) -> Vec<TokenStream> + 'c {
    let params: Vec<&Ident> = container.input.generics.type_params().map(|p| &p.ident).collect();
    let fields: Vec<&Field> = match &container.shape {
        Shape::Struct(fields) => fields.all().iter().collect(),
        Shape::Enum(variants) => variants.iter().flat_map(|v| v.fields.all()).collect(),
    };
    let types: Vec<TokenStream> = fields
        .into_iter()
        .filter(|_| !params.is_empty())
        .filter(|f| f.rules.iter().any(|r| r.kind.needs_validate()))
        .map(|f| f.ty.iter().cloned().collect())
        .filter(|ty: &TokenStream| mentions(ty.clone(), &params))
        .collect();
    move |trait_| types.iter().map(|ty| quote!(#ty: #trait_)).collect()
}

fn mentions(tokens: TokenStream, params: &[&Ident]) -> bool {
    tokens.into_iter().any(|tree| match tree {
        TokenTree::Ident(ident) => params.iter().any(|p| **p == ident),
        TokenTree::Group(group) => mentions(group.stream(), params),
        _ => false,
    })
}
