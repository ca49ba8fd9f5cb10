//! What the examples share with the tests: the ModelBuild API emulator behind
//! `cargo run --example emulator`, as a library so that the integration tests can
//! start it on an ephemeral port and drive it over HTTP.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod emulator;
