//! `ip`, `ip(v4)`, `ip(v6)`: an address as the standard library parses it.

use modelbuild::rules::{self, IpKind};

/// Whether a value's text ([`ToString`]) is an IP address: any, version 4, or version
/// 6, as `std::net::IpAddr` parses it. Implemented for every type with
/// [`Display`](std::fmt::Display); implement it yourself for a type without.
///
/// ```
/// # extern crate modelbuild_validator as validator;
/// use validator::ValidateIp;
///
/// assert!("192.168.0.1".validate_ipv4());
/// assert!("2001:db8::1".validate_ip());
/// assert!(!"2001:db8::1".validate_ipv4());
/// ```
pub trait ValidateIp {
    /// Whether the value is an IPv4 address.
    fn validate_ipv4(&self) -> bool;
    /// Whether the value is an IPv6 address.
    fn validate_ipv6(&self) -> bool;
    /// Whether the value is an IP address of either version.
    fn validate_ip(&self) -> bool;
}

// modelbuild's reader accepts exactly what `IpAddr::from_str` does, without building
// the address; the text is made once, as validator makes it, for any `T: ToString`.
impl<T: ToString> ValidateIp for T {
    fn validate_ipv4(&self) -> bool {
        rules::is_ip(&self.to_string(), IpKind::V4)
    }

    fn validate_ipv6(&self) -> bool {
        rules::is_ip(&self.to_string(), IpKind::V6)
    }

    fn validate_ip(&self) -> bool {
        is_ip(&self.to_string())
    }
}

/// Whether `text` is an IP address of either version.
pub(crate) fn is_ip(text: &str) -> bool {
    rules::is_ip(text, IpKind::Any)
}
