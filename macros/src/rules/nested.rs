//! `nested`: the value's own rules, its paths under the field's.

use proc_macro::Delimiter;
use syn::meta::ParseNestedMeta;
use syn::Ident;

use crate::args::Common;
use crate::out::Out;
use crate::toolkit::{Call, RuleKind, Target};
use crate::types::Base;

struct Nested;

pub fn parse(
    name: &Ident,
    meta: &ParseNestedMeta,
    _errors: &mut Vec<syn::Error>,
    _common: &mut Common,
) -> syn::Result<Box<dyn RuleKind>> {
    crate::args::bare(name, meta)?;
    Ok(Box::new(Nested))
}

/// The `nested` that validator's `nest_all_fields` puts on a field.
pub fn implied() -> Box<dyn RuleKind> {
    Box::new(Nested)
}

impl RuleKind for Nested {
    fn target(&self) -> Target {
        Target::Bases {
            label: "nested",
            fits: &[Base::Collection],
            needs: "a type that implements `Validate`",
        }
    }

    fn emit(&self, call: &Call, out: &mut Out) {
        let span = call.span;
        if let Some(walk) = call.walk {
            // In a type with async rules: `let __mb_q<n> = { use ...; (&&&Nest(value,
            // __mb_ctx)).choose().walk(base, place, __mb_errors) };`, the value's walk when its
            // type has async rules, its sync rules checked now when it has none (with
            // the context when it takes one): `async_rules::Nest`'s traits choose by
            // the receiver.
            walk.bind(out, span);
            out.group(Delimiter::Brace, span, |out| {
                out.ident("use", span);
                call.rt(out)
                    .colon2(span)
                    .path(&["async_rules"], span)
                    .colon2(span);
                out.group(Delimiter::Brace, span, |out| {
                    for (n, name) in ["WalkAsync", "WalkSync", "WalkSyncWith"].iter().enumerate() {
                        if n > 0 {
                            out.punct(',', false, span);
                        }
                        out.ident(name, span).ident("as", span).ident("_", span);
                    }
                });
                out.punct(';', false, span);
                out.group(Delimiter::Parenthesis, span, |out| {
                    out.punct('&', true, span)
                        .punct('&', true, span)
                        .punct('&', false, span);
                    call.rt(out).colon2(span).path(&["async_rules", "Nest"], span);
                    out.group(Delimiter::Parenthesis, span, |out| {
                        call.value(out).punct(',', false, span).ident("__mb_ctx", span);
                    });
                });
                out.punct('.', false, span).ident("choose", span);
                out.group(Delimiter::Parenthesis, span, |_| {});
                out.punct('.', false, span).ident("walk", span);
                out.group(Delimiter::Parenthesis, span, |out| {
                    call.base_and_place(out)
                        .punct(',', false, span)
                        .ident("__mb_errors", span);
                });
            });
            out.punct(';', false, span);
            return;
        }
        match call.context {
            // With the context when the value's type takes one, without it when the
            // type is `Validate`: the runtime's `Pick` traits choose by the receiver.
            // (`__mb_ctx` is a `&Context`, so a nested type with another context is
            // reported as such.)
            Some(_) => {
                out.group(Delimiter::Brace, span, |out| {
                    out.ident("use", span);
                    call.rt(out)
                        .colon2(span)
                        .path(&["rules", "nested"], span)
                        .colon2(span);
                    out.group(Delimiter::Brace, span, |out| {
                        out.path(&["Pick"], span).ident("as", span).ident("_", span);
                        out.punct(',', false, span);
                        out.path(&["PickWithContext"], span)
                            .ident("as", span)
                            .ident("_", span);
                    });
                    out.punct(';', false, span);
                    call.rt(out)
                        .colon2(span)
                        .path(&["rules", "nested", "check_with"], span);
                    out.group(Delimiter::Parenthesis, span, |out| {
                        out.group(Delimiter::Parenthesis, span, |out| {
                            out.punct('&', true, span).punct('&', false, span);
                            call.rt(out).colon2(span).path(&["rules", "nested", "Nest"], span);
                            out.group(Delimiter::Parenthesis, span, |out| {
                                call.value(out).punct(',', false, span).ident("__mb_ctx", span);
                            });
                        });
                        out.punct('.', false, span).ident("pick", span);
                        out.group(Delimiter::Parenthesis, span, |_| {});
                        out.punct(',', false, span);
                        call.at(out).punct(',', false, span).ident("__mb_errors", span);
                    });
                    out.punct(';', false, span);
                });
            }
            None => call.entry(out, "nested", |out| {
                call.at(out).punct(',', false, span).ident("__mb_errors", span);
            }),
        }
    }

    fn message_is_constant(&self) -> bool {
        false
    }

    fn reports(&self) -> bool {
        false
    }

    fn needs_validate(&self) -> bool {
        true
    }

    fn walks(&self) -> bool {
        true
    }

    fn params(&self) -> Option<Vec<&'static str>> {
        None
    }
}
