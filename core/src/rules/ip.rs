//! `ip`, `ipv4`, `ipv6`: an IP address, exactly as the standard library parses it
//! (`std::net::IpAddr`, `Ipv4Addr`, `Ipv6Addr`).
//!
//! A value passes `ipv4` when it is four decimal octets, each at most 255 and with no
//! leading zero (`192.168.0.1`; `010.0.0.1` is refused, as it is ambiguous); `ipv6` when it
//! is RFC 4291's text form, `::` compression and an embedded IPv4 tail included
//! (`2001:db8::1`, `::ffff:192.0.2.1`), with no zone (`%eth0`) and no brackets; `ip` when
//! it is either (a value with a `:` is read as IPv6). An absent value (`None`) passes.
//!
//! The address is checked, not built: the same reading as std's parser (a property test
//! compares the two), without its work of making an `IpAddr`.
//!
//! # Attribute
//!
//! | form | passes when |
//! |---|---|
//! | `ip` | the value is an IPv4 or IPv6 address |
//! | `ipv4` | the value is an IPv4 address |
//! | `ipv6` | the value is an IPv6 address |
//! | `ipv4(code = "...", message = "...")` | the same, reported with its own code and message (so for `ip` and `ipv6`) |
//! | `ip(v4)`, `ip(v6)`, `ip(v4 = true, v6 = false)` | validator's spellings of `ipv4` and `ipv6` (with their codes); `ip(v4, v6)` is `ip` |
//!
//! - The three rules take no arguments of their own but validator's `v4` and `v6` on `ip`;
//!   `ip = true` is a compile error.
//! - `code = "..."` replaces the error's code and `message = "..."` its message. The rules
//!   give no parameters, so a `{name}` in the message is a compile error (`{{` and `}}`
//!   are braces).
//! - The rules apply to a string: a type that implements `AsRef<str>` (`String`, `&str`,
//!   `Box<str>`, `Cow<str>`, a newtype of yours), or an `Option`, `Box`, `Rc` or `Arc` of
//!   one ([`StrInput`]). On a field whose type is plainly no string
//!   (a number, `bool`, `char`, a `Vec`) a rule is a compile error at its name; any other
//!   such type fails to compile with "`T` cannot be checked as a string".
//! - As for every rule, an unknown key (with a suggestion) and a key given twice are
//!   compile errors, and so is one of the three twice on one field.
//!
//! # Error
//!
//! | rule | code | params | default message |
//! |---|---|---|---|
//! | `ip` | `"ip"` | none | `must be an IP address` |
//! | `ipv4` | `"ipv4"` | none | `must be an IPv4 address` |
//! | `ipv6` | `"ipv6"` | none | `must be an IPv6 address` |
//!
//! # Example
//!
//! ```
//! use modelbuild::Validate;
//! use serde_json::json;
//!
//! #[derive(Validate)]
//! struct Hosts {
//!     #[validate(ip)]
//!     any: String,
//!     #[validate(ipv4)]
//!     v4: String,
//!     #[validate(ipv6(code = "v6"))]
//!     v6: Option<String>,
//! }
//!
//! let hosts = Hosts { any: "localhost".into(), v4: "010.0.0.1".into(), v6: Some("[::1]".into()) };
//! let errors = hosts.validate().unwrap_err();
//! let found: Vec<(String, &str, &str)> =
//!     errors.iter().map(|e| (e.path().to_string(), e.code(), e.message())).collect();
//! assert_eq!(found, [
//!     ("any".to_string(), "ip", "must be an IP address"),
//!     ("v4".to_string(), "ipv4", "must be an IPv4 address"),
//!     ("v6".to_string(), "v6", "must be an IPv6 address"),
//! ]);
//! let params: Vec<_> = errors.iter().map(|e| serde_json::to_value(e.params()).unwrap()).collect();
//! assert_eq!(params, [json!({}), json!({}), json!({})]);
//!
//! let valid = Hosts {
//!     any: "2001:db8::1".into(),
//!     v4: "192.168.0.1".into(),
//!     v6: Some("::ffff:192.0.2.1".into()),
//! };
//! assert!(valid.validate().is_ok());
//! ```
//!
//! # JSON Schema
//!
//! With the `schemars` feature, `ipv4` writes `format: ipv4`, `ipv6` writes
//! `format: ipv6`, and `ip` writes `anyOf: [{format: ipv4}, {format: ipv6}]`, in place of
//! the `format: ip` schemars writes for it, which no JSON Schema draft defines.
//!
//! The predicate is [`is_ip`], with an [`IpKind`], and the default message [`message`].

use crate::params::Params;
use crate::__private::{check_text, Site, Failure};
use crate::rules::input::StrInput;
use crate::{PathNode, ValidationErrors};

/// Which addresses an `ip` rule accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IpKind {
    /// IPv4 or IPv6: the `ip` rule.
    Any,
    /// IPv4 only: the `ipv4` rule.
    V4,
    /// IPv6 only: the `ipv6` rule.
    V6,
}

/// Whether `value` is an IP address of `kind`.
///
/// ```
/// use modelbuild::rules::{is_ip, IpKind};
///
/// assert!(is_ip("192.168.0.1", IpKind::Any));
/// assert!(is_ip("2001:db8::1", IpKind::V6));
/// assert!(!is_ip("2001:db8::1", IpKind::V4));
/// assert!(!is_ip("256.0.0.1", IpKind::V4));
/// assert!(!is_ip("[::1]", IpKind::V6));
/// ```
pub fn is_ip(value: &str, kind: IpKind) -> bool {
    match kind {
        IpKind::Any if value.contains(':') => is_ipv6(value.as_bytes()),
        IpKind::Any | IpKind::V4 => is_ipv4(value.as_bytes()),
        IpKind::V6 => is_ipv6(value.as_bytes()),
    }
}

