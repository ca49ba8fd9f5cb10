//! `custom = path::to_fn`, `custom(function = path::to_fn, args(...), code = "...",
//! message = "...")`: a function of the user's on the field (or, on the type, on the
//! whole value), called with the value, then the type's context if it declares one,
//! then the `args`. With `async`, the function returns a future (an `async fn`), and
//! the type is validated with `validate_async`. validator's spellings are read too:
//! a quoted `function = "path"`, and `use_context`, which says what is done anyway.
//! `schema(...)` on the type is a whole-value `custom` that, as validator's, runs only
//! when every field passed (unless `skip_on_field_errors = false`).

use proc_macro::Delimiter;
use syn::meta::ParseNestedMeta;
use syn::punctuated::Punctuated;
use syn::{Expr, Ident, Token};

use crate::args::{self, Common};
use crate::out::Out;
use crate::toolkit::{Call, RuleKind, Target};

struct Custom {
    function: syn::Path,
    /// Extra arguments: a name of a field of the same value is that field, by
    /// reference; anything else (a literal, a constant) is passed as written.
    args: Vec<Expr>,
    /// `async`: the function returns a future of what a sync one returns.
    asynchronous: bool,
    /// `schema(...)`: on the whole value, called only when no field failed.
    after_fields: bool,
}

pub fn parse(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    read(name, meta, errors, common, false)
}

/// `#[validate(schema(function = f, ...))]` on the type, validator's type-level rule.
pub fn parse_schema(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    read(name, meta, errors, common, true)
}

fn read(
    name: &Ident,
    meta: &ParseNestedMeta,
    errors: &mut Vec<syn::Error>,
    common: &mut Common,
    schema: bool,
) -> syn::Result<Box<dyn RuleKind>> {
    let mut function: Option<syn::Path> = None;
    // validator's default for `schema`: only when every field passed.
    let mut after_fields = schema;
    let mut extra: Option<Vec<Expr>> = None;
    let mut asynchronous: Option<()> = None;
    let known = match schema {
        true => "`function`, `args`, `async`, `use_context`, `skip_on_field_errors`, `code` or `message`",
        false => "`function`, `args`, `async`, `use_context`, `code` or `message`",
    };
    if args::has_args(meta) {
        args::read(name, meta, errors, common, known, |key, arg| {
            if key == "function" {
                args::set_once(&mut function, arg, args::path_value)?;
            } else if key == "use_context" {
                // The function receives the context whenever the type declares one.
                if !args::flag_value(arg)? {
                    return Err(arg.error(
                        "here a custom function receives the type's context whenever it declares one; \
                             remove `use_context = false`",
                    ));
                }
            } else if key == "skip_on_field_errors" && schema {
                after_fields = args::flag_value(arg)?;
            } else if key == "async" {
                args::set_once(&mut asynchronous, arg, |arg| {
                    if !arg.input.is_empty() && !arg.input.peek(Token![,]) {
                        return Err(arg.error("`async` takes no value: `custom(function = f, async)`"));
                    }
                    Ok(())
                })?;
            } else if key == "args" {
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
        })?;
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
        asynchronous: asynchronous.is_some(),
        after_fields,
    }))
}

/// `, __mb_fields, &__mb_fields_at,`: the whole value's table of fields and the node
/// they hang from, which a rule on the whole value puts its errors under.
fn whole_tail(call: &Call, out: &mut Out) {
    let span = call.span;
    let site = proc_macro2::Span::call_site();
    out.punct(',', false, span)
        .ident("__mb_fields", site)
        .punct(',', false, site);
    out.punct('&', false, site)
        .ident("__mb_fields_at", site)
        .punct(',', false, span);
}

impl RuleKind for Custom {
    fn target(&self) -> Target {
        Target::Anything
    }

    fn emit(&self, call: &Call, out: &mut Out) {
        let span = call.span;
        // `function(value, [context,] args...)`, the value written by `value`.
        let invoke = |out: &mut Out, value: &dyn Fn(&mut Out)| {
            out.tokens(&self.function);
            out.group(Delimiter::Parenthesis, span, |out| {
                value(out);
                if call.context.is_some() {
                    // Spanned at the rule: a function whose context parameter has the
                    // wrong type is reported at the attribute.
                    out.punct(',', false, span).ident("__mb_ctx", span);
                }
                for arg in &self.args {
                    out.punct(',', false, span);
                    let field = match arg {
                        Expr::Path(path) if path.qself.is_none() => path.path.get_ident(),
                        _ => None,
                    };
                    match field.and_then(|ident| call.siblings.iter().find(|s| *ident == s.name)) {
                        Some(sibling) => sibling.write(out, span),
                        None => out.tokens(arg),
                    };
                }
            });
        };
        match (call.whole, call.walk.filter(|_| self.asynchronous)) {
            (true, None) => {
                let whole = |out: &mut Out| {
                    call.method(out, "custom_whole");
                    out.group(Delimiter::Parenthesis, span, |out| {
                        out.punct('|', true, span).punct('|', false, span);
                        invoke(out, &|out| {
                            call.value(out);
                        });
                        whole_tail(call, out);
                        call.tail(out);
                    });
                    out.punct(';', false, span);
                };
                // `schema`: only when every field passed (the emitter sets the flag).
                match self.after_fields {
                    true => {
                        out.ident("if", span).ident("__mb_fields_passed", span);
                        out.group(Delimiter::Brace, span, whole);
                    }
                    false => whole(out),
                }
            }
            (false, None) => call.entry(out, "custom", |out| {
                out.punct('|', false, span)
                    .ident("__mb_value", span)
                    .punct('|', false, span);
                invoke(out, &|out| {
                    out.ident("__mb_value", span);
                });
                out.punct(',', false, span);
            }),
            // `let __mb_q<n> = __mb_site<s>.custom_async(value, |v| f(v, ...), passed,
            // base, __mb_errors);`: the future, made when the value passed
            // its sync rules.
            (whole, Some(walk)) => {
                walk.bind(out, span);
                match whole {
                    true => {
                        call.method(out, "custom_whole_async");
                        out.group(Delimiter::Parenthesis, span, |out| {
                            out.punct('|', true, span).punct('|', false, span);
                            invoke(out, &|out| {
                                call.value(out);
                            });
                            out.punct(',', false, span).text(&walk.passed());
                            whole_tail(call, out);
                            call.tail(out);
                        });
                    }
                    false => {
                        call.method(out, "custom_async");
                        out.group(Delimiter::Parenthesis, span, |out| {
                            call.value(out).punct(',', false, span);
                            out.punct('|', false, span)
                                .ident("__mb_value", span)
                                .punct('|', false, span);
                            invoke(out, &|out| {
                                out.ident("__mb_value", span);
                            });
                            out.punct(',', false, span).text(&walk.passed());
                            out.punct(',', false, span);
                            call.tail(out);
                        });
                    }
                }
                out.punct(';', false, span);
            }
        }
    }

    fn is_async(&self) -> bool {
        self.asynchronous
    }

    fn after_fields(&self) -> bool {
        self.after_fields
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
