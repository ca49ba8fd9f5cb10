//! `is_uri` on a corpus drawn from RFC 3986 (its examples, its grammar's corners, and
//! the corrections its errata make), each case with where it comes from.

use modelbuild::rules::{is_uri, is_uri_with_scheme};

const VALID: &[(&str, &str)] = &[
    // Section 1.1.2, the examples.
    ("ftp://ftp.is.co.za/rfc/rfc1808.txt", "1.1.2"),
    ("http://www.ietf.org/rfc/rfc2396.txt", "1.1.2"),
    ("ldap://[2001:db8::7]/c=GB?objectClass?one", "1.1.2, IPv6 literal"),
    ("mailto:John.Doe@example.com", "1.1.2, path-rootless"),
    ("news:comp.infosystems.www.servers.unix", "1.1.2"),
    ("tel:+1-816-555-1212", "1.1.2"),
    ("telnet://192.0.2.16:80/", "1.1.2, IPv4 and port"),
    ("urn:oasis:names:specification:docbook:dtd:xml:4.1.2", "1.1.2"),
    // Section 3, the components.
    ("foo://example.com:8042/over/there?name=ferret#nose", "3"),
    ("urn:example:animal:ferret:nose", "3"),
    ("file:///etc/hosts", "3.2.2, empty reg-name"),
    ("http://example.com:/", "3.2.3, empty port"),
    ("http://example.com:65536/", "3.2.3, port is *DIGIT, not a range"),
    ("http://user:pass@example.com/", "3.2.1, userinfo"),
    ("http://@example.com/", "3.2.1, empty userinfo"),
    ("http://a%20b@example.com/", "3.2.1, escaped userinfo"),
    ("http://ex%41mple.com/", "3.2.2, escaped reg-name"),
    ("http://999.999.999.999/", "3.2.2, not IPv4, but a valid reg-name"),
    ("http://example.com", "3.3, path-abempty empty"),
    ("http://example.com/a//b", "3.3, empty segments"),
    ("a:", "3, scheme with path-empty"),
    ("a+b-c.d:x", "3.1, scheme punctuation"),
    ("HTTP://EXAMPLE.COM/", "3.1, upper-case scheme"),
    ("foo:/a/b", "3.3, path-absolute"),
    ("foo:a/b/", "3.3, path-rootless"),
    ("foo:a:b@c", "3.3, colons and at-signs in a rootless path"),
    ("http://example.com/?", "3.4, empty query"),
    ("http://example.com/#", "3.5, empty fragment"),
    ("http://example.com/?a=/b?c", "3.4, slash and question mark in query"),
    ("http://example.com/#a/b?c", "3.5, slash and question mark in fragment"),
    ("http://example.com/!$&'()*+,;=:@", "2.2, sub-delims in a path"),
    ("http://example.com/%7Euser", "2.1, percent-escape"),
    ("http://example.com/%7euser", "2.1, lower-case hex in an escape"),
    ("http://example.com/-._~", "2.3, unreserved"),
    // Section 3.2.2, IP literals.
    ("http://[::1]/", "3.2.2, loopback"),
    ("http://[::]/", "3.2.2, unspecified"),
    ("http://[1:2:3:4:5:6:7:8]/", "3.2.2, eight groups"),
    ("http://[1:2:3:4:5:6:7::]/", "3.2.2, seven then ::"),
    ("http://[::2:3:4:5:6:7:8]/", "3.2.2, :: then seven"),
    ("http://[::ffff:192.0.2.1]/", "3.2.2, IPv4 in IPv6"),
    ("http://[1:2:3:4:5:6:192.0.2.1]/", "3.2.2, six groups then IPv4"),
    ("http://[FEDC:BA98:7654:3210:FEDC:BA98:7654:3210]:80/index.html", "3.2.2, RFC 2732 example"),
    ("http://[v7.fe80::a+en1]/", "3.2.2, IPvFuture"),
    ("http://[V1F.x:y]/", "3.2.2, IPvFuture, upper-case v"),
    // Section 5.4, the resolved targets of the reference resolution examples.
    ("http://a/b/c/g;x?y#s", "5.4.1"),
    ("http://a/b/c/d;p?q", "5.4, base URI"),
    ("http://g", "5.4.1"),
    ("http://a/b/c/g?y/./x", "5.4.2"),
    ("http://a/b/c/./g", "5.4.2, dot segments are still valid text"),
    ("http:g", "5.4.2, rootless path after a scheme"),
    // Twilio's own.
    ("https://autopilot.twilio.com/v1/Assistants/UAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/ModelBuilds?PageSize=50&Page=0", "Twilio"),
];

