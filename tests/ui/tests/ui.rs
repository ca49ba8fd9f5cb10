//! Compile-time behaviour of the derive: each misuse in `fail/` must fail with the
//! committed `.stderr`, each case in `pass/` must compile and run.
//! Regenerate the expectations with `TRYBUILD=overwrite` and review the diff.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("pass/*.rs");
    cases.compile_fail("fail/*.rs");
}
