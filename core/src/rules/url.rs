//! `url`, `url(schemes = ["https"])` (feature `url`): a URL as the WHATWG URL Standard
//! parses it, which is what browsers accept, through the `url` crate.
//!
//! A value passes when `url::Url::parse` accepts it as an absolute URL; with `schemes`,
//! its scheme must also be one of those, compared without regard to ASCII case. An absent
//! value (`None`) passes.
//!
//! Pick [`uri`](super::uri) to accept exactly RFC 3986, what OpenAPI's `format: uri`
//! means: ASCII only, the text as it is. Pick `url` to accept what a browser would open: it
//! takes international domain names (`https://bücher.de/`) and text the parser repairs (a
//! space in a path is percent-encoded, `http:foo` is read as `http://foo/`), and it
//! refuses what no browser opens though RFC 3986 allows it (a port above 65535,
//! `http://example.com:99999`).
//!
//! The answer is always the parser's, but most `http` and `https` URLs get it without
//! running the parser, and without an allocation: those whose every part the parser is
//! known to accept (an RFC 3986 URI with an ASCII host name, an IPv4 address or an IPv6
//! literal, and a port of at most 65535).
//!
//! # Attribute
//!
//! | form | passes when |
//! |---|---|
//! | `url` | the value parses as a URL, any scheme |
//! | `url(schemes = ["https", "http"])` | the value parses as a URL with one of these schemes |
//! | `url(schemes = ["https"], code = "...", message = "...")` | the same, reported with its own code and message |
//!
//! - The rule needs modelbuild's `url` feature, off by default; without it, `url` is a
//!   compile error that names the feature (and suggests `uri`).
//! - `schemes`: a bracketed list of string literals, each an RFC 3986 scheme (a letter,
//!   then letters, digits, `+`, `-` or `.`) given once, whatever its case: `"1http"` and
//!   `["https", "HTTPS"]` are compile errors. An empty list means any scheme.
//! - `url = "https"` is a compile error: the options go in parentheses.
//! - `code = "..."` replaces the error's code. `message = "..."` replaces its message; it is
//!   a template over the parameters below (`"use {schemes}"`; `{{` and `}}` are braces),
//!   checked while compiling: `{schemes}` on a rule with no schemes is a compile error.
//!   [`Params::render`](crate::Params::render) fills it in (a list as `https, http`).
//! - The rule applies to a string: a type that implements `AsRef<str>` (`String`, `&str`,
//!   `Box<str>`, `Cow<str>`, a newtype of yours), or an `Option`, `Box`, `Rc` or `Arc` of
//!   one ([`StrInput`]). On a field whose type is plainly no string
//!   (a number, `bool`, `char`, a `Vec`) the rule is a compile error at its name; any other
//!   such type fails to compile with "`T` cannot be checked as a string".
//! - As for every rule, an unknown key (with a suggestion), a key given twice and `url`
//!   twice on one field are compile errors.
//!
//! # Error
//!
//! | code | params | default message |
//! |---|---|---|
//! | `"url"` | none | `must be a URL` |
//! | `"url"` | `schemes`: a list of text, as written (`["https"]`) | `must be a URL with the scheme https` |
//! | `"url"` | `schemes` (`["https", "http"]`) | `must be a URL with one of the schemes https, http` |
//!
//! # Example
//!
//! ```
//! use modelbuild::Validate;
//! use serde_json::json;
//!
//! #[derive(Validate)]
//! struct Profile {
//!     #[validate(url)]
//!     homepage: String,
//!     #[validate(url(schemes = ["https"]))]
//!     avatar: Option<String>,
//! }
//!
//! let profile = Profile {
//!     homepage: "/relative".into(),
//!     avatar: Some("http://example.com/a.png".into()),
//! };
//! let errors = profile.validate().unwrap_err();
//! let found: Vec<(String, &str, &str)> =
//!     errors.iter().map(|e| (e.path().to_string(), e.code(), e.message())).collect();
//! assert_eq!(found, [
//!     ("homepage".to_string(), "url", "must be a URL"),
//!     ("avatar".to_string(), "url", "must be a URL with the scheme https"),
//! ]);
//! let params: Vec<_> = errors.iter().map(|e| serde_json::to_value(e.params()).unwrap()).collect();
//! assert_eq!(params, [json!({}), json!({"schemes": ["https"]})]);
//!
//! // What a browser opens passes: an international domain name, a scheme in capitals.
//! let valid = Profile {
//!     homepage: "https://bücher.de/".into(),
//!     avatar: Some("HTTPS://example.com/a.png".into()),
//! };
//! assert!(valid.validate().is_ok());
//! ```
//!
//! # JSON Schema
//!
//! With the `schemars` feature, the rule writes `format: uri`, the nearest standard
//! format, and with schemes a `pattern` on the scheme. That is narrower than the parser
//! (it refuses `https://bücher.de/`): use `uri` where a schema must say exactly what passes.
//!
//! The predicates are [`is_url`] and [`is_url_with_scheme`], and the default message
//! [`message`].

use url::Url;

use std::borrow::Cow;

use crate::__private::{check_text, Site, Failure};
use crate::rules::ip::{is_ip, IpKind};
use crate::rules::uri::{join, params};
use crate::rules::input::StrInput;
use crate::{PathNode, ValidationErrors};

