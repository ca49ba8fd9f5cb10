//! One module per rule: its trait (what validator's derive calls, and what a type of
//! yours implements to be checked by that rule) and its check.

#[cfg(feature = "card")]
pub mod card;
pub mod contains;
pub mod email;
pub mod ip;
pub mod length;
pub mod must_match;
pub mod non_control;
pub mod range;
pub mod regex;
pub mod required;
pub mod url;
