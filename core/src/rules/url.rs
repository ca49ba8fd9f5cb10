//! `url`, `url(schemes = ["https"])` (feature `url`): a URL as the WHATWG URL Standard
//! parses it, which is what browsers accept, through the `url` crate.
//!
//! Pick `uri` to accept exactly RFC 3986, what OpenAPI's `format: uri` means: ASCII
//! only, the text as it is. Pick `url` to accept what a browser would open: it takes
//! international domain names (`https://bücher.de/`) and text the parser repairs (a
//! space in a path is percent-encoded, `http:foo` is read as `http://foo/`), and it
//! refuses what no browser opens though RFC 3986 allows it (a port above 65535,
//! `http://example.com:99999`).

use url::Url;

use std::borrow::Cow;

use crate::__private::{check_text, Site, Failure};
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
    Url::parse(value).is_ok()
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
    Url::parse(value).is_ok_and(|url| schemes.iter().any(|s| s.as_ref().eq_ignore_ascii_case(url.scheme())))
}

/// The message of a failed `url` rule.
pub fn message<S: AsRef<str>>(schemes: &[S]) -> String {
    match schemes {
        [] => "must be a URL".to_owned(),
        [one] => format!("must be a URL with the scheme {}", one.as_ref()),
        many => format!("must be a URL with one of the schemes {}", join(many)),
    }
}

/// The derive's entry: reports a failed `url` rule at `at`.
#[doc(hidden)]
pub fn check<M, T: StrInput<M> + ?Sized>(
    value: &T,
    schemes: &'static [Cow<'static, str>],
    at: &PathNode<'_>,
    errors: &mut ValidationErrors,
    site: Site,
) {
    let valid = |text: &str| match schemes {
        [] => is_url(text),
        _ => is_url_with_scheme(text, schemes),
    };
    check_text(value, at, errors, site, valid, Failure { code: "url", params: || params(schemes), message: || message(schemes) });
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