/// Whether `value` parses as an absolute URL.
///
/// ```
/// use modelbuild::rules::is_url;
///
/// assert!(is_url("https://bücher.de/"));
/// assert!(is_url("https://example.com/a b"));
/// assert!(!is_url("http://example.com:99999")); // no such port
/// assert!(!is_url("/relative"));
/// ```
pub fn is_url(value: &str) -> bool {
    plain_http_scheme(value).is_some() || Url::parse(value).is_ok()
}

/// Whether `value` parses as an absolute URL whose scheme is one of `schemes`, compared
/// without regard to ASCII case.
///
/// ```
/// use modelbuild::rules::is_url_with_scheme;
///
/// assert!(is_url_with_scheme("HTTPS://example.com", &["https"]));
/// assert!(!is_url_with_scheme("ftp://example.com", &["https", "http"]));
/// ```
pub fn is_url_with_scheme<S: AsRef<str>>(value: &str, schemes: &[S]) -> bool {
    let named = |scheme: &str| schemes.iter().any(|s| s.as_ref().eq_ignore_ascii_case(scheme));
    match plain_http_scheme(value) {
        Some(scheme) => named(scheme),
        None => Url::parse(value).is_ok_and(|url| named(url.scheme())),
    }
}

/// The scheme of an `http` or `https` URL that the WHATWG parser is sure to accept,
/// found without parsing it; `None` leaves the answer to the parser.
///
/// The parser refuses a special URL only for its host or its port: every userinfo,
/// path, query and fragment that RFC 3986 allows, it takes. So a URL passes here when
/// it is an RFC 3986 URI written `http://` or `https://`, with
/// - a host that is an IPv6 literal (RFC 3986's forms are all among the parser's), an
///   IPv4 address, or a name of ASCII letters, digits, `-` and `.` in labels that
///   start and end with a letter or digit, none of them `xn--` punycode (which the
///   parser decodes and may refuse), the last one starting with a letter (so that it
///   is not read as an IPv4 number);
/// - no port, or one of at most five digits up to 65535.
///
/// That is most URLs an API meets, and they cost no allocation. A differential test
/// holds this to `url::Url::parse` on generated URLs.
fn plain_http_scheme(value: &str) -> Option<&'static str> {
    let (scheme, rest) = if let Some(rest) = value.strip_prefix("https://") {
        ("https", rest)
    } else {
        ("http", value.strip_prefix("http://")?)
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit('@').next().unwrap_or_default();
    let (host_plain, port) = match host_port.strip_prefix('[') {
        // `is_uri` below checks the literal; an IPvFuture one the parser refuses.
        Some(literal) => {
            let (literal, port) = literal.split_once(']')?;
            (!literal.starts_with(['v', 'V']), port.strip_prefix(':').unwrap_or(port))
        }
        None => {
            let (host, port) = host_port.split_once(':').unwrap_or((host_port, ""));
            (is_ip(host, IpKind::V4) || is_plain_name(host), port)
        }
    };
    let plain = host_plain && is_port(port) && super::uri::is_uri(value);
    plain.then_some(scheme)
}

/// See [`plain_http_scheme`]: labels of letters, digits and inner `-`, no `xn--`, the
/// last starting with a letter.
fn is_plain_name(host: &str) -> bool {
    let is_label = |label: &str| {
        let bytes = label.as_bytes();
        let edges = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
        edges(bytes.first())
            && edges(bytes.last())
            && bytes.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'-')
            && !bytes.get(..4).is_some_and(|ace| ace.eq_ignore_ascii_case(b"xn--"))
    };
    let last_is_name = host.rsplit('.').next().is_some_and(|last| last.starts_with(|c: char| c.is_ascii_alphabetic()));
    last_is_name && host.split('.').all(is_label)
}

/// No port, or at most five digits up to 65535 (`u16` parsing alone would take a `+`).
fn is_port(port: &str) -> bool {
    port.is_empty() || (port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit()) && port.parse::<u16>().is_ok())
}

/// The message of a failed `url` rule.
pub fn message<S: AsRef<str>>(schemes: &[S]) -> String {
    match schemes {
        [] => "must be a URL".to_owned(),
        [one] => format!("must be a URL with the scheme {}", one.as_ref()),
        many => format!("must be a URL with one of the schemes {}", join(many)),
    }
}

site_entry!(url [M, T: StrInput<M> + ?Sized] (value: &T, schemes: &'static [Cow<'static, str>]) => check);

/// The derive's entry: reports a failed `url` rule at `at`.
#[doc(hidden)]
pub fn check<M, T: StrInput<M> + ?Sized>(
    value: &T,
    schemes: &'static [Cow<'static, str>],
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: &'static Site,
) {
    let valid = move |text: &str| match schemes {
        [] => is_url(text),
        _ => is_url_with_scheme(text, schemes),
    };
    check_text(value, at, errors, site, valid, move || Failure { code: "url", params: move || params(schemes), message: move || message(schemes) });
}

/// Writes the rule into a JSON Schema (feature `schemars`): `format: uri`, the nearest
/// standard format, and with schemes a `pattern` on the scheme. It is wider than the
/// WHATWG parser on nothing and narrower on what a browser repairs or accepts beyond
/// RFC 3986 (`https://bücher.de/`, surrounding spaces): use `uri` where a schema must
/// say exactly what passes.
#[cfg(feature = "schemars")]
pub fn json_schema<S: AsRef<str>>(schema: &mut crate::schema::Schema, schemes: &[S]) {
    super::uri::json_schema(schema, schemes);
}
