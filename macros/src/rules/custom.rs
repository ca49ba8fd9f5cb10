//! `custom = path::to_fn`, `custom(function = path::to_fn, args(...), code = "...",
//! message = "...")`: a function of the user's on the field (or, on the type, on the
//! whole value), called with the value, then the type's context if it declares one,
//! then the `args`.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::meta::ParseNestedMeta;
use syn::punctuated::Punctuated;
use syn::{Expr, Ident, Token};

use super::{Call, RuleKind, Target};
use crate::args::{self, Common};

struct Custom {
    function: syn::Path,
    /// Extra arguments: a name of a field of the same value is that field, by
    /// reference; anything else (a literal, a constant) is passed as written.
    args: Vec<Expr>,
}

pub fn parse(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    let mut function: Option<syn::Path> = None;
    let mut extra: Option<Vec<Expr>> = None;
    if args::has_args(meta) {
        args::read(
            name,
            meta,
            errors,
            common,
            "`function`, `args`, `code` or `message`",
            |arg| {
                if arg.path.is_ident("function") {
                    args::set_once(&mut function, arg, |arg| arg.value()?.parse())?;
                } else if arg.path.is_ident("args") {
                    args::set_once(&mut extra, arg, |arg| {
                        let content;
                        syn::parenthesized!(content in arg.input);
                        let list = Punctuated::<Expr, Token![,]>::parse_terminated(&content)?;
                        Ok(list.into_iter().collect())
                    })?;
                } else {
                    return Ok(false);
                }
                Ok(true)
            },
        )?;
    } else if meta.input.peek(Token![=]) {
        function = Some(meta.value()?.parse()?);
    }
    let function = function.ok_or_else(|| {
        syn::Error::new_spanned(
            name,
            "`custom` needs a function: `custom = path::to_fn` or `custom(function = path::to_fn, args(...))`",
        )
    })?;
    Ok(Box::new(Custom {
        function,
        args: extra.unwrap_or_default(),
    }))
}

impl RuleKind for Custom {
    fn target(&self) -> Target {
        Target::Anything
    }

    fn emit(&self, call: &Call) -> TokenStream {
        let Call {
            span,
            value,
            rt,
            tail,
            siblings,
            context,
            whole,
            ..
        } = call;
        let function = &self.function;
        // Spanned at the rule: a function whose context parameter has the wrong
        // type is reported at the attribute.
        let context = context.map(|_| quote_spanned!(*span=> __mb_ctx));
        let extra = self.args.iter().map(|arg| {
            let field = match arg {
                Expr::Path(path) if path.qself.is_none() => path.path.get_ident(),
                _ => None,
            };
            match field.and_then(|ident| siblings.iter().find(|s| *ident == s.name)) {
                Some(sibling) => {
                    let binding = Ident::new(&sibling.binding.to_string(), *span);
                    quote_spanned!(*span=> #binding)
                }
                None => quote!(#arg),
            }
        });
        let arguments: Vec<TokenStream> = context.into_iter().chain(extra).collect();
        match whole {
            Some(fields) => quote_spanned! {*span=>
                #rt::rules::custom::check_whole(|| #function(#value #(, #arguments)*), #fields, #tail);
            },
            None => quote_spanned! {*span=>
                #rt::custom(#value, |__mb_value| #function(__mb_value #(, #arguments)*), #tail);
            },
        }
    }

    fn message_is_constant(&self) -> bool {
        false
    }

    fn repeatable(&self) -> bool {
        true
    }

    fn params(&self) -> Option<Vec<&'static str>> {
        None
    }
}
