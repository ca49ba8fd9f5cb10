//! `#[derive(Validate)]` for the `modelbuild` crate. Use it through `modelbuild`, which
//! re-exports it and holds the runtime the generated code calls; the rules are
//! documented there.
//!
//! The derive runs in three stages, one module each: `parse` reads the attributes
//! into a model (the item itself is read by `input`), `check` finds what is wrong
//! with that model, `emit` writes the code (through `out`, which keeps writing it
//! cheap in an unoptimised build). Every problem found on the way is reported at
//! once, each at its own token. The rules (`rules/`, one file each) sit below `parse`
//! and above `toolkit`, what they are written with: the arrows run one way.
//!
//! `ValidatorCompat` is the derive of `modelbuild-validator`: validator 0.21's
//! attributes, read with validator's meaning and emitted against validator's API, in a
//! pipeline of its own (`validator/`).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod args;
mod bounds;
mod check;
mod emit;
mod emit_async;
mod input;
mod out;
mod parse;
mod rules;
mod schema;
mod serde_attrs;
mod suggest;
mod toolkit;
mod types;
mod validator;

use proc_macro::TokenStream;

/// The derive behind `modelbuild::Validate`, documented there: `modelbuild`
/// re-exports it and holds the runtime its code calls.
#[proc_macro_derive(Validate, attributes(validate))]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    let input = match input::Input::read(input.into()) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error().into(),
    };
    let mut errors = Vec::new();
    let container = parse::container(&input, &mut errors);
    if let Some(container) = &container {
        check::container(container, &mut errors);
    }
    match container {
        Some(container) if errors.is_empty() => emit::impl_validate(&container),
        _ => emit::with_errors(&input, errors),
    }
}

/// The derive behind `modelbuild_validator::Validate`, documented there: validator
/// 0.21's `#[derive(Validate)]`, which `modelbuild-validator` re-exports under that
/// name with the runtime its code calls.
#[proc_macro_derive(ValidatorCompat, attributes(validate))]
pub fn derive_validator_compat(input: TokenStream) -> TokenStream {
    validator::derive(input.into()).into()
}
