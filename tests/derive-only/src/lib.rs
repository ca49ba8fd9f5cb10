//! Nothing here: the tests in `tests/` compile their cases against modelbuild with
//! its default features off. In a workspace build the features of all members are
//! unified, so only trybuild's own builds (one project per run, with this package's
//! dependencies as written) really see modelbuild without `model-build` and `pattern`.
#![forbid(unsafe_code)]
