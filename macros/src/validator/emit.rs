//! The model -> `ValidateArgs` (and `Validate` for a type with no context), written as
//! validator's derive writes them, so that the same programs compile and behave alike:
//! each rule a method of its trait on the field (`self.name.validate_length(...)`, which
//! autoref and autoderef resolve as in validator), an `Option` field's rules inside
//! `if let Some(..)` (a number bound by value), `custom` given the value as validator
//! gives it (by value for a number, `as_ref()` for a `Cow`), and every failure's
//! parameters, the value among them, added to a `ValidationError`.
//!
//! The calls are spanned at their rule, resolved at the call site: a rule on a type it
//! cannot check is reported at the rule, and the derive's locals are not hidden by the
//! hygiene of a `macro_rules!` that wrote the struct.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned, ToTokens};
use syn::{GenericParam, Ident, LitStr, Type};

use super::check::options;
use super::parse::{Common, Custom, Field, Kind, Model, Rule, Schema};

pub fn impls(model: &Model) -> TokenStream {
    let krate = &model.krate;
    let ident = &model.input.ident;
    let generics = &model.input.generics;
    let (impl_generics, type_generics, where_clause) = generics.split_for_impl();
    let args = match &model.context {
        Some(context) if context.mutable => {
            let ty = &context.ty;
            quote!(&'v_a mut #ty)
        }
        Some(context) => {
            let ty = &context.ty;
            quote!(&'v_a #ty)
        }
        None => quote!(()),
    };
    // A type with a context can only be validated with one.
    let validate = model.context.is_none().then(|| {
        quote! {
            #[automatically_derived]
            impl #impl_generics #krate::Validate for #ident #type_generics #where_clause {
                fn validate(&self) -> ::std::result::Result<(), #krate::ValidationErrors> {
                    #krate::ValidateArgs::validate_with_args(self, ())
                }
            }
        }
    });
    // An impl's parameters take no defaults.
    let params = generics.params.iter().map(|param| match param {
        GenericParam::Type(ty) => {
            let (attrs, ident, bounds) = (&ty.attrs, &ty.ident, &ty.bounds);
            let colon = ty.colon_token;
            quote!(#(#attrs)* #ident #colon #bounds)
        }
        GenericParam::Const(constant) => {
            let (attrs, ident, ty) = (&constant.attrs, &constant.ident, &constant.ty);
            quote!(#(#attrs)* const #ident: #ty)
        }
        GenericParam::Lifetime(lifetime) => lifetime.to_token_stream(),
    });
    let fields: Vec<&Field> = model.fields.iter().filter(|field| !field.skip).collect();
    let imports = imports(model, &fields);
    let checks = fields.iter().map(|field| field_checks(model, field));
    let schemas = model.schemas.iter().map(|schema| schema_check(model, schema));
    quote! {
        #validate

        #[automatically_derived]
        impl<'v_a, #(#params,)*> #krate::ValidateArgs<'v_a> for #ident #type_generics #where_clause {
            type Args = #args;

            fn validate_with_args(&self, __v_args: Self::Args) -> ::std::result::Result<(), #krate::ValidationErrors> {
                #imports
                let mut __v_errors = #krate::ValidationErrors::new();
                #(#checks)*
                #(#schemas)*
                if __v_errors.is_empty() {
                    ::std::result::Result::Ok(())
                } else {
                    ::std::result::Result::Err(__v_errors)
                }
            }
        }
    }
}

/// The errors alone: as validator's derive, no impl is written for an item it rejects.
pub fn with_errors(errors: Vec<syn::Error>) -> TokenStream {
    errors.iter().map(syn::Error::to_compile_error).collect()
}

