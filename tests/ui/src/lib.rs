//! Nothing here: `tests/ui.rs` compiles each case in `fail/` and `pass/` against
//! modelbuild with the features the cases need.
#![forbid(unsafe_code)]
