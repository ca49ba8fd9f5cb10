//! `is_uri` against fluent-uri, an independent strict RFC 3986 parser, on generated
//! strings: URIs built from the grammar's parts (schemes, userinfo, reg-names, IPv4,
//! IPv6 and IPvFuture literals, ports, paths, queries, fragments, percent-escapes),
//! half of them then broken by random edits with the characters that matter to the
//! grammar. The two must agree on every one.

use fluent_uri::Uri;
use modelbuild::rules::is_uri;

mod support;

use support::Rng;

/// Up to `max` characters drawn from `alphabet`, with percent-escapes, some of
/// them malformed, among them.
fn run(rng: &mut Rng, alphabet: &str, max: usize, out: &mut String) {
    let chars: Vec<char> = alphabet.chars().collect();
    for _ in 0..rng.below(max + 1) {
        match rng.below(12) {
            0 => out.push_str(rng.pick(&["%20", "%7E", "%41", "%c3%A9", "%", "%4", "%zz", "%%"])),
            _ => out.push(chars[rng.below(chars.len())]),
        }
    }
}

const UNRESERVED: &str = "abcxyzABCXYZ0189-._~";
const SUB_DELIMS: &str = "!$&'()*+,;=";

fn scheme(rng: &mut Rng, out: &mut String) {
    out.push_str(rng.pick(&[
        "http", "https", "urn", "a", "Z", "a+b-c.d", "mailto", "x1", "tel", "1a", "", "a_b", "+a", "é",
    ]));
}

fn dec_octet(rng: &mut Rng) -> String {
    rng.pick(&[
        "0", "9", "10", "99", "100", "199", "200", "249", "250", "255", "256", "01", "300", "1000",
    ])
    .to_string()
}

fn ipv4(rng: &mut Rng) -> String {
    let parts = if rng.chance(90) { 4 } else { rng.below(6) };
    (0..parts).map(|_| dec_octet(rng)).collect::<Vec<_>>().join(".")
}

fn h16(rng: &mut Rng) -> String {
    let digits = if rng.chance(95) { 1 + rng.below(4) } else { 5 };
    let alphabet = b"0123456789abcdefABCDEFg";
    (0..digits)
        .map(|_| {
            let letters = if rng.chance(98) { 22 } else { 23 };
            alphabet[rng.below(letters)] as char
        })
        .collect()
}

fn ipv6(rng: &mut Rng) -> String {
    // 8 groups, or fewer around one `::`, sometimes ending in an IPv4 address, and
    // sometimes with a group too many or a second `::`.
    let total = if rng.chance(90) { 8 } else { 7 + 2 * rng.below(2) };
    let v4_tail = rng.chance(20);
    let groups = total - if v4_tail { 2 } else { 0 };
    let elided = if rng.chance(70) {
        Some(rng.below(groups + 1))
    } else {
        None
    };
    let kept: Vec<String> = match elided {
        Some(_) => (0..rng.below(groups)).map(|_| h16(rng)).collect(),
        None => (0..groups).map(|_| h16(rng)).collect(),
    };
    let mut text = match elided {
        Some(at) => {
            let at = at.min(kept.len());
            format!("{}::{}", kept[..at].join(":"), kept[at..].join(":"))
        }
        None => kept.join(":"),
    };
    if v4_tail {
        if !text.ends_with(':') && !text.is_empty() {
            text.push(':');
        }
        text.push_str(&ipv4(rng));
    }
    if rng.chance(3) {
        text.push_str("::1");
    }
    text
}

fn host(rng: &mut Rng, out: &mut String) {
    match rng.below(10) {
        0..=4 => run(rng, &format!("{UNRESERVED}{SUB_DELIMS}"), 12, out),
        5 | 6 => out.push_str(&ipv4(rng)),
        7 | 8 => {
            out.push('[');
            out.push_str(&ipv6(rng));
            out.push(']');
        }
        _ => {
            out.push_str(rng.pick(&["[v1.", "[vF.", "[v.", "[v12", "[V7.", "[vg."]));
            run(rng, &format!("{UNRESERVED}{SUB_DELIMS}:"), 6, out);
            out.push(']');
        }
    }
}

/// A URI from the grammar's parts; some parts are drawn from wrong alphabets.
fn generate(rng: &mut Rng) -> String {
    let mut out = String::new();
    scheme(rng, &mut out);
    out.push(':');
    let authority = rng.chance(70);
    if authority {
        out.push_str("//");
        if rng.chance(20) {
            run(rng, &format!("{UNRESERVED}{SUB_DELIMS}:"), 8, &mut out);
            out.push('@');
        }
        host(rng, &mut out);
        if rng.chance(30) {
            out.push(':');
            run(rng, "0123456789", 6, &mut out);
        }
    }
    for i in 0..rng.below(4) {
        if authority || i > 0 || rng.chance(50) {
            out.push('/');
        }
        run(rng, &format!("{UNRESERVED}{SUB_DELIMS}:@"), 8, &mut out);
    }
    if rng.chance(30) {
        out.push('?');
        run(rng, &format!("{UNRESERVED}{SUB_DELIMS}:@/?"), 10, &mut out);
    }
    if rng.chance(20) {
        out.push('#');
        run(rng, &format!("{UNRESERVED}{SUB_DELIMS}:@/?"), 10, &mut out);
    }
    out
}

/// One to three random edits with characters that delimit or may not appear.
fn mutate(rng: &mut Rng, text: &mut String) {
    const EDITS: &[&str] = &[
        "%", "[", "]", ":", "@", "/", "?", "#", " ", "é", "\"", "<", "\\", "^", "{", "|", "0", "f", "G", ".",
        "::", "//", "%2", "v1.", "\u{0}", "\u{7f}",
    ];
    for _ in 0..1 + rng.below(3) {
        let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let at = boundaries[rng.below(boundaries.len())];
        match rng.below(3) {
            0 => text.insert_str(at, rng.pick(EDITS)),
            1 if at < text.len() => {
                let end = boundaries.iter().copied().find(|&b| b > at).unwrap_or(text.len());
                text.replace_range(at..end, "");
            }
            _ if at < text.len() => {
                let end = boundaries.iter().copied().find(|&b| b > at).unwrap_or(text.len());
                text.replace_range(at..end, rng.pick(EDITS));
            }
            _ => text.push_str(rng.pick(EDITS)),
        }
    }
}

#[test]
fn is_uri_agrees_with_fluent_uri_on_a_million_generated_strings() {
    const STRINGS: usize = 1_000_000;
    let mut rng = Rng(0x00c0_ffee);
    let (mut accepted, mut disagreements) = (0usize, Vec::new());
    for _ in 0..STRINGS {
        let mut text = generate(&mut rng);
        if rng.chance(50) {
            mutate(&mut rng, &mut text);
        }
        let ours = is_uri(&text);
        let theirs = Uri::parse(text.as_str()).is_ok();
        accepted += usize::from(ours);
        if ours != theirs && disagreements.len() < 20 {
            disagreements.push(format!("{text:?}: is_uri {ours}, fluent-uri {theirs}"));
        }
    }
    assert!(
        disagreements.is_empty(),
        "disagreements:\n{}",
        disagreements.join("\n")
    );
    // Both sides of the grammar are exercised, not just one.
    assert!(
        (STRINGS / 5..STRINGS * 4 / 5).contains(&accepted),
        "{accepted} of {STRINGS} accepted: the generator leans too far one way"
    );
}
