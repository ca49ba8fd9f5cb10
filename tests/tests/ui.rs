//! Compile-time behaviour of the derive: each misuse in `ui/fail` must fail with the
//! committed `.stderr`, each case in `ui/pass` must compile and run.
//! Regenerate the expectations with `TRYBUILD=overwrite` and review the diff.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("ui/pass/*.rs");
    cases.compile_fail("ui/fail/*.rs");
}
