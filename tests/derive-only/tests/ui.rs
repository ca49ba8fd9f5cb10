//! The derive without modelbuild's default features: every rule but `pattern` works,
//! and `pattern` says which feature it needs.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.pass("ui/pass/*.rs");
    cases.compile_fail("ui/fail/*.rs");
}
