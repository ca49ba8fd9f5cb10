//! Integration and compile-fail tests of the modelbuild workspace; the tests live in
//! `tests/`, the trybuild cases in `ui/`. Nothing here is published.
#![forbid(unsafe_code)]
