//! `uri`: a URI exactly as RFC 3986's `URI` rule (section 3) defines it.
//!
//! ```text
//! URI          = scheme ":" hier-part [ "?" query ] [ "#" fragment ]   (section 3)
//! absolute-URI = scheme ":" hier-part [ "?" query ]                    (section 4.3)
//! ```
//!
//! That is the first rule: a scheme is required (so a relative reference such as
//! `/path` fails) and a fragment is allowed, which the stricter `absolute-URI` rule
//! forbids. OpenAPI's `format: uri` means the same `URI` rule. The check is one pass over the bytes with a lookup table: it allocates
//! nothing and accepts only ASCII, so `https://exämple.com` or a space is rejected;
//! percent-escapes must be `%` and two hexadecimal digits.

use std::borrow::Cow;

use crate::__private::{check_text, Site, Failure};
use crate::params::Params;
use crate::rules::input::StrInput;
use crate::{PathNode, ValidationErrors};

const PCHAR: u8 = 1 << 0;
const PATH: u8 = 1 << 1;
const QUERY: u8 = 1 << 2;
const USERINFO: u8 = 1 << 3;
const REG_NAME: u8 = 1 << 4;
const SCHEME: u8 = 1 << 5;
const FUTURE: u8 = 1 << 6;

const UNRESERVED_PUNCT: &[u8] = b"-._~";
const SUB_DELIMS: &[u8] = b"!$&'()*+,;=";

/// Which classes each ASCII byte belongs to; `%` is in none, it is handled apart.
static CLASSES: [u8; 256] = build_classes();

const fn build_classes() -> [u8; 256] {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        let alpha = c.is_ascii_alphabetic();
        let digit = c.is_ascii_digit();
        let unreserved = alpha || digit || contains(UNRESERVED_PUNCT, c);
        let sub_delim = contains(SUB_DELIMS, c);
        let pchar = unreserved || sub_delim || c == b':' || c == b'@';
        let mut class = 0;
        if pchar {
            class |= PCHAR | PATH | QUERY;
        }
        if c == b'/' {
            class |= PATH | QUERY;
        }
        if c == b'?' {
            class |= QUERY;
        }
        if unreserved || sub_delim || c == b':' {
            class |= USERINFO | FUTURE;
        }
        if unreserved || sub_delim {
            class |= REG_NAME;
        }
        if alpha || digit || c == b'+' || c == b'-' || c == b'.' {
            class |= SCHEME;
        }
        table[b] = class;
        b += 1;
    }
    table
}

const fn contains(set: &[u8], c: u8) -> bool {
    let mut i = 0;
    while i < set.len() {
        if set[i] == c {
            return true;
        }
        i += 1;
    }
    false
}

/// Whether `value` matches RFC 3986's `URI` rule: a scheme, `:`, the rest, and an
/// optional fragment.
///
/// ```
/// use modelbuild::rules::is_uri;
///
/// assert!(is_uri("https://autopilot.twilio.com/v1/Assistants?PageSize=50"));
/// assert!(is_uri("urn:oasis:names:specification:docbook:dtd:xml:4.1.2"));
/// assert!(is_uri("ldap://[2001:db8::7]/c=GB?objectClass?one"));
/// assert!(!is_uri("/v1/Assistants"));          // relative: no scheme
/// assert!(!is_uri("https://example.com/a b")); // space
/// assert!(!is_uri("https://example.com/%zz")); // bad escape
/// ```
pub fn is_uri(value: &str) -> bool {
    scheme_of(value).is_some()
}

/// Whether `value` is a URI (as [`is_uri`]) whose scheme is one of `schemes`, compared
/// without regard to ASCII case (RFC 3986 section 3.1: schemes are case-insensitive).
///
/// ```
/// use modelbuild::rules::is_uri_with_scheme;
///
/// assert!(is_uri_with_scheme("HTTPS://example.com", &["http", "https"]));
/// assert!(!is_uri_with_scheme("ftp://example.com", &["http", "https"]));
/// ```
pub fn is_uri_with_scheme<S: AsRef<str>>(value: &str, schemes: &[S]) -> bool {
    scheme_of(value).is_some_and(|scheme| schemes.iter().any(|s| s.as_ref().eq_ignore_ascii_case(scheme)))
}

