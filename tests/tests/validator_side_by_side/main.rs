//! modelbuild-validator side by side with validator 0.21 itself: every check, trait,
//! function and error operation of validator's API run on both with the same input, and
//! every attribute form of the derive on the same struct, comparing verdicts, codes,
//! parameters, messages, JSON and `Display`.
//!
//! The two crates are both in this binary, `validator` and `modelbuild_validator`, so
//! the same code is written once and expanded for each with `v` naming its crate
//! ([`both!`], [`side_by_side!`]); the derived structs say `crate = "v"` for that
//! reason, a form both derives read.

mod derive;
mod errors;
mod predicates;

/// Runs `$body` once with `$v` naming validator and once naming modelbuild-validator,
/// and asserts that both give the same result.
macro_rules! both {
    ($v:ident => $body:expr) => {{
        let theirs = {
            #[allow(unused_imports)]
            use ::validator as $v;
            $body
        };
        let ours = {
            #[allow(unused_imports)]
            use ::modelbuild_validator as $v;
            $body
        };
        $crate::same(&theirs, &ours, stringify!($body));
        ours
    }};
}
pub(crate) use both;

/// `assert_eq!`, saying which expression differed.
#[track_caller]
pub fn same<T: PartialEq + std::fmt::Debug>(theirs: &T, ours: &T, what: &str) {
    assert_eq!(
        theirs, ours,
        "validator (left) and modelbuild-validator (right) differ on {what}"
    );
}
