//! Every attribute form of the derive, on the same struct under both crates.