/// The scheme of `value` when it is a valid URI, else `None`.
///
/// One pass from left to right: scheme, then the authority when `//` follows, then
/// the path, query and fragment, each a run of its own character class. Only the
/// authority, which is short, is looked at twice.
fn scheme_of(value: &str) -> Option<&str> {
    let bytes = value.as_bytes();
    if !bytes.first()?.is_ascii_alphabetic() {
        return None;
    }
    let scheme_end = 1 + bytes[1..]
        .iter()
        .take_while(|&&b| CLASSES[usize::from(b)] & SCHEME != 0)
        .count();
    if bytes.get(scheme_end) != Some(&b':') {
        return None;
    }
    let mut i = scheme_end + 1;
    if bytes[i..].starts_with(b"//") {
        let start = i + 2;
        let length = bytes[start..]
            .iter()
            .take_while(|&&b| !matches!(b, b'/' | b'?' | b'#'))
            .count();
        if !is_authority(&bytes[start..start + length]) {
            return None;
        }
        i = start + length;
    }
    // Without an authority, path-absolute, path-rootless and path-empty together are
    // any run of pchar and `/` not starting with `//`, and `//` was taken above.
    i = scan(bytes, i, PATH)?;
    if bytes.get(i) == Some(&b'?') {
        i = scan(bytes, i + 1, QUERY)?;
    }
    if bytes.get(i) == Some(&b'#') {
        i = scan(bytes, i + 1, QUERY)?;
    }
    (i == bytes.len()).then(|| &value[..scheme_end])
}

/// Skips bytes in `class` and well-formed percent-escapes from `i`; returns where the
/// run stops, or `None` at a malformed escape.
fn scan(bytes: &[u8], mut i: usize, class: u8) -> Option<usize> {
    loop {
        // Whole blocks first: the lookups of a block do not wait on each other's
        // branches, which halves the time on long paths and queries (scaling bench).
        while let Some(block) = bytes.get(i..i + 16) {
            if !block
                .iter()
                .fold(true, |all, &b| all & (CLASSES[usize::from(b)] & class != 0))
            {
                break;
            }
            i += 16;
        }
        i += bytes[i..]
            .iter()
            .take_while(|&&b| CLASSES[usize::from(b)] & class != 0)
            .count();
        if bytes.get(i) != Some(&b'%') {
            return Some(i);
        }
        let hex = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_hexdigit);
        if !(hex(i + 1) && hex(i + 2)) {
            return None;
        }
        i += 3;
    }
}

/// `authority = [ userinfo "@" ] host [ ":" port ]`
fn is_authority(authority: &[u8]) -> bool {
    let (userinfo, host_port) = match authority.iter().position(|&b| b == b'@') {
        Some(at) => (Some(&authority[..at]), &authority[at + 1..]),
        None => (None, authority),
    };
    if userinfo.is_some_and(|u| !all_in(u, USERINFO)) {
        return false;
    }
    let (host_ok, port) = if let Some(literal) = host_port.strip_prefix(b"[") {
        let Some(close) = literal.iter().position(|&b| b == b']') else {
            return false;
        };
        (is_ip_literal(&literal[..close]), &literal[close + 1..])
    } else {
        let end = host_port
            .iter()
            .position(|&b| b == b':')
            .unwrap_or(host_port.len());
        (all_in(&host_port[..end], REG_NAME), &host_port[end..])
    };
    host_ok && is_port(port)
}

/// Empty, or `":" *DIGIT`.
fn is_port(port: &[u8]) -> bool {
    match port.split_first() {
        None => true,
        Some((b':', digits)) => digits.iter().all(u8::is_ascii_digit),
        Some(_) => false,
    }
}

/// `IP-literal = "[" ( IPv6address / IPvFuture ) "]"`, brackets removed.
fn is_ip_literal(literal: &[u8]) -> bool {
    match literal.first() {
        Some(b'v' | b'V') => is_ipv_future(&literal[1..]),
        _ => is_ipv6(literal),
    }
}

/// `IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )`, `v` removed.
fn is_ipv_future(rest: &[u8]) -> bool {
    let hex = rest.iter().take_while(|b| b.is_ascii_hexdigit()).count();
    match rest[hex..].split_first() {
        Some((b'.', tail)) => {
            hex > 0 && !tail.is_empty() && tail.iter().all(|&b| CLASSES[usize::from(b)] & FUTURE != 0)
        }
        _ => false,
    }
}

/// RFC 3986's nine `IPv6address` forms: eight 16-bit groups (the last two may be
/// an IPv4 address), or at most seven around one `::`. One pass over the pieces.
fn is_ipv6(address: &[u8]) -> bool {
    let (mut groups, mut elided) = (0usize, false);
    let mut i = 0;
    if address.starts_with(b"::") {
        elided = true;
        i = 2;
    } else if address.first() == Some(&b':') {
        return false;
    }
    while i < address.len() {
        let start = i;
        while i < address.len() && i - start < 5 && address[i].is_ascii_hexdigit() {
            i += 1;
        }
        if address.get(i) == Some(&b'.') {
            // An IPv4 address ends the address and counts as two groups.
            if !is_ipv4(&address[start..]) {
                return false;
            }
            groups += 2;
            break;
        }
        if !(1..=4).contains(&(i - start)) || groups == 8 {
            return false;
        }
        groups += 1;
        match &address[i..] {
            [] => break,
            [b':', b':', ..] if elided => return false,
            [b':', b':', ..] => {
                elided = true;
                i += 2;
            }
            [b':', _, ..] => i += 1,
            _ => return false,
        }
    }
    if elided {
        groups <= 7
    } else {
        groups == 8
    }
}

