//! `uri`: a URI exactly as RFC 3986's `URI` rule (section 3) defines it.
//!
//! ```text
//! URI          = scheme ":" hier-part [ "?" query ] [ "#" fragment ]   (section 3)
//! absolute-URI = scheme ":" hier-part [ "?" query ]                    (section 4.3)
//! ```
//!
//! A value passes when it matches the first rule: a scheme is required (so a relative
//! reference such as `/path` fails) and a fragment is allowed, which the stricter
//! `absolute-URI` rule forbids. OpenAPI's `format: uri` means the same `URI` rule. Only
//! ASCII passes, so `https://exämple.com` or a space is rejected; percent-escapes must be
//! `%` and two hexadecimal digits; a host may be an IPv6 or IPvFuture literal in brackets.
//! With `schemes`, the scheme must also be one of those, compared without regard to ASCII
//! case (`HTTPS://…` passes `schemes = ["https"]`). An absent value (`None`) passes. The
//! check is one pass over the bytes with a lookup table and allocates nothing.
//!
//! # Attribute
//!
//! | form | passes when |
//! |---|---|
//! | `uri` | the value is a URI, any scheme |
//! | `uri(schemes = ["https", "http"])` | the value is a URI with one of these schemes |
//! | `uri(schemes = ["https"], code = "...", message = "...")` | the same, reported with its own code and message |
//!
//! - `schemes`: a bracketed list of string literals, each an RFC 3986 scheme (a letter,
//!   then letters, digits, `+`, `-` or `.`) given once, whatever its case: `"1http"`,
//!   `"web_hook"` and `["https", "HTTPS"]` are compile errors. An empty list,
//!   `schemes = []`, is accepted and means any scheme, as `uri` alone does.
//! - `uri = "https"` is a compile error: the options go in parentheses.
//! - `code = "..."` replaces the error's code. `message = "..."` replaces its message; it is
//!   a template over the parameters below (`"use {schemes}"`; `{{` and `}}` are braces),
//!   checked while compiling: `{schemes}` on a rule with no schemes is a compile error.
//!   [`Params::render`](crate::Params::render) fills it in (a list as `https, http`).
//! - The rule applies to a string: a type that implements `AsRef<str>` (`String`, `&str`,
//!   `Box<str>`, `Cow<str>`, a newtype of yours), or an `Option`, `Box`, `Rc` or `Arc` of
//!   one ([`StrInput`]). On a field whose type is plainly no string
//!   (a number, `bool`, `char`, a `Vec`) the rule is a compile error at its name; any other
//!   such type fails to compile with "`T` cannot be checked as a string".
//! - As for every rule, an unknown key (with a suggestion), a key given twice and `uri`
//!   twice on one field are compile errors.
//!
//! # Error
//!
//! | code | params | default message |
//! |---|---|---|
//! | `"uri"` | `schemes`: a list of text, as written, only when the rule names some | see below |
//!
//! - ``must be a URI with a scheme, per RFC 3986's `URI` rule (a fragment is allowed)``
//! - ``must be a URI with the scheme https, per RFC 3986's `URI` rule (a fragment is allowed)``
//! - ``must be a URI with one of the schemes https, http, per RFC 3986's `URI` rule (a fragment is allowed)``
//!
//! # Example
//!
//! ```
//! use modelbuild::Validate;
//! use serde_json::json;
//!
//! #[derive(Validate)]
//! struct Callbacks {
//!     #[validate(uri)]
//!     any: String,
//!     #[validate(uri(schemes = ["https", "http"]))]
//!     web: Option<String>,
//!     #[validate(uri(schemes = ["https"], message = "use {schemes}"))]
//!     secure: String,
//! }
//!
//! let callbacks = Callbacks {
//!     any: "/relative".into(),
//!     web: Some("ftp://example.com/file".into()),
//!     secure: "http://example.com".into(),
//! };
//! let errors = callbacks.validate().unwrap_err();
//! let found: Vec<(String, &str, &str)> =
//!     errors.iter().map(|e| (e.path().to_string(), e.code(), e.message())).collect();
//! assert_eq!(found, [
//!     ("any".to_string(), "uri", "must be a URI with a scheme, per RFC 3986's `URI` rule (a fragment is allowed)"),
//!     ("web".to_string(), "uri", "must be a URI with one of the schemes https, http, per RFC 3986's `URI` rule (a fragment is allowed)"),
//!     ("secure".to_string(), "uri", "use https"),
//! ]);
//! let params: Vec<_> = errors.iter().map(|e| serde_json::to_value(e.params()).unwrap()).collect();
//! assert_eq!(params, [json!({}), json!({"schemes": ["https", "http"]}), json!({"schemes": ["https"]})]);
//!
//! let valid = Callbacks {
//!     any: "urn:isbn:0451450523".into(),
//!     web: Some("HTTPS://example.com/#top".into()),
//!     secure: "https://[2001:db8::7]/".into(),
//! };
//! assert!(valid.validate().is_ok());
//! ```
//!
//! # JSON Schema
//!
//! With the `schemars` feature, the rule writes `format: uri`, which is RFC 3986's `URI`
//! rule too, and with schemes a `pattern` that admits only those, in any case
//! (`^(?:[Hh][Tt][Tt][Pp][Ss]):`; this module's `json_schema`).
//!
//! The predicates are [`is_uri`] and [`is_uri_with_scheme`], and the default message
//! [`message`].

