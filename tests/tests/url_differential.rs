//! `is_url` against `url::Url::parse`, on generated URLs.
//!
//! `is_url` answers most `http` and `https` URLs without parsing them, and leaves the
//! rest to the parser. This test holds that shortcut to the parser's answers: URLs
//! built from parts chosen near the edges of what the WHATWG parser refuses (punycode
//! labels, numeric last labels, hyphens at label edges, ports past 65535, empty hosts,
//! userinfo), a third of them then edited at random. The two must agree on every one.

use modelbuild::rules::{is_url, is_url_with_scheme};
use url::Url;

mod support;

use support::Rng;

const LABELS: &[&str] = &[
    "example",
    "com",
    "a",
    "Z",
    "localhost",
    "a-b",
    "a--b",
    "-a",
    "a-",
    "xn--",
    "xn--bcher-kva",
    "XN--zz",
    "xn--a",
    "0",
    "1",
    "09",
    "255",
    "256",
    "4294967296",
    "0x1f",
    "0X1F",
    "0x",
    "1e",
    "e1",
    "A1",
    "",
    "bücher",
    "a_b",
    "a~b",
    "%41",
    "a%2Eb",
    "ab!",
    "a*b",
];

const OCTETS: &[&str] = &[
    "0", "9", "10", "99", "100", "199", "249", "255", "256", "01", "00", "300", "0x7f",
];

/// Dotted numbers: an IPv4 address or something near one.
fn dotted(rng: &mut Rng, out: &mut String) {
    let parts = [4, 4, 4, 3, 5, 1][rng.below(6)];
    for i in 0..parts {
        if i > 0 {
            out.push('.');
        }
        out.push_str(rng.pick(OCTETS));
    }
}

/// An IPv6 literal or something near one: groups of one to five hex digits, maybe a
/// `::`, maybe an IPv4 tail, maybe an IPvFuture instead.
fn ip_literal(rng: &mut Rng, out: &mut String) {
    out.push('[');
    match rng.below(8) {
        0 => out.push_str(rng.pick(&["v1.x", "V7.a:b", "v.x", "::", "", "fe80::1%25eth0"])),
        _ => {
            let groups = rng.below(10);
            let elision = (rng.below(3) > 0).then(|| rng.below(groups + 1));
            for i in 0..groups {
                if elision == Some(i) {
                    out.push_str("::");
                } else if i > 0 {
                    out.push(':');
                }
                const HEX: &[u8] = b"0189afAF";
                for _ in 0..[1, 2, 3, 4, 4, 5][rng.below(6)] {
                    out.push(char::from(HEX[rng.below(HEX.len())]));
                }
            }
            if elision == Some(groups) {
                out.push_str("::");
            }
            if rng.below(4) == 0 {
                out.push(':');
                dotted(rng, out);
            }
        }
    }
    if rng.below(20) > 0 {
        out.push(']');
    }
}

fn host(rng: &mut Rng, out: &mut String) {
    match rng.below(10) {
        0 => ip_literal(rng, out),
        1 => dotted(rng, out),
        2 => out.push_str(rng.pick(&["", "0x7f.1", "a..b", "1.2.3.4.", "[::1]x", "[::1", "999.1.1.1"])),
        _ => {
            for i in 0..=rng.below(4) {
                if i > 0 {
                    out.push('.');
                }
                match rng.below(4) {
                    0 | 1 => {
                        // A label of letters, digits and hyphens, made up here.
                        const ALPHABET: &[u8] = b"abzAZ0189-";
                        for _ in 0..=rng.below(6) {
                            out.push(char::from(ALPHABET[rng.below(ALPHABET.len())]));
                        }
                    }
                    _ => out.push_str(rng.pick(LABELS)),
                }
            }
            if rng.below(10) == 0 {
                out.push('.');
            }
        }
    }
}

fn url(rng: &mut Rng) -> String {
    let mut out = String::new();
    out.push_str(rng.pick(&[
        "http://",
        "https://",
        "http://",
        "https://",
        "HTTP://",
        "Https://",
        "http:/",
        "http:",
        "https:///",
        "ftp://",
        "ws://",
        "foo://",
        "h://",
    ]));
    out.push_str(rng.pick(&[
        "",
        "",
        "",
        "",
        "user@",
        "u:p@",
        "@",
        ":@",
        "a%20b@",
        "a@b@",
        "ü@",
        "user:pa:ss@",
        "%zz@",
    ]));
    host(rng, &mut out);
    out.push_str(rng.pick(&[
        "", "", "", ":", ":0", ":80", ":443", ":65535", ":65536", ":99999", ":00080", ":000080", ":8a",
        ":-1", ": 80",
    ]));
    out.push_str(rng.pick(&[
        "", "/", "/a/b", "/a b", "/%zz", "/%41", "/ü", "/a?b=c", "?q", "#f", "/a#b#c", "\\x", "/[x]",
        "/a?b#c",
    ]));
    out
}

/// One random insertion, deletion or replacement with a character that matters to a
/// URL's parts.
fn edit(rng: &mut Rng, url: &mut String) {
    const CHARS: &[char] = &[
        '.', '-', ':', '@', '/', '?', '#', '%', '[', ']', ' ', 'x', 'ü', '0', 'a', 'A', '\\',
    ];
    let boundaries: Vec<usize> = (0..=url.len()).filter(|&i| url.is_char_boundary(i)).collect();
    let at = boundaries[rng.below(boundaries.len())];
    let replacement = CHARS[rng.below(CHARS.len())];
    match rng.below(3) {
        0 => url.insert(at, replacement),
        _ if at == url.len() => url.push(replacement),
        1 => drop(url.remove(at)),
        _ => {
            url.remove(at);
            url.insert(at, replacement);
        }
    }
}

#[test]
fn is_url_agrees_with_the_url_crate_on_generated_urls() {
    let mut rng = Rng(0x0075_726c);
    let (mut total, mut plain_candidates) = (0, 0);
    for _ in 0..300_000 {
        let mut candidate = url(&mut rng);
        if rng.below(3) == 0 {
            edit(&mut rng, &mut candidate);
        }
        let parsed = Url::parse(&candidate);
        assert_eq!(is_url(&candidate), parsed.is_ok(), "is_url({candidate:?})");
        let https = parsed.as_ref().is_ok_and(|u| u.scheme() == "https");
        assert_eq!(
            is_url_with_scheme(&candidate, &["https"]),
            https,
            "is_url_with_scheme({candidate:?}, https)"
        );
        total += 1;
        // The URLs the shortcut is for: written http(s):// with a domain the parser took.
        let written_plain = candidate.starts_with("http://") || candidate.starts_with("https://");
        if written_plain && parsed.is_ok_and(|u| matches!(u.host(), Some(url::Host::Domain(_)))) {
            plain_candidates += 1;
        }
    }
    // The generator must keep feeding the shortcut (one URL in ten at least, some
    // 30,000), or this test would prove little.
    assert!(plain_candidates * 10 > total, "{plain_candidates} of {total}");
}