/// `IPv4address = dec-octet "." dec-octet "." dec-octet "." dec-octet`, where a
/// dec-octet is 0 to 255 without leading zeros.
fn is_ipv4(address: &[u8]) -> bool {
    let mut octets = 0;
    for octet in address.split(|&b| b == b'.') {
        octets += 1;
        let valid = match octet {
            [d] => d.is_ascii_digit(),
            [b'1'..=b'9', d] => d.is_ascii_digit(),
            [b'1', d1, d2] => d1.is_ascii_digit() && d2.is_ascii_digit(),
            [b'2', b'0'..=b'4', d] => d.is_ascii_digit(),
            [b'2', b'5', b'0'..=b'5'] => true,
            _ => false,
        };
        if !valid {
            return false;
        }
    }
    octets == 4
}

/// Whether every byte is in `class`, or is a well-formed percent-escape.
fn all_in(bytes: &[u8], class: u8) -> bool {
    scan(bytes, 0, class) == Some(bytes.len())
}

/// The message of a failed `uri` rule.
pub fn message<S: AsRef<str>>(schemes: &[S]) -> String {
    const RULE: &str = ", per RFC 3986's `URI` rule (a fragment is allowed)";
    match schemes {
        [] => format!("must be a URI with a scheme{RULE}"),
        [one] => format!("must be a URI with the scheme {}{RULE}", one.as_ref()),
        many => format!("must be a URI with one of the schemes {}{RULE}", join(many)),
    }
}

/// The schemes as a message lists them: `https, http`.
pub(crate) fn join<S: AsRef<str>>(schemes: &[S]) -> String {
    let names: Vec<&str> = schemes.iter().map(AsRef::as_ref).collect();
    names.join(", ")
}

/// The parameters of a failed `uri` or `url` rule: `schemes`, when it names some.
pub(crate) fn params(schemes: &'static [Cow<'static, str>]) -> Params {
    match schemes {
        [] => Params::new(),
        _ => Params::new().with("schemes", schemes),
    }
}

/// The derive's entry: reports a failed `uri` rule at `at`.
#[doc(hidden)]
pub fn check<M, T: StrInput<M> + ?Sized>(
    value: &T,
    schemes: &'static [Cow<'static, str>],
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: Site,
) {
    let valid = |text: &str| match schemes {
        [] => is_uri(text),
        _ => is_uri_with_scheme(text, schemes),
    };
    check_text(value, at, errors, site, valid, Failure { code: "uri", params: || params(schemes), message: || message(schemes) });
}

/// Writes the rule into a JSON Schema (feature `schemars`): `format: uri`, which is
/// RFC 3986's `URI` rule too; with schemes, a `pattern` that admits only those (any
/// case).
///
/// ```
/// let mut schema = schemars::json_schema!({"type": "string"});
/// modelbuild::rules::uri::json_schema(&mut schema, &["https"]);
/// assert_eq!(schema.get("format").unwrap(), "uri");
/// assert_eq!(schema.get("pattern").unwrap(), "^(?:[Hh][Tt][Tt][Pp][Ss]):");
/// ```
#[cfg(feature = "schemars")]
pub fn json_schema<S: AsRef<str>>(schema: &mut crate::schema::Schema, schemes: &[S]) {
    crate::schema::add_format(schema, "uri");
    if !schemes.is_empty() {
        crate::schema::add_pattern(schema, crate::schema::scheme_pattern(schemes));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_forms() {
        for ok in [
            "::",
            "::1",
            "1::",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7::",
            "::2:3:4:5:6:7:8",
            "::ffff:192.0.2.1",
            "1:2:3:4:5:6:1.2.3.4",
        ] {
            assert!(is_ipv6(ok.as_bytes()), "{ok}");
        }
        for bad in [
            "",
            ":",
            ":::",
            "1:::2",
            "1::2::3",
            "1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7:8:9",
            "12345::",
            "::1.2.3.4:1",
            "1:2:3:4:5:6:7::1.2.3.4",
            "::256.1.1.1",
            "::01.1.1.1",
            "g::",
        ] {
            assert!(!is_ipv6(bad.as_bytes()), "{bad}");
        }
    }
}