use std::borrow::Cow;

use crate::__private::{check_text, Site, Failure};
use crate::params::Params;
use crate::rules::input::StrInput;
use crate::rules::ip::ipv4_at;
use crate::{PathNode, ValidationErrors};

const DIGIT: u8 = 1 << 0;
const PATH: u8 = 1 << 1;
const QUERY: u8 = 1 << 2;
const USERINFO: u8 = 1 << 3;
const REG_NAME: u8 = 1 << 4;
const SCHEME: u8 = 1 << 5;
const FUTURE: u8 = 1 << 6;
const HEXDIG: u8 = 1 << 7;

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
            class |= PATH | QUERY;
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
        if digit {
            class |= DIGIT;
        }
        if c.is_ascii_hexdigit() {
            class |= HEXDIG;
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
/// the path, query and fragment, each a run of its own character class. Every part is
/// read where it stands, with no search ahead for where it ends.
fn scheme_of(value: &str) -> Option<&str> {
    let bytes = value.as_bytes();
    if !bytes.first()?.is_ascii_alphabetic() {
        return None;
    }
    // Most URIs are `http` or `https`: matched whole, they spare the loop whose exit
    // mispredicts as schemes vary.
    let scheme_end = if bytes.starts_with(b"https:") {
        5
    } else if bytes.starts_with(b"http:") {
        4
    } else {
        run(bytes, 1, SCHEME)
    };
    if bytes.get(scheme_end) != Some(&b':') {
        return None;
    }
    let mut i = scheme_end + 1;
    if bytes[i..].starts_with(b"//") {
        i = authority_end(bytes, i + 2)?;
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

/// Where the bytes in `class` from `i` end; no escapes.
fn run(bytes: &[u8], i: usize, class: u8) -> usize {
    i + bytes[i..]
        .iter()
        .take_while(|&&b| CLASSES[usize::from(b)] & class != 0)
        .count()
}

/// Skips bytes in `class` and well-formed percent-escapes from `i`; returns where the
/// run stops, or `None` at a malformed escape.
#[inline(always)]
fn scan(bytes: &[u8], mut i: usize, class: u8) -> Option<usize> {
    // Whole blocks while they hold only plain characters: a block is classed at once,
    // with no branch per byte, which more than halves the time on long paths and
    // queries (scaling bench). Not in an authority: its parts (a user name, a host, a
    // password) are mostly shorter than a block, which would be classed only to fail;
    // skipping it there spends 10% fewer instructions on the bench's eight URIs.
    let blocks = class == PATH || class == QUERY;
    while let Some(block) = bytes.get(i..i + 16).filter(|_| blocks) {
        if !block_in(block, class) {
            break;
        }
        i += 16;
    }
    // Then byte by byte to the end of the run, escapes included. A run with one escape
    // usually has more, and a block tried after each would mostly be wasted.
    while let Some(&b) = bytes.get(i) {
        if CLASSES[usize::from(b)] & class != 0 {
            i += 1;
        } else if b == b'%' {
            match bytes.get(i + 1..i + 3) {
                Some(&[high, low]) if is_hex(high) & is_hex(low) => i += 3,
                _ => return None,
            }
        } else {
            break;
        }
    }
    Some(i)
}

/// Whether every byte of a 16-byte block is in `class`.
#[inline(always)]
fn block_in(block: &[u8], class: u8) -> bool {
    match class {
        // The classes `scan` reads, by arithmetic, which the compiler turns into
        // vector operations on the whole block.
        PATH => block.iter().fold(true, |all, &b| all & is_path_byte(b)),
        QUERY => block.iter().fold(true, |all, &b| all & (is_path_byte(b) | (b == b'?'))),
        // A byte is in `class` when its classes have the bit; the classes of all
        // sixteen ANDed together have it when every byte is.
        _ => block.iter().fold(u8::MAX, |all, &b| all & CLASSES[usize::from(b)]) & class != 0,
    }
}

/// The `PATH` class without the table: printable ASCII but for space, `"`, `#`, `%`
/// (an escape is checked apart), `<`, `>`, `?`, `[`, `\`, `]`, `^`, `` ` ``, `{`, `|`
/// and `}`. Ranges are tested as one unsigned compare after a subtraction.
#[inline(always)]
fn is_path_byte(b: u8) -> bool {
    let printable = b.wrapping_sub(b'!') <= b'~' - b'!';
    let excluded = (b.wrapping_sub(b'"') <= 1) // " #
        | (b == b'%')
        | (b == b'<')
        | (b.wrapping_sub(b'>') <= 1) // > ?
        | (b.wrapping_sub(b'[') <= 3) // [ \ ] ^
        | (b == b'`')
        | (b.wrapping_sub(b'{') <= 2); // { | }
    printable & !excluded
}

/// Whether `byte` is a hexadecimal digit, by the table.
fn is_hex(byte: u8) -> bool {
    CLASSES[usize::from(byte)] & HEXDIG != 0
}

/// `authority = [ userinfo "@" ] host [ ":" port ]` from `start`: where it ends.
///
/// A reg-name's characters are all userinfo characters too, so the first run is read
/// as a host, and taken for a userinfo only when an `@` shows that it was one; digits
/// after a `:` are read as a port, and the userinfo goes on from where they stop if
/// they do not end the authority. No byte is read twice.
fn authority_end(bytes: &[u8], start: usize) -> Option<usize> {
    let name_end = scan(bytes, start, REG_NAME)?;
    match bytes.get(name_end) {
        Some(b'@') => host_and_port_end(bytes, name_end + 1),
        Some(b':') => {
            let port_end = run(bytes, name_end + 1, DIGIT);
            if ends_authority(bytes, port_end) {
                return Some(port_end);
            }
            // Not a port: the `:` is inside a userinfo, which an `@` must end.
            let userinfo_end = scan(bytes, port_end, USERINFO)?;
            if bytes.get(userinfo_end) != Some(&b'@') {
                return None;
            }
            host_and_port_end(bytes, userinfo_end + 1)
        }
        Some(b'[') if name_end == start => host_and_port_end(bytes, start),
        _ => ends_authority(bytes, name_end).then_some(name_end),
    }
}

/// `host [ ":" port ]` from `start`: where it ends.
fn host_and_port_end(bytes: &[u8], start: usize) -> Option<usize> {
    let host_end = match bytes.get(start) {
        Some(b'[') => ip_literal_end(bytes, start + 1)?,
        _ => scan(bytes, start, REG_NAME)?,
    };
    let end = match bytes.get(host_end) {
        Some(b':') => run(bytes, host_end + 1, DIGIT),
        _ => host_end,
    };
    ends_authority(bytes, end).then_some(end)
}

/// Whether an authority may end at `at`: a path-abempty, query or fragment, or
/// nothing, follows it.
fn ends_authority(bytes: &[u8], at: usize) -> bool {
    matches!(bytes.get(at), None | Some(b'/' | b'?' | b'#'))
}

/// `IP-literal = "[" ( IPv6address / IPvFuture ) "]"` from after the `[`: where it
/// ends, after the `]`.
fn ip_literal_end(bytes: &[u8], start: usize) -> Option<usize> {
    let end = match bytes.get(start) {
        Some(b'v' | b'V') => ipv_future_end(bytes, start + 1)?,
        _ => ipv6_end(bytes, start)?,
    };
    (bytes.get(end) == Some(&b']')).then_some(end + 1)
}

/// `IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )` from after the
/// `v`: where it ends.
fn ipv_future_end(bytes: &[u8], start: usize) -> Option<usize> {
    let dot = run(bytes, start, HEXDIG);
    if dot == start || bytes.get(dot) != Some(&b'.') {
        return None;
    }
    let end = run(bytes, dot + 1, FUTURE);
    (end > dot + 1).then_some(end)
}

/// RFC 3986's nine `IPv6address` forms, read from `start` up to the first byte that
/// cannot go on with it: eight 16-bit groups (the last two may be an IPv4 address),
/// or at most seven around one `::`. Where the address ends, if it is one.
fn ipv6_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut groups = 0usize;
    // Where the `::` ends, once one is read.
    let mut elision = None;
    let mut i = start;
    if bytes[i..].starts_with(b"::") {
        i += 2;
        elision = Some(i);
    } else if bytes.get(i) == Some(&b':') {
        return None;
    }
    loop {
        let group = i;
        while i - group < 5 && bytes.get(i).is_some_and(|&b| is_hex(b)) {
            i += 1;
        }
        if bytes.get(i) == Some(&b'.') {
            // An IPv4 address ends the address and counts as two groups.
            i = ipv4_at(bytes, group)?;
            groups += 2;
            break;
        }
        match i - group {
            // Nothing after a `::`, as in `1::` or `::`.
            0 if elision == Some(group) => break,
            1..=4 if groups < 8 => groups += 1,
            _ => return None,
        }
        match bytes.get(i..i + 2) {
            Some(b"::") if elision.is_some() => return None,
            Some(b"::") => {
                i += 2;
                elision = Some(i);
            }
            _ if bytes.get(i) == Some(&b':') => i += 1,
            _ => break,
        }
    }
    let complete = match elision {
        Some(_) => groups <= 7,
        None => groups == 8,
    };
    complete.then_some(i)
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

site_entry!(uri [M, T: StrInput<M> + ?Sized] (value: &T, schemes: &'static [Cow<'static, str>]) => check);

/// The derive's entry: reports a failed `uri` rule at `at`.
#[doc(hidden)]
pub fn check<M, T: StrInput<M> + ?Sized>(
    value: &T,
    schemes: &'static [Cow<'static, str>],
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
) {
    let valid = move |text: &str| match schemes {
        [] => is_uri(text),
        _ => is_uri_with_scheme(text, schemes),
    };
    check_text(value, at, errors, site, valid, move || Failure { code: "uri", params: move || params(schemes), message: move || message(schemes) });
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
    fn the_block_classes_agree_with_the_table() {
        for class in [PATH, QUERY, REG_NAME, USERINFO, FUTURE, SCHEME] {
            for b in 0..=u8::MAX {
                let block = [b; 16];
                let table = CLASSES[usize::from(b)] & class != 0;
                assert_eq!(block_in(&block, class), table, "class {class:#b}, byte {b:#04x}");
                let mut mixed = [b'a'; 16];
                mixed[usize::from(b) % 16] = b;
                assert_eq!(block_in(&mixed, class), table, "class {class:#b}, byte {b:#04x} among letters");
            }
        }
    }

    fn is_ipv6(address: &[u8]) -> bool {
        ipv6_end(address, 0) == Some(address.len())
    }

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
