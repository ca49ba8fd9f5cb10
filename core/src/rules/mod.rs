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
/// the derive's code calls: for a rule that reports errors, a method of its call site
/// named after the rule (see [`site_entry!`]); for one that walks into the value
/// (`nested`, `each`, `keys`), its function `check`.
macro_rules! registry {
    ($($(#[$attr:meta])* $rule:ident $(: $($export:ident),+)?;)*) => {
        $(registry!(@rule [$(#[$attr])*] $rule [$($($export),+)?]);)*
    };
    (@rule [$($attr:tt)*] $rule:ident []) => {
        $($attr)* pub mod $rule;
    };
    (@rule [$($attr:tt)*] $rule:ident [$($export:ident),+]) => {
        $($attr)* pub mod $rule;
        $($attr)* pub use $rule::{$($export),+};
    };
}

/// A rule's entry as a method of its call site, which the derive's code calls as
/// `__mb_site3.sid(value, "UG", at, errors)`: `site_entry!(sid [M, T: StrInput<M> +
/// ?Sized] (value: &T, prefix: &'static str) => check)` makes `Site::sid`, which passes
/// its arguments, then `at`, `errors` and the site, to the rule's `check`.
///
/// Called on the site, an entry needs no path: the derive's code had to import the
/// runtime in every body (`use ::modelbuild::__private as __mb`), an item of its own to
/// the compiler in every derived type, and name it in every call. Without them, a check
/// of the compile-cost bench's crate costs the compiler 6% fewer instructions (see
/// README).
macro_rules! site_entry {
    ($name:ident [$($generics:tt)*] ($($arg:ident: $ty:ty),*) $(where [$($bounds:tt)*])? => $entry:path) => {
        impl crate::__private::Site {
            #[doc = concat!("The derive's call of `", stringify!($name), "` at this site.")]
            #[doc(hidden)]
            #[inline(always)]
            pub fn $name<$($generics)*>(
                &'static self,
                $($arg: $ty,)*
                at: &crate::path_node::PathNode<'_>,
                errors: &mut crate::error::ValidationErrors,
            ) $(where $($bounds)*)? {
                $entry($($arg,)* at, errors, self)
            }
        }
    };
}

registry! {
    sid: is_sid;
    length: has_length, is_count_within, LengthUnit;
    uri: is_uri, is_uri_with_scheme;
    #[cfg(feature = "pattern")]
    pattern: matches_pattern;
    range: is_in_range, Bounds, RangeNumber;
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
