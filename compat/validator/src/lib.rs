//! validator 0.21's API on top of modelbuild: a program written for
//! [validator](https://docs.rs/validator/0.21) switches with one line of its
//! `Cargo.toml` and nothing else,
//!
//! ```toml
//! validator = { package = "modelbuild-validator", version = "0.1", features = ["derive"] }
//! ```
//!
//! and keeps validator's behaviour: the same attributes, traits and functions, the same
//! verdicts, codes, parameters (`value` among them), messages (`None` unless the
//! attribute gives one), error map and JSON, the same order (a `schema` function is
//! skipped once a field failed, unless `skip_on_field_errors = false`), and a compile
//! error for what validator rejects. The derive is modelbuild's, reading validator's
//! attributes; the checks of `ip`, `url` and `non_control_character` are modelbuild's,
//! which give validator's verdicts without allocating.
//!
//! The features are validator's: `derive`, `card` (`credit_card`), `indexmap`
//! (`length` on `IndexMap` and `IndexSet`) and `derive_nightly_features` (here the same
//! as `derive`).
//!
//! ```
//! # extern crate modelbuild_validator as validator;
//! # #[cfg(feature = "derive")] {
//! use validator::{Validate, ValidationError};
//!
//! fn not_taken(name: &str) -> Result<(), ValidationError> {
//!     match name {
//!         "admin" => Err(ValidationError::new("taken")),
//!         _ => Ok(()),
//!     }
//! }
//!
//! #[derive(Validate)]
//! struct Signup {
//!     #[validate(email)]
//!     mail: String,
//!     #[validate(length(min = 3, max = 20), custom(function = not_taken))]
//!     name: String,
//!     #[validate(range(min = 18))]
//!     age: u32,
//! }
//!
//! let signup = Signup { mail: "ada@example.com".into(), name: "admin".into(), age: 17 };
//! let errors = signup.validate().unwrap_err();
//! let fields = errors.field_errors();
//! assert_eq!(fields["name"][0].code, "taken");
//! assert_eq!(fields["age"][0].params["min"], 18);
//! assert_eq!(fields["age"][0].params["value"], 17);
//! assert_eq!(fields["age"][0].message, None);
//! # }
//! ```
//!
//! Moving on to modelbuild itself changes what API clients read: paths by serde's
//! wire names with JSON Pointers, every error in one list in field order, default
//! messages, and no `value` echoed back (see modelbuild's guide, "Migrating").
// On docs.rs (`--cfg docsrs`, nightly), every item behind a feature shows which one.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod display;
mod error;
mod legacy;
mod rules;
mod traits;

#[doc(hidden)]
pub mod __private;

pub use error::{ValidationError, ValidationErrors, ValidationErrorsKind};
#[cfg(feature = "card")]
pub use legacy::validate_credit_card;
pub use legacy::{
    validate_contains, validate_does_not_contain, validate_email, validate_ip, validate_ip_v4,
    validate_ip_v6, validate_length, validate_non_control_character, validate_range, validate_required,
    validate_url, HasLen,
};
#[cfg(feature = "card")]
pub use rules::card::ValidateCreditCard;
pub use rules::contains::{ValidateContains, ValidateDoesNotContain};
pub use rules::email::ValidateEmail;
pub use rules::ip::ValidateIp;
pub use rules::length::ValidateLength;
pub use rules::must_match::validate_must_match;
pub use rules::non_control::ValidateNonControlCharacter;
pub use rules::range::ValidateRange;
pub use rules::regex::{AsRegex, ValidateRegex};
pub use rules::required::ValidateRequired;
pub use rules::url::ValidateUrl;
pub use traits::{Validate, ValidateArgs};

/// `#[derive(Validate)]`, validator 0.21's: implements [`ValidateArgs`] (and
/// [`Validate`] for a type with no `context`) from `#[validate(...)]` attributes on a
/// struct with named fields.
///
/// It reads validator's attributes with validator's meaning. On a field: `email`,
/// `url`, `credit_card` (feature `card`), `ip`, `ip(v4)`, `ip(v6)`,
/// `non_control_character`, `length(min, max, equal)`, `range(min, max,
/// exclusive_min, exclusive_max)`, `required`, `contains(pattern = "..")`,
/// `does_not_contain(pattern = "..")`, `must_match(other = field)`, `regex(path =
/// RE)`, `custom(function = f, use_context)` (any number), each with `message` and
/// `code`; `nested`, and `skip`, which leaves the field unchecked whatever else it
/// says. On the type: `schema(function = f, use_context, skip_on_field_errors)` (any
/// number), `context = Type` (with `mutable`), `nest_all_fields`, and `crate =
/// "path"`, the path the code names this crate by (`::validator` by default, as a
/// switched program names it). Bounds, paths and the context may be quoted
/// (`min = "MIN_LEN"`); a field's errors come in validator's order, whatever the
/// attribute's; what validator rejects is a compile error.
#[cfg(feature = "derive")]
pub use modelbuild_macros::ValidatorCompat as Validate;
