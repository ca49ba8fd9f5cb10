//! The rules: one module per rule, each with a predicate you may call directly and the
//! message the derive reports when it fails.
//!
//! | attribute | predicate |
//! |---|---|
//! | `sid(prefix = "UG")` | [`is_sid`] |
//! | `length(min, max, equal, unit)` | [`has_length`], [`is_count_within`] |
//! | `uri`, `uri(schemes = [..])` | [`is_uri`], [`is_uri_with_scheme`] |
//! | `url`, `url(schemes = [..])` (feature `url`) | `is_url`, `is_url_with_scheme` |
//! | `pattern = "regex"` (feature `pattern`, on by default) | `matches_pattern` |
//! | `range(min, max, exclusive_min, exclusive_max)` | [`is_in_range`] |
//! | `required` | [`is_present`] |
//! | `email` | [`is_email`] |
//! | `ip`, `ipv4`, `ipv6` | [`is_ip`] |
//! | `prefix`, `suffix`, `contains`, `does_not_contain` | [`has_substring`] |
//! | `ascii`, `alphanumeric`, `non_control_character` | [`has_only`] |
//! | `credit_card` | [`is_credit_card`] |
//! | `phone` | [`is_phone`] |
//! | `must_match(other)` | `==` on the two fields |
//! | `each(rule, ...)` | the rules inside, on every element ([`input::EachInput`]) |
//! | `keys(rule, ...)` | the rules inside, on every key of a map ([`input::KeysInput`]) |
//!
//! [`input`] says how a rule reaches a value through `Option`, `Box` and friends.

pub mod input;

/// The registry: one line a rule, `module: what it exports;` (the predicates, which
/// are public API). Each rule's module holds its predicate, its message and the entry
/// the derive's code calls, `check`, which [`entries`] names after the rule; a rule
/// with entries for its usual forms names them after the module, `range(check_min as
/// range_min)`.
macro_rules! registry {
    ($($(#[$attr:meta])* $rule:ident $(($($entry:ident as $alias:ident),+))? $(: $($export:ident),+)?;)*) => {
        $(registry!(@rule [$(#[$attr])*] $rule [$($($export),+)?]);)*

        /// Each rule's entry under the rule's own name, so that the derive's code
        /// calls `__private::sid(..)` rather than `__private::rules::sid::check(..)`:
        /// two path segments fewer in every rule call of every derive, each one
        /// resolved by the compiler at every build.
        #[doc(hidden)]
        pub mod entries {
            $($(#[$attr])* pub use super::$rule::{check as $rule $($(, $entry as $alias)+)?};)*
        }
    };
    (@rule [$($attr:tt)*] $rule:ident []) => {
        $($attr)* pub mod $rule;
    };
    (@rule [$($attr:tt)*] $rule:ident [$($export:ident),+]) => {
        $($attr)* pub mod $rule;
        $($attr)* pub use $rule::{$($export),+};
    };
}

registry! {
    sid: is_sid;
    length(check_min as length_min, check_max as length_max, check_between as length_between):
        has_length, is_count_within, LengthUnit;
    uri: is_uri, is_uri_with_scheme;
    #[cfg(feature = "pattern")]
    pattern: matches_pattern;
    range(check_min as range_min, check_max as range_max, check_between as range_between):
        is_in_range, Bounds, RangeNumber;
    required: is_present;
    nested;
    custom;
    each;
    keys;
    email: is_email;
    #[cfg(feature = "url")]
    url: is_url, is_url_with_scheme;
    ip: is_ip, IpKind;
    substring: has_substring, Substring;
    characters: has_only, Characters;
    credit_card: is_credit_card;
    phone: is_phone;
    must_match;
}
