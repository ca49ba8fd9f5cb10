//! Integration and compile-fail tests of the modelbuild workspace; the tests live in
//! `tests/`, the trybuild cases in `ui/`. Nothing here is published.
//!
//! The conformance tests read [`facts`]: what Twilio's official OpenAPI definition says
//! about ModelBuild, extracted into a file this repository keeps, so that they run on
//! a clone of this repository alone.
#![forbid(unsafe_code)]

pub mod facts;

use modelbuild::{Validate, ValidationErrors};

/// `(path, code)` of every error, in the order reported.
pub fn found(errors: &ValidationErrors) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|e| (e.path().to_string(), e.code().to_owned()))
        .collect()
}

/// `(path, code)` of every rule `value` breaks; empty when it is valid.
pub fn paths_and_codes(value: &impl Validate) -> Vec<(String, String)> {
    value.validate().err().as_ref().map_or_else(Vec::new, found)
}

/// Owned pairs from literals, to compare with [`paths_and_codes`].
pub fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

/// The codes of the rules `value` breaks at `path`, in order.
pub fn codes_at(value: &impl Validate, path: &str) -> Vec<String> {
    paths_and_codes(value)
        .into_iter()
        .filter(|(at, _)| at == path)
        .map(|(_, code)| code)
        .collect()
}