const INVALID: &[(&str, &str)] = &[
    ("", "no scheme"),
    ("example.com", "no scheme"),
    ("//example.com/", "4.2, network-path reference is relative"),
    ("/over/there", "4.2, absolute-path reference is relative"),
    ("g;x?y#s", "5.4.1, relative reference"),
    ("?y", "5.4.1, relative reference"),
    ("#s", "5.4.1, relative reference"),
    (":foo", "3.1, empty scheme"),
    ("1http://example.com", "3.1, scheme starts with a digit"),
    ("ht tp://example.com", "3.1, space in scheme"),
    ("ht_tp://example.com", "3.1, underscore in scheme"),
    ("http://exa mple.com/", "2, space"),
    ("http://example.com/a b", "2, space in path"),
    ("http://example.com/\t", "2, control character"),
    (
        "http://exämple.com/",
        "2, non-ASCII, must be escaped (IRI, not URI)",
    ),
    ("http://example.com/%", "2.1, truncated escape"),
    ("http://example.com/%4", "2.1, truncated escape"),
    ("http://example.com/%zz", "2.1, non-hex escape"),
    ("http://example.com/%G0", "2.1, non-hex escape"),
    ("http://example.com/<>", "2, excluded delimiters"),
    ("http://example.com/\"", "2, quote"),
    ("http://example.com/a\\b", "2, backslash"),
    ("http://example.com/{x}", "2, braces"),
    ("http://example.com/a|b", "2, pipe"),
    ("http://example.com/^", "2, caret"),
    ("http://example.com/`", "2, backtick"),
    ("http://example.com/#a#b", "3.5, second number sign"),
    ("http://example.com:80a/", "3.2.3, port with a letter"),
    ("http://example.com:-1/", "3.2.3, negative port"),
    ("http://a@b@example.com/", "3.2.1, at-sign in host"),
    ("http://exa[mple.com/", "3.2.2, bracket in reg-name"),
    ("http://[::1/", "3.2.2, unclosed IP literal"),
    ("http://[::1]x/", "3.2.2, junk after IP literal"),
    ("http://[]/", "3.2.2, empty IP literal"),
    ("http://[:::]/", "3.2.2, triple colon"),
    ("http://[1::2::3]/", "3.2.2, two ::"),
    ("http://[1:2:3:4:5:6:7]/", "3.2.2, seven groups without ::"),
    ("http://[1:2:3:4:5:6:7:8:9]/", "3.2.2, nine groups"),
    ("http://[1:2:3:4:5:6:7:8::]/", "3.2.2, eight groups and ::"),
    ("http://[12345::]/", "3.2.2, five-digit group"),
    ("http://[::1.2.3]/", "3.2.2, short IPv4"),
    ("http://[::256.0.0.1]/", "3.2.2, dec-octet over 255"),
    ("http://[::01.0.0.1]/", "3.2.2, dec-octet with a leading zero"),
    ("http://[::1.2.3.4:5]/", "3.2.2, IPv4 not last"),
    ("http://[1.2.3.4]/", "3.2.2, bare IPv4 in brackets"),
    (
        "http://[fe80::1%25en0]/",
        "3.2.2, zone ID is RFC 6874, not RFC 3986",
    ),
    ("http://[v.x]/", "3.2.2, IPvFuture without hex version"),
    ("http://[v7.]/", "3.2.2, IPvFuture without address"),
    ("http://[v7x]/", "3.2.2, IPvFuture without dot"),
    ("http://[v7./]/", "3.2.2, slash in IPvFuture"),
    ("http://[g::1]/", "3.2.2, non-hex group"),
];

#[test]
fn the_corpus_is_large_enough() {
    assert!(VALID.len() + INVALID.len() >= 60);
}

#[test]
fn valid_uris_are_accepted() {
    let rejected: Vec<_> = VALID.iter().filter(|(uri, _)| !is_uri(uri)).collect();
    assert!(rejected.is_empty(), "rejected: {rejected:#?}");
}

#[test]
fn invalid_uris_are_rejected() {
    let accepted: Vec<_> = INVALID.iter().filter(|(uri, _)| is_uri(uri)).collect();
    assert!(accepted.is_empty(), "accepted: {accepted:#?}");
}

#[test]
fn scheme_lists_compare_without_case() {
    assert!(is_uri_with_scheme("HtTpS://example.com", &["https"]));
    assert!(!is_uri_with_scheme("https://exa mple.com", &["https"]));
    assert!(!is_uri_with_scheme("urn:x", &["http", "https"]));
    assert!(!is_uri_with_scheme("httpx://x", &["http"]));
}