/// What `Ipv6Addr::from_str` accepts, read the way it reads, without building the
/// address: up to eight groups of one to four hex digits, at most one `::` standing
/// for at least one group, and an IPv4 address in place of the last two groups.
fn is_ipv6(bytes: &[u8]) -> bool {
    let (head, head_ends_in_ipv4, at) = groups(bytes, 0, 8);
    if head == 8 {
        return at == bytes.len();
    }
    if head_ends_in_ipv4 || bytes.get(at..at + 2) != Some(b"::") {
        return false;
    }
    let (_, _, end) = groups(bytes, at + 2, 8 - (head + 1));
    end == bytes.len()
}

/// Reads at most `limit` `:`-separated groups from `start`: how many, whether the last
/// two were an IPv4 address, and where reading stopped (before a separator that was
/// not followed by a group).
fn groups(bytes: &[u8], start: usize, limit: usize) -> (usize, bool, usize) {
    let mut at = start;
    for i in 0..limit {
        let group_start = match (i, bytes.get(at)) {
            (0, _) => at,
            (_, Some(b':')) => at + 1,
            _ => return (i, false, at),
        };
        let count = digits(bytes, group_start, |b| b.is_ascii_hexdigit());
        // An IPv4 tail's first octet is a run of hex digits that a `.` ends, so only
        // such a run is worth reading again as IPv4.
        if i + 1 < limit && bytes.get(group_start + count) == Some(&b'.') {
            if let Some(end) = ipv4_at(bytes, group_start) {
                return (i + 2, true, end);
            }
        }
        match count {
            1..=4 => at = group_start + count,
            _ => return (i, false, at),
        }
    }
    (limit, false, at)
}

/// An IPv4 address starting at `start` (more may follow): where it ends. RFC 3986's
/// `IPv4address` is the same text, so `uri` reads an IPv6 literal's IPv4 tail here too.
pub(crate) fn ipv4_at(bytes: &[u8], start: usize) -> Option<usize> {
    let mut at = start;
    for i in 0..4 {
        if i > 0 {
            if bytes.get(at) != Some(&b'.') {
                return None;
            }
            at += 1;
        }
        let count = digits(bytes, at, |b| b.is_ascii_digit());
        if !is_octet(&bytes[at..at + count]) {
            return None;
        }
        at += count;
    }
    Some(at)
}

/// How many bytes from `start` on satisfy `class`.
fn digits(bytes: &[u8], start: usize, class: impl Fn(&u8) -> bool) -> usize {
    bytes.get(start..).map_or(0, |rest| rest.iter().take_while(|b| class(b)).count())
}

/// One to three decimal digits, no leading zero, at most 255.
fn is_octet(digits: &[u8]) -> bool {
    match *digits {
        [b'0'..=b'9'] => true,
        [b'1'..=b'9', b'0'..=b'9'] => true,
        [a @ b'1'..=b'9', b @ b'0'..=b'9', c @ b'0'..=b'9'] => (a, b, c) <= (b'2', b'5', b'5'),
        _ => false,
    }
}

/// What `Ipv4Addr::from_str` accepts, without building the address: four decimal
/// octets of one to three digits, no leading zero, each at most 255.
fn is_ipv4(bytes: &[u8]) -> bool {
    ipv4_at(bytes, 0) == Some(bytes.len())
}

/// The message of a failed `ip`, `ipv4` or `ipv6` rule.
pub fn message(kind: IpKind) -> String {
    match kind {
        IpKind::Any => "must be an IP address",
        IpKind::V4 => "must be an IPv4 address",
        IpKind::V6 => "must be an IPv6 address",
    }
    .to_owned()
}

/// The code of each kind's rule.
fn code(kind: IpKind) -> &'static str {
    match kind {
        IpKind::Any => "ip",
        IpKind::V4 => "ipv4",
        IpKind::V6 => "ipv6",
    }
}

site_entry!(ip [M, T: StrInput<M> + ?Sized] (value: &T, kind: IpKind) => check);

/// The derive's entry: reports a failed `ip`, `ipv4` or `ipv6` rule at `at`.
#[doc(hidden)]
pub fn check<M, T: StrInput<M> + ?Sized>(
    value: &T,
    kind: IpKind,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
) {
    check_text(value, at, errors, site, move |text| is_ip(text, kind), move || Failure { code: code(kind), params: Params::new, message: move || message(kind) });
}

/// Writes the rule into a JSON Schema (feature `schemars`): `format: ipv4` or
/// `ipv6`; `ip` as `anyOf` the two, replacing the `format: ip` schemars writes for it,
/// which no JSON Schema draft defines.
#[cfg(feature = "schemars")]
pub fn json_schema(schema: &mut crate::schema::Schema, kind: IpKind) {
    match kind {
        IpKind::V4 => crate::schema::add_format(schema, "ipv4"),
        IpKind::V6 => crate::schema::add_format(schema, "ipv6"),
        IpKind::Any => {
            if schema.get("format").is_some_and(|format| format == "ip") {
                schema.remove("format");
            }
            let either = serde_json::json!({"anyOf": [{"format": "ipv4"}, {"format": "ipv6"}]});
            crate::schema::add_subschema(schema, either);
        }
    }
}
