//! The derive of `modelbuild-validator`: validator 0.21's `#[derive(Validate)]`, its
//! attributes read with validator's meaning and its code written against validator's
//! API, which that crate reproduces (`::validator::...`, or the path `crate = "..."`
//! gives).
//!
//! Its own pipeline, in the same three stages as modelbuild's derive (`parse`, `check`,
//! `emit`), because what it accepts, rejects and generates is validator's: the rules
//! are validator's twelve, in validator's order, and its errors validator's map. It
//! shares the item reader (`input`) and the spelling suggestions with the native
//! derive.

mod check;
mod emit;
mod parse;

use proc_macro2::TokenStream;

use crate::input::Input;

/// `#[derive(Validate)]` with validator's meaning.
pub fn derive(input: TokenStream) -> TokenStream {
    let input = match Input::read(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let mut errors = Vec::new();
    let model = parse::container(&input, &mut errors);
    if let Some(model) = &model {
        check::container(model, &mut errors);
    }
    match model {
        Some(model) if errors.is_empty() => emit::impls(&model),
        _ => emit::with_errors(errors),
    }
}
