//! `ip`, `ipv4`, `ipv6`: an IP address, exactly as the standard library parses it
//! (`std::net::IpAddr`, `Ipv4Addr`, `Ipv6Addr`).
//!
//! IPv4 is four decimal octets with no leading zeros (`192.168.0.1`; `010.0.0.1` is
//! refused, as it is ambiguous); IPv6 is RFC 4291's text form, `::` compression and an
//! embedded IPv4 tail included, with no zone (`%eth0`) and no brackets.

use std::net::Ipv6Addr;

use crate::__private::{check_text, Site};
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
        IpKind::Any if value.contains(':') => value.parse::<Ipv6Addr>().is_ok(),
        IpKind::Any | IpKind::V4 => is_ipv4(value.as_bytes()),
        IpKind::V6 => value.parse::<Ipv6Addr>().is_ok(),
    }
}

/// What `Ipv4Addr::from_str` accepts, without building the address: four decimal
/// octets of one to three digits, no leading zero, each at most 255.
fn is_ipv4(bytes: &[u8]) -> bool {
    let mut octets = 0;
    for octet in bytes.split(|&b| b == b'.') {
        octets += 1;
        let valid = match *octet {
            [b'0'] => true,
            [b'1'..=b'9'] => true,
            [b'1'..=b'9', b'0'..=b'9'] => true,
            [a @ b'1'..=b'9', b @ b'0'..=b'9', c @ b'0'..=b'9'] => (a, b, c) <= (b'2', b'5', b'5'),
            _ => false,
        };
        if !valid || octets > 4 {
            return false;
        }
    }
    octets == 4
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

/// The derive's entry: reports a failed `ip`, `ipv4` or `ipv6` rule at `at`.
#[doc(hidden)]
pub fn check<M, T: StrInput<M> + ?Sized>(
    value: &T,
    kind: IpKind,
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: Site,
) {
    check_text(value, at, errors, site, code(kind), |text| is_ip(text, kind), || message(kind));
}
