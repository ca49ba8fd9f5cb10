//! Uses the derive once, so its expansion is part of the build being timed, as
//! modelbuild's own derives are part of its build.

/// A value with one rule.
#[derive(garde::Validate)]
pub struct Build {
    /// The build's name.
    #[garde(length(chars, max = 64))]
    pub unique_name: String,
}
