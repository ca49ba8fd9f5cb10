//! Integration and compile-fail tests of the modelbuild workspace; the tests live in
//! `tests/`, the trybuild cases in `ui/`. Nothing here is published.
//!
//! The one helper here reads Twilio's official OpenAPI definition from `../shared/spec/`
//! beside the repository, where the project keeps it as data: tests compare the types
//! against it and never copy it.
#![forbid(unsafe_code)]

use std::path::PathBuf;

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