/// `use krate::{ValidateLength as _, ...};`: the traits of the rules the struct uses,
/// each only when used (a `credit_card` without the `card` feature then fails to
/// resolve, as in validator), and `Validate` for `nested`.
fn imports(model: &Model, fields: &[&Field]) -> TokenStream {
    let krate = &model.krate;
    let mut traits: Vec<&str> = Vec::new();
    for field in fields {
        for rule in &field.rules {
            let name = match rule.kind {
                Kind::Length { .. } => "ValidateLength",
                Kind::Email => "ValidateEmail",
                Kind::CreditCard => "ValidateCreditCard",
                Kind::Url => "ValidateUrl",
                Kind::Ip { .. } => "ValidateIp",
                Kind::NonControlCharacter => "ValidateNonControlCharacter",
                Kind::Range { .. } => "ValidateRange",
                Kind::Required => "ValidateRequired",
                Kind::Contains(_) => "ValidateContains",
                Kind::DoesNotContain(_) => "ValidateDoesNotContain",
                Kind::Regex(_) => "ValidateRegex",
                Kind::MustMatch(_) => continue,
            };
            traits.push(name);
        }
        if field.nested || model.nest_all_fields {
            traits.push("Validate");
        }
    }
    traits.sort_unstable();
    traits.dedup();
    let traits = traits.into_iter().map(|name| Ident::new(name, Span::call_site()));
    quote!(#[allow(unused_imports)] use #krate::{#(#traits as _,)*};)
}

/// How a field's value is reached: `self.name`, or, for an `Option` (two at most), the
/// variable its `Some` binds, by value for a number as validator binds it.
struct Access {
    value: TokenStream,
    pattern: Option<TokenStream>,
    field: TokenStream,
    /// validator's reading of the type's spelling: a primitive number, or an `Option`
    /// or `Option<Option>` of one, is passed by value.
    number: bool,
    /// The type as written, spaced as validator sees it (`Cow <` marks a `Cow`).
    spelling: String,
}

impl Access {
    fn of(field: &Field) -> Access {
        let ident = field.ident;
        let number = is_number(&field.ty);
        let field_expr = quote!(self.#ident);
        let binding = match number {
            true => quote!(__v_value),
            false => quote!(ref __v_value),
        };
        let some = |inner: TokenStream| quote!(::std::option::Option::Some(#inner));
        let pattern = match options(&field.ty) {
            0 => None,
            1 => Some(some(binding)),
            _ => Some(some(some(binding))),
        };
        Access {
            value: match pattern {
                Some(_) => quote!(__v_value),
                None => field_expr.clone(),
            },
            pattern,
            field: field_expr,
            number,
            spelling: field.ty.to_token_stream().to_string(),
        }
    }

    /// `check` inside the field's `if let`, when it has one.
    fn within(&self, check: TokenStream) -> TokenStream {
        let field = &self.field;
        match &self.pattern {
            Some(pattern) => quote!(if let #pattern = #field { #check }),
            None => check,
        }
    }

    /// What `custom` passes its function.
    fn custom_argument(&self) -> TokenStream {
        let value = &self.value;
        if self.spelling.contains("Cow <") {
            quote!(#value.as_ref())
        } else if self.number || self.spelling.starts_with('&') {
            value.clone()
        } else {
            quote!(&#value)
        }
    }
}

const NUMBERS: &[&str] = &[
    "usize", "u8", "u16", "u32", "u64", "u128", "isize", "i8", "i16", "i32", "i64", "i128", "f32", "f64",
];

/// Whether the type is spelled `u8` (any primitive number), `Option<u8>` or
/// `Option<Option<u8>>`, with a bare `Option`: the spellings validator passes by value.
fn is_number(ty: &Type) -> bool {
    fn depth(ty: &Type, options: usize) -> bool {
        let Type::Path(path) = ty else {
            return false;
        };
        if path.qself.is_some() || path.path.leading_colon.is_some() || path.path.segments.len() != 1 {
            return false;
        }
        let segment = &path.path.segments[0];
        let name = segment.ident.to_string();
        match &segment.arguments {
            syn::PathArguments::None => NUMBERS.contains(&name.as_str()),
            syn::PathArguments::AngleBracketed(arguments) if name == "Option" && options < 2 => {
                match arguments.args.iter().collect::<Vec<_>>()[..] {
                    [syn::GenericArgument::Type(inner)] => depth(inner, options + 1),
                    _ => false,
                }
            }
            _ => false,
        }
    }
    depth(ty, 0)
}

/// Where a rule's code is spanned: at the rule, resolved at the call site.
fn at(name: &Ident) -> Span {
    Span::call_site().located_at(name.span())
}

fn field_checks(model: &Model, field: &Field) -> TokenStream {
    let access = Access::of(field);
    let mut rules: Vec<&Rule> = field.rules.iter().collect();
    rules.sort_by_key(|rule| rule.kind.order());
    let mut out = TokenStream::new();
    for rule in rules {
        out.extend(rule_check(model, field, &access, rule));
    }
    if !field.customs.is_empty() {
        let customs = field
            .customs
            .iter()
            .map(|custom| custom_check(model, field, &access, custom));
        out.extend(access.within(quote!(#(#customs)*)));
    }
    if field.nested || model.nest_all_fields {
        let (name, value) = (field.ident.to_string(), &access.value);
        // A field's own errors take priority: its contents are looked at only when it
        // has none, and their errors go under its name.
        out.extend(access.within(quote! {
            if !__v_errors.errors().contains_key(#name) {
                __v_errors.merge_self(#name, (&#value).validate());
            }
        }));
    }
    out
}

/// `if !<check> { <error with params>; errors.add(field, error) }` for one rule.
fn rule_check(model: &Model, field: &Field, access: &Access, rule: &Rule) -> TokenStream {
    let span = at(&rule.name);
    let value = &access.value;
    let some = |expr: &Option<syn::Expr>| match expr {
        Some(expr) => quote_spanned!(span=> ::std::option::Option::Some(#expr)),
        None => quote_spanned!(span=> ::std::option::Option::None),
    };
    let param = |name: &str, expr: &dyn ToTokens| Some((name.to_owned(), expr.to_token_stream()));
    let (code, check, params): (&str, TokenStream, Vec<Option<(String, TokenStream)>>) = match &rule.kind {
        Kind::Length { min, max, equal } => {
            let (low, high, exact) = (some(min), some(max), some(equal));
            let params = [("min", min), ("max", max), ("equal", equal)]
                .map(|(name, bound)| bound.as_ref().and_then(|bound| param(name, bound)));
            (
                "length",
                quote_spanned!(span=> #value.validate_length(#low, #high, #exact)),
                params.to_vec(),
            )
        }
        Kind::Email => ("email", quote_spanned!(span=> #value.validate_email()), vec![]),
        Kind::CreditCard => (
            "credit_card",
            quote_spanned!(span=> #value.validate_credit_card()),
            vec![],
        ),
        Kind::Url => ("url", quote_spanned!(span=> #value.validate_url()), vec![]),
        Kind::NonControlCharacter => (
            "non_control_character",
            quote_spanned!(span=> #value.validate_non_control_character()),
            vec![],
        ),
        Kind::Ip { v4, v6 } => {
            let method = match (v4, v6) {
                (Some(true), Some(false)) | (Some(true), None) => "validate_ipv4",
                (Some(false), Some(true)) | (None, Some(true)) => "validate_ipv6",
                _ => "validate_ip",
            };
            let method = Ident::new(method, span);
            ("ip", quote_spanned!(span=> #value.#method()), vec![])
        }
        Kind::Range {
            min,
            max,
            exclusive_min,
            exclusive_max,
        } => {
            let bounds = [some(min), some(max), some(exclusive_min), some(exclusive_max)];
            let params = [
                ("min", min),
                ("max", max),
                ("exclusive_min", exclusive_min),
                ("exclusive_max", exclusive_max),
            ]
            .map(|(name, bound)| bound.as_ref().and_then(|bound| param(name, bound)));
            (
                "range",
                quote_spanned!(span=> #value.validate_range(#(#bounds),*)),
                params.to_vec(),
            )
        }
        Kind::Required => {
            // On the field itself, `None` included: not inside its `if let`.
            let field_expr = &access.field;
            let check = quote_spanned!(span=> #field_expr.validate_required());
            let error = report(
                model,
                field,
                rule.common.code.as_ref(),
                "required",
                &rule.common,
                &[],
                field_expr,
            );
            return quote_spanned!(span=> if !#check { #error });
        }
        Kind::Contains(needle) => (
            "contains",
            quote_spanned!(span=> #value.validate_contains(#needle)),
            vec![param("needle", needle)],
        ),
        Kind::DoesNotContain(needle) => (
            "does_not_contain",
            quote_spanned!(span=> #value.validate_does_not_contain(#needle)),
            vec![param("needle", needle)],
        ),
        Kind::MustMatch(other) => {
            let krate = &model.krate;
            let other = quote!(self.#other);
            (
                "must_match",
                quote_spanned!(span=> #krate::validate_must_match(&#value, &#other)),
                vec![param("other", &other)],
            )
        }
        Kind::Regex(path) => (
            "regex",
            quote_spanned!(span=> #value.validate_regex(&#path)),
            vec![],
        ),
    };
    let params: Vec<(String, TokenStream)> = params.into_iter().flatten().collect();
    let error = report(
        model,
        field,
        rule.common.code.as_ref(),
        code,
        &rule.common,
        &params,
        value,
    );
    access.within(quote_spanned!(span=> if !#check { #error }))
}

/// Makes the error of a failed rule (its code, the attribute's message, its parameters
/// and the value) and adds it to the field's errors.
fn report(
    model: &Model,
    field: &Field,
    code: Option<&LitStr>,
    default: &str,
    common: &Common,
    params: &[(String, TokenStream)],
    value: &TokenStream,
) -> TokenStream {
    let krate = &model.krate;
    let code = code.map_or_else(|| default.to_token_stream(), ToTokens::to_token_stream);
    let message = option_lit(common.message.as_ref());
    let (names, exprs): (Vec<&String>, Vec<&TokenStream>) = params.iter().map(|(n, e)| (n, e)).unzip();
    let name = field.ident.to_string();
    quote! {
        let mut __v_error = #krate::__private::error(#code, #message);
        #(__v_error.add_param(::std::borrow::Cow::Borrowed(#names), &#exprs);)*
        __v_error.add_param(::std::borrow::Cow::Borrowed("value"), &#value);
        __v_errors.add(#name, __v_error);
    }
}

fn option_lit(lit: Option<&LitStr>) -> TokenStream {
    match lit {
        Some(lit) => quote!(::std::option::Option::Some(#lit)),
        None => quote!(::std::option::Option::None),
    }
}

/// A `custom` function's call: its error gets the attribute's `code` and `message` when
/// given, and the value.
fn custom_check(model: &Model, field: &Field, access: &Access, custom: &Custom) -> TokenStream {
    let span = at(&custom.name);
    let krate = &model.krate;
    let function = &custom.function;
    let argument = access.custom_argument();
    let context = custom.use_context.then(|| quote_spanned!(span=> , __v_args));
    let (code, message) = (
        option_lit(custom.common.code.as_ref()),
        option_lit(custom.common.message.as_ref()),
    );
    let (value, name) = (&access.value, field.ident.to_string());
    quote_spanned! {span=>
        match #function(#argument #context) {
            ::std::result::Result::Ok(()) => {}
            ::std::result::Result::Err(__v_error) => {
                let mut __v_error = #krate::__private::replace(__v_error, #code, #message);
                __v_error.add_param(::std::borrow::Cow::Borrowed("value"), &#value);
                __v_errors.add(#name, __v_error);
            }
        }
    }
}

/// A `schema` function on the whole value, its errors under `__all__`; unless told
/// `skip_on_field_errors = false`, it runs only when no field failed (another `schema`
/// function's errors do not count).
fn schema_check(model: &Model, schema: &Schema) -> TokenStream {
    let span = at(&schema.name);
    let krate = &model.krate;
    let function = &schema.function;
    let context = schema.use_context.then(|| quote_spanned!(span=> , __v_args));
    let (code, message) = (
        option_lit(schema.common.code.as_ref()),
        option_lit(schema.common.message.as_ref()),
    );
    let call = quote_spanned! {span=>
        match #function(&self #context) {
            ::std::result::Result::Ok(()) => {}
            ::std::result::Result::Err(__v_error) => {
                __v_errors.add("__all__", #krate::__private::replace(__v_error, #code, #message));
            }
        }
    };
    match schema.skip_on_field_errors {
        true => quote!(if #krate::__private::schema_runs(&__v_errors) { #call }),
        false => call,
    }
}
