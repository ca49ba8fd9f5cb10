//! A `StatusCallback` URL, checked beyond the `uri` rule and put in the one form that
//! the request line and `Host` header of the callback reproduce.
//!
//! The `uri` rule takes any RFC 3986 URI with an `http` or `https` scheme, which
//! includes user information, ports of any size and no host at all. The emulator
//! needs a host and a port to connect to, and a receiver checks the signature against
//! the URL it rebuilds as `scheme://` + `Host` + request target; so the URL is
//! refused when it has user information or a port outside 1 to 65535, and is
//! otherwise signed and sent as its normal form: scheme and host in lower case, no
//! fragment, and `/` for an empty path.

use std::fmt;

use crate::errors::clip;

/// A callback URL in its normal form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallbackUrl {
    scheme: String,
    host: String,
    port: Option<u16>,
    target: String,
}

impl CallbackUrl {
    /// Checks and normalizes `url`, which the `uri` rule has accepted; the error
    /// says what is wrong, for a 20422.
    pub fn parse(url: &str) -> Result<CallbackUrl, String> {
        let (scheme, rest) = url
            .split_once("://")
            .ok_or_else(|| format!("{:?} has no host to send the callback to", clip(url)))?;
        let scheme = scheme.to_ascii_lowercase();
        // The fragment never leaves the client: neither sent nor signed.
        let rest = rest.split_once('#').map_or(rest, |(before, _)| before);
        let split = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, target) = rest.split_at(split);
        if authority.contains('@') {
            return Err(format!(
                "{:?} has user information: callbacks are signed with the auth token, not sent with credentials",
                clip(url)
            ));
        }
        let (host, port) = split_port(authority).map_err(|port| {
            format!(
                "the port {:?} of {:?} is not a port from 1 to 65535",
                clip(port),
                clip(url)
            )
        })?;
        if host.is_empty() {
            return Err(format!("{:?} has no host to send the callback to", clip(url)));
        }
        let target = if target.starts_with('/') {
            target.to_owned()
        } else {
            format!("/{target}")
        };
        Ok(CallbackUrl {
            scheme,
            host: host.to_ascii_lowercase(),
            port,
            target,
        })
    }

    /// `http` or `https`.
    pub fn scheme(&self) -> &str {
        &self.scheme
    }

    /// The host to connect to: an IPv6 address without its brackets.
    pub fn address(&self) -> &str {
        self.host.trim_start_matches('[').trim_end_matches(']')
    }

    /// The port to connect to: the URL's, or the scheme's.
    pub fn port(&self) -> u16 {
        self.port.unwrap_or(if self.scheme == "https" { 443 } else { 80 })
    }

    /// The `Host` header: the host, and the port when the URL gives one.
    pub fn authority(&self) -> String {
        match self.port {
            Some(port) => format!("{}:{port}", self.host),
            None => self.host.clone(),
        }
    }

    /// The request target: path and query.
    pub fn target(&self) -> &str {
        &self.target
    }
}

impl fmt::Display for CallbackUrl {
    /// The URL that is signed: scheme, `Host` and request target.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}://{}{}", self.scheme, self.authority(), self.target)
    }
}

/// The host and the port of an authority; the port's text when it is not one.
fn split_port(authority: &str) -> Result<(&str, Option<u16>), &str> {
    // A `:` after an IPv6 literal's `]`, or any `:` when there is no literal.
    let colon = match authority.rfind(']') {
        Some(bracket) => authority[bracket..].find(':').map(|at| bracket + at),
        None => authority.rfind(':'),
    };
    let Some(colon) = colon else {
        return Ok((authority, None));
    };
    let (host, digits) = (&authority[..colon], &authority[colon + 1..]);
    // RFC 3986 allows an empty port, which means the scheme's.
    if digits.is_empty() {
        return Ok((host, None));
    }
    match digits.parse::<u16>() {
        Ok(port) if port > 0 && digits.bytes().all(|b| b.is_ascii_digit()) => Ok((host, Some(port))),
        _ => Err(digits),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_normal_form_is_what_the_request_reproduces() {
        for (given, signed, host, target) in [
            ("http://example.com", "http://example.com/", "example.com", "/"),
            (
                "HTTP://Example.COM:8080?a=B#frag",
                "http://example.com:8080/?a=B",
                "example.com:8080",
                "/?a=B",
            ),
            (
                "http://127.0.0.1:9/Path/%41?x#y",
                "http://127.0.0.1:9/Path/%41?x",
                "127.0.0.1:9",
                "/Path/%41?x",
            ),
            ("http://[::1]:81/cb", "http://[::1]:81/cb", "[::1]:81", "/cb"),
            (
                "http://example.com:/cb",
                "http://example.com/cb",
                "example.com",
                "/cb",
            ),
        ] {
            let url = CallbackUrl::parse(given).unwrap();
            assert_eq!(url.to_string(), signed, "{given}");
            assert_eq!(
                (url.authority().as_str(), url.target()),
                (host, target),
                "{given}"
            );
        }
        let v6 = CallbackUrl::parse("http://[::1]/").unwrap();
        assert_eq!((v6.address(), v6.port()), ("::1", 80));
        assert_eq!(CallbackUrl::parse("https://example.com").unwrap().port(), 443);
    }

    #[test]
    fn what_cannot_be_sent_or_signed_is_refused() {
        for (url, why) in [
            ("http://127.0.0.1:99999/cb", "the port \"99999\""),
            ("http://127.0.0.1:0/cb", "the port \"0\""),
            ("http://127.0.0.1:+80/cb", "the port \"+80\""),
            ("http://user:secret@127.0.0.1/cb", "has user information"),
            ("http://@127.0.0.1/cb", "has user information"),
            ("http:/cb", "has no host"),
            ("http:///cb", "has no host"),
        ] {
            let error = CallbackUrl::parse(url).unwrap_err();
            assert!(error.contains(why), "{url}: {error}");
        }
    }
}
