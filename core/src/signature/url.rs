//! The parts of a URL a signature check needs, found without parsing the whole URL:
//! the signed string is the URL's text, so nothing may be normalised but the port.

use std::borrow::Cow;

/// The URL as given and, for `http` and `https`, the same URL with its default port
/// removed when it has it, or added when it has none. A non-default port gives no
/// second form.
pub(super) fn port_variants(url: &str) -> impl Iterator<Item = Cow<'_, str>> {
    std::iter::once(Cow::Borrowed(url)).chain(other_port_form(url).map(Cow::Owned))
}

fn other_port_form(url: &str) -> Option<String> {
    let scheme_end = url.find("://")?;
    let default_port = match url[..scheme_end].to_ascii_lowercase().as_str() {
        "https" => "443",
        "http" => "80",
        _ => return None,
    };
    let authority_start = scheme_end + 3;
    let authority_end = url[authority_start..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |end| authority_start + end);
    let authority = &url[authority_start..authority_end];
    // The host starts after any userinfo, whose password may hold a `:`.
    let host_start = authority.rfind('@').map_or(0, |at| at + 1);
    let host_port = &authority[host_start..];
    // An IPv6 host is bracketed and full of `:`; its port comes after the `]`.
    let after_host = host_port.rfind(']').map_or(0, |bracket| bracket + 1);
    match host_port[after_host..].rfind(':') {
        Some(colon) => {
            let port = &host_port[after_host + colon + 1..];
            if port != default_port {
                return None;
            }
            let colon_at = authority_start + host_start + after_host + colon;
            Some(format!("{}{}", &url[..colon_at], &url[authority_end..]))
        }
        None => Some(format!(
            "{}:{default_port}{}",
            &url[..authority_end],
            &url[authority_end..]
        )),
    }
}

/// The raw value of the first `name` parameter of the URL's query.
pub(super) fn query_param<'a>(url: &'a str, name: &str) -> Option<&'a str> {
    let query = url.split('#').next()?.split_once('?')?.1;
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == name).then_some(value)
    })
}

/// `url` with `name=value` added at the end of its query (before any fragment).
pub(super) fn with_query_param(url: &str, name: &str, value: &str) -> String {
    let (base, fragment) = match url.find('#') {
        Some(hash) => url.split_at(hash),
        None => (url, ""),
    };
    let separator = match base.find('?') {
        None => "?",
        Some(question) if question + 1 == base.len() || base.ends_with('&') => "",
        Some(_) => "&",
    };
    format!("{base}{separator}{name}={value}{fragment}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_port_is_added_or_removed_and_nothing_else_changes() {
        let cases = [
            ("https://a.test/x?q=1", Some("https://a.test:443/x?q=1")),
            ("https://a.test:443/x", Some("https://a.test/x")),
            ("http://a.test:80", Some("http://a.test")),
            ("http://a.test", Some("http://a.test:80")),
            ("HTTPS://a.test?x", Some("HTTPS://a.test:443?x")),
            ("https://a.test:8443/x", None),
            ("http://a.test:443/x", None),
            (
                "https://user:pa:ss@a.test/x",
                Some("https://user:pa:ss@a.test:443/x"),
            ),
            ("https://user:443@a.test:443/x", Some("https://user:443@a.test/x")),
            ("https://[::1]/x", Some("https://[::1]:443/x")),
            ("https://[::1]:443/x", Some("https://[::1]/x")),
            ("wss://a.test/x", None),
            ("not a url", None),
        ];
        for (url, other) in cases {
            assert_eq!(other_port_form(url).as_deref(), other, "{url}");
        }
    }

    #[test]
    fn query_params_are_found_and_added() {
        assert_eq!(
            query_param("https://a/x?a=1&bodySHA256=ab#f", "bodySHA256"),
            Some("ab")
        );
        assert_eq!(query_param("https://a/x?bodySHA2=ab", "bodySHA256"), None);
        assert_eq!(query_param("https://a/x#?bodySHA256=ab", "bodySHA256"), None);
        assert_eq!(with_query_param("https://a/x", "k", "v"), "https://a/x?k=v");
        assert_eq!(
            with_query_param("https://a/x?a=1", "k", "v"),
            "https://a/x?a=1&k=v"
        );
        assert_eq!(with_query_param("https://a/x?", "k", "v"), "https://a/x?k=v");
        assert_eq!(
            with_query_param("https://a/x?a#f", "k", "v"),
            "https://a/x?a&k=v#f"
        );
    }
}
