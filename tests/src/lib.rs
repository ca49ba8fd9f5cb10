//! Integration and compile-fail tests of the modelbuild workspace; the tests live in
//! `tests/`, the trybuild cases in `ui/`. Nothing here is published.
//!
//! The one helper here reads Twilio's official OpenAPI definition from `../shared/spec/`
//! beside the repository, where the project keeps it as data: tests compare the types
//! against it and never copy it.
#![forbid(unsafe_code)]

use std::path::PathBuf;

use modelbuild::{Validate, ValidationErrors};

/// Where the spec files are: `$MODELBUILD_SPEC_DIR`, or `../shared/spec` beside the
/// repository.
pub fn spec_dir() -> PathBuf {
    match std::env::var_os("MODELBUILD_SPEC_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/spec"),
    }
}

/// Reads and parses one spec file, such as `twilio_autopilot_v1.json`.
///
/// Panics with the path when the file is missing: the conformance tests cannot pass
/// without the official definition, and must not pass silently.
pub fn load_spec(relative: &str) -> serde_json::Value {
    let path = spec_dir().join(relative);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "cannot read the OpenAPI spec at {}: {error}; keep ../shared/spec beside the repository or set MODELBUILD_SPEC_DIR",
            path.display()
        )
    });
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("{} is not JSON: {error}", path.display()))
}

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
