//! The impls of a type with async rules, or marked `#[validate(async)]`: its walk
//! (`NestAsync`), which checks the sync rules and makes the async rules' futures, and
//! `ValidateAsync`, which runs it; `validate()` on it does not compile, and says why.
//! And, for a type with sync rules and a context, the `ValidateAsync` that checks them
//! at once, which `ValidWith` and code written for async rules call.

use proc_macro::Delimiter;
use proc_macro2::{Span, TokenStream};
use quote::ToTokens;

use crate::out::Out;
use crate::parse::Container;
use crate::toolkit::walk::Walk;

const RT: &str = "::modelbuild::__private";

/// The return type of a walk and of `validate_async_limited`: a future of `output`
/// that may be sent between threads, so that an axum handler's is.
fn future_of(output: &str) -> String {
    format!("impl {RT}::Future<Output = {output}> + {RT}::Send + '__mb_v")
}

/// `NestAsync`, `ValidateAsync` and the inherent `validate` that refuses.
pub fn impl_validate_async(container: &Container, bounded: &[TokenStream], out: &mut Out) {
    let input = container.input;
    let context = match &container.context {
        Some(context) => context.to_token_stream().to_string(),
        None => "()".to_owned(),
    };
    // A type without a context walks with any: it passes the one it was given down to
    // the values it nests, which may take one.
    let walk_context = match &container.context {
        Some(_) => context.clone(),
        None => "__MbC".to_owned(),
    };
    let extra = container
        .context
        .is_none()
        .then_some("__MbC: ?::modelbuild::__private::Sized");
    let nest = format!("{RT}::async_rules::NestAsync<{walk_context}>");
    // The walk's future borrows the value and the context, never the node or the list
    // of errors it was given: it names what it captures.
    let mut captured: Vec<String> = vec!["'__mb_v".to_owned()];
    captured.extend(input.generics.params.iter().map(|param| match param {
        syn::GenericParam::Lifetime(param) => param.lifetime.to_string(),
        syn::GenericParam::Type(param) => param.ident.to_string(),
        syn::GenericParam::Const(param) => param.ident.to_string(),
    }));
    captured.extend(container.context_lifetimes.iter().map(ToString::to_string));
    if extra.is_some() {
        captured.push("__MbC".to_owned());
    }
    let captured = captured.join(", ");
    impl_block(out, container, extra, &nest, &nest, bounded, |out| {
        // A type whose enum arms make futures declares their variables before the
        // `match`; one arm of one variant always sets them.
        out.text(&format!(
            "#[allow(unused_assignments)] fn walk<'__mb_v>(&'__mb_v self, __mb_ctx: &'__mb_v {walk_context}, \
             __mb_at: &{RT}::PathNode<'_>, __mb_errors: &mut {RT}::ValidationErrors) \
             -> {RT}::Option<impl {RT}::async_rules::Pending + {RT}::Send + use<{captured}>>"
        ));
        out.group(Delimiter::Brace, Span::call_site(), |out| {
            crate::emit::body(container, out, Some(&Walk::new()));
        });
    });
    let validate_async = format!("{RT}::ValidateAsync<{context}>");
    let bound = format!("{RT}::async_rules::NestAsync<{context}>");
    impl_block(out, container, None, &validate_async, &bound, bounded, |out| {
        out.text(&format!(
            "fn validate_async_limited<'__mb_v>(&'__mb_v self, __mb_ctx: &'__mb_v {context}, __mb_max: usize) \
             -> {} where Self: {RT}::Sync, {context}: {RT}::Sync \
             {{ {RT}::async_rules::run(self, __mb_ctx, __mb_max) }}",
            future_of(&format!("{RT}::Result<(), {RT}::ValidationErrors>"))
        ));
    });
    refuse_sync(container, out);
}

/// An inherent `validate` (and `validate_with`, for a type with a context) that takes
/// precedence over the traits' and cannot be called: its bound, which no type meets,
/// names `validate_async`. Checked only where it is called (a bound on a lifetime the
/// method does not otherwise have defers it).
fn refuse_sync(container: &Container, out: &mut Out) {
    let refuse = format!(
        "-> {RT}::Result<(), {RT}::ValidationErrors> where for<'__mb> Self: {RT}::UseValidateAsync \
         {{ {RT}::UseValidateAsync::refused(self) }}"
    );
    out.text("#[automatically_derived] impl");
    let generics = &container.input.generics;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    out.tokens(impl_generics)
        .ident2(&container.input.ident)
        .tokens(ty_generics)
        .tokens(where_clause);
    out.group(Delimiter::Brace, Span::call_site(), |out| {
        out.text(&format!("#[doc(hidden)] #[allow(dead_code)] pub fn validate(&self) {refuse}"));
        if container.context.is_some() {
            out.text(&format!(
                "#[doc(hidden)] #[allow(dead_code)] pub fn validate_with<__MbC: ?{RT}::Sized>(&self, _: &__MbC) {refuse}"
            ));
        }
    });
}

/// `ValidateAsync<C>` for a type with sync rules and the context `C`: its rules,
/// checked at once.
pub fn forward_async(container: &Container, context: &syn::Type, bounded: &[TokenStream], out: &mut Out) {
    let context = context.to_token_stream().to_string();
    let validate_async = format!("{RT}::ValidateAsync<{context}>");
    let bound = format!("{RT}::ValidateWith<{context}>");
    impl_block(out, container, None, &validate_async, &bound, bounded, |out| {
        out.text(&format!(
            "fn validate_async_limited<'__mb_v>(&'__mb_v self, __mb_ctx: &'__mb_v {context}, _: usize) -> {} \
             {{ {RT}::ready({RT}::ValidateWith::validate_with(self, __mb_ctx)) }}",
            future_of(&format!("{RT}::Result<(), {RT}::ValidationErrors>"))
        ));
    });
}

/// `impl<generics[, extra]> trait_ for Type<generics> where <the type's where clause>,
/// <each bounded type>: bound { items }`; the lifetimes the context names are
/// parameters too.
fn impl_block(
    out: &mut Out,
    container: &Container,
    extra: Option<&str>,
    trait_: &str,
    bound: &str,
    bounded: &[TokenStream],
    items: impl FnOnce(&mut Out),
) {
    out.text("#[automatically_derived] impl");
    let input = container.input;
    let mut generics = crate::emit::impl_generics(&input.generics, &container.context_lifetimes);
    if let Some(extra) = extra {
        generics
            .params
            .push(syn::parse_str(extra).expect("a generic parameter"));
    }
    let (impl_generics, _, _) = generics.split_for_impl();
    let (_, ty_generics, where_clause) = input.generics.split_for_impl();
    out.tokens(impl_generics)
        .text(trait_)
        .text("for")
        .ident2(&input.ident)
        .tokens(ty_generics);
    out.text("where");
    for predicate in where_clause.iter().flat_map(|w| &w.predicates) {
        out.tokens(predicate).text(",");
    }
    for ty in bounded {
        out.tokens(ty).text(":").text(bound).text(",");
    }
    out.group(Delimiter::Brace, Span::call_site(), items);
}
