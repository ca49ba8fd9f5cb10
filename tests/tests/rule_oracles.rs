//! The new predicates against independent oracles, on generated strings that fall on
//! both sides of each rule's boundary:
//! - `is_email` against the HTML Standard's own "valid e-mail address" pattern, written
//!   here as a regex straight from the standard, plus RFC 5321's length limits;
//! - `is_credit_card` against a Luhn check written the other way round (doubling from
//!   the left on a digit string with its separators taken out first);
//! - `is_phone` against a regex of E.164;
//! - `is_ip` against std's parsers after a round trip through `Display`, and against
//!   `url`'s host parser for IPv6;
//! - the character classes and substring rules against their one-line std meanings.

use modelbuild::rules::{
    has_only, has_substring, is_credit_card, is_email, is_ip, is_phone, Characters, IpKind, Substring,
};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use regex::Regex;

/// The HTML Standard's pattern for a valid e-mail address, as the standard gives it.
const HTML_EMAIL: &str = r"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$";

fn email_oracle(value: &str) -> bool {
    let html = Regex::new(HTML_EMAIL).unwrap();
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    html.is_match(value) && local.len() <= 64 && domain.len() <= 255
}

/// Strings of the bytes that matter to an address, in shapes close to real ones.
fn email_candidate() -> impl Strategy<Value = String> {
    let common = prop::sample::select(vec!["a", "Z", "0", "9", "ab", "xn--bcher-kva"]);
    let odd = prop::sample::select(vec![".", "-", "+", "_", "!", "~", "é", " ", "@", ""]);
    let atom = prop_oneof![8 => common, 2 => odd];
    let part = prop::collection::vec(atom, 1..5).prop_map(|parts| parts.concat());
    // Mostly no padding; sometimes right at a length limit, or one past it.
    let pad = prop_oneof![6 => Just(0usize), 1 => prop::sample::select(vec![60usize, 61, 62, 63, 64, 65])];
    let long = pad.prop_map(|n| "l".repeat(n));
    (
        part.clone(),
        long.clone(),
        part.clone(),
        long,
        part,
        any::<bool>(),
    )
        .prop_map(|(local, local_pad, domain, label_pad, tld, dotted)| {
            let domain = if dotted {
                format!("{domain}{label_pad}.{tld}")
            } else {
                format!("{domain}{label_pad}")
            };
            format!("{local}{local_pad}@{domain}")
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn is_email_agrees_with_the_html_standard(candidate in email_candidate()) {
        prop_assert_eq!(is_email(&candidate), email_oracle(&candidate), "{:?}", candidate);
    }
}

#[test]
fn the_email_candidates_fall_on_both_sides() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = email_candidate();
    let valid = (0..2000)
        .filter(|_| is_email(&strategy.new_tree(&mut runner).unwrap().current()))
        .count();
    assert!((200..1800).contains(&valid), "{valid} of 2000 valid");
}

#[test]
fn the_domain_length_limit_holds() {
    let label = "d".repeat(63);
    let domain = [label.as_str(); 4].join(".");
    assert_eq!(domain.len(), 255);
    assert!(is_email(&format!("a@{domain}")));
    assert!(!is_email(&format!("a@{domain}x")));
}

/// Luhn the other way round: from the left, doubling the digits whose distance from
/// the end is odd.
fn luhn_oracle(value: &str) -> bool {
    let groups: Vec<&str> = value.split([' ', '-']).collect();
    if groups
        .iter()
        .any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()))
    {
        return false;
    }
    // A separator is one character: a run of two leaves an empty group, caught above.
    let digits: Vec<u32> = groups.concat().bytes().map(|b| u32::from(b - b'0')).collect();
    if !(12..=19).contains(&digits.len()) {
        return false;
    }
    let total: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            if (digits.len() - i).is_multiple_of(2) {
                let doubled = d * 2;
                doubled / 10 + doubled % 10
            } else {
                d
            }
        })
        .sum();
    total.is_multiple_of(10)
}

/// Up to nine hex groups joined by `:`, perhaps with a `::` somewhere, perhaps an IPv4
/// tail: valid IPv6 or close to it.
fn ipv6_candidate() -> impl Strategy<Value = String> {
    let good = prop::sample::select(vec!["0", "1", "ff", "FFFF", "abcd", "0db8"]);
    let bad = prop::sample::select(vec!["12345", "g", "", ":"]);
    let group = prop_oneof![12 => good, 1 => bad];
    let tail = prop::sample::select(vec![
        "",
        "",
        "",
        "1.2.3.4",
        "255.255.255.255",
        "256.1.1.1",
        "01.2.3.4",
        "1.2.3",
        "%eth0",
    ]);
    (prop::collection::vec(group, 0..10), 0usize..12, tail).prop_map(|(groups, gap, tail)| {
        let mut text = String::new();
        for (i, group) in groups.iter().enumerate() {
            if i > 0 {
                text.push(':');
            }
            if i == gap {
                text.push(':');
            }
            text.push_str(group);
        }
        if gap >= groups.len() {
            text.push_str("::");
        }
        if !tail.is_empty() {
            text.push(':');
            text.push_str(tail);
        }
        text
    })
}

fn card_candidate() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec!["0", "1", "4", "5", "9", "42", "4111", " ", "-", "  ", "x"]);
    prop::collection::vec(piece, 8..24).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn is_credit_card_agrees_with_luhn(candidate in card_candidate()) {
        prop_assert_eq!(is_credit_card(&candidate), luhn_oracle(&candidate), "{:?}", candidate);
    }

    #[test]
    fn every_check_digit_but_one_fails(body in "[0-9]{11,18}") {
        let passing: Vec<char> = ('0'..='9').filter(|d| is_credit_card(&format!("{body}{d}"))).collect();
        prop_assert_eq!(passing.len(), 1, "{}", body);
    }

    #[test]
    fn is_phone_agrees_with_e164(candidate in r"\+?[0-9 ]{0,17}") {
        let e164 = Regex::new(r"^\+[1-9][0-9]{0,14}$").unwrap();
        prop_assert_eq!(is_phone(&candidate), e164.is_match(&candidate), "{:?}", candidate);
    }

    #[test]
    fn is_ip_agrees_with_std_after_a_round_trip(bytes in any::<[u8; 16]>(), v4 in any::<[u8; 4]>()) {
        let v6 = std::net::Ipv6Addr::from(bytes).to_string();
        let v4 = std::net::Ipv4Addr::from(v4).to_string();
        prop_assert!(is_ip(&v6, IpKind::V6) && is_ip(&v6, IpKind::Any) && !is_ip(&v6, IpKind::V4));
        prop_assert!(is_ip(&v4, IpKind::V4) && is_ip(&v4, IpKind::Any) && !is_ip(&v4, IpKind::V6));
        // url's host parser is an independent IPv6 reader.
        let host = url::Host::parse(&format!("[{v6}]")).unwrap();
        prop_assert!(matches!(host, url::Host::Ipv6(_)));
    }

    #[test]
    fn is_ip_v4_agrees_with_std(candidate in r"(25[0-9]|2[0-9]{0,2}|0|00|1[0-9]{0,3}|3[0-9]{0,2}|\.){1,9}") {
        let std_says = candidate.parse::<std::net::Ipv4Addr>().is_ok();
        prop_assert_eq!(is_ip(&candidate, IpKind::V4), std_says, "{:?}", candidate);
        prop_assert_eq!(is_ip(&candidate, IpKind::Any), std_says, "{:?}", candidate);
    }

    #[test]
    fn is_ip_v6_agrees_with_std(candidate in ipv6_candidate()) {
        let v6 = candidate.parse::<std::net::Ipv6Addr>().is_ok();
        prop_assert_eq!(is_ip(&candidate, IpKind::V6), v6, "{:?}", candidate);
        let any = candidate.parse::<std::net::IpAddr>().is_ok();
        prop_assert_eq!(is_ip(&candidate, IpKind::Any), any, "{:?}", candidate);
    }

    #[test]
    fn ip_text_that_std_refuses_is_refused(candidate in r"[0-9a-f:.]{0,20}") {
        let std_says = candidate.parse::<std::net::IpAddr>().is_ok();
        prop_assert_eq!(is_ip(&candidate, IpKind::Any), std_says);
    }

    #[test]
    fn character_classes_and_substrings_mean_what_std_says(value in any::<String>(), needle in "[a-c]{1,2}") {
        // Per character, as the rule's definition says, not the predicate's `str::is_ascii`.
        let every_char_ascii = value.chars().all(|c: char| u32::from(c) < 0x80);
        prop_assert_eq!(has_only(&value, Characters::Ascii), every_char_ascii);
        prop_assert_eq!(has_only(&value, Characters::Alphanumeric), value.chars().all(char::is_alphanumeric));
        prop_assert_eq!(has_only(&value, Characters::NonControl), !value.chars().any(char::is_control));
        let text = format!("{value}{needle}");
        prop_assert!(has_substring(&text, Substring::Suffix, &needle));
        prop_assert!(has_substring(&text, Substring::Contains, &needle));
        prop_assert!(!has_substring(&text, Substring::DoesNotContain, &needle));
        prop_assert_eq!(has_substring(&value, Substring::Prefix, &needle), value.starts_with(needle.as_str()));
    }
}

proptest! {
    // A one-byte needle takes the word-at-a-time search: any byte, any length, any
    // place, against std's own search.
    #[test]
    fn a_one_byte_needle_is_found_where_std_finds_it(value in any::<String>(), byte in 0u8..0x80) {
        let needle = char::from(byte).to_string();
        let std_says = value.contains(needle.as_str());
        prop_assert_eq!(has_substring(&value, Substring::Contains, &needle), std_says);
        prop_assert_eq!(has_substring(&value, Substring::DoesNotContain, &needle), !std_says);
    }
}

#[test]
fn a_one_byte_needle_is_found_at_every_place_of_every_short_length() {
    for len in 0..=40 {
        let absent = "a".repeat(len);
        for needle in ["-", "\0", "\x7f", "b"] {
            assert!(
                !has_substring(&absent, Substring::Contains, needle),
                "{needle:?} in {absent:?}"
            );
        }
        for place in 0..len {
            for (needle, filler) in [("-", "a"), ("\0", "\x01"), ("\x7f", "\u{ff}"), ("a", "b")] {
                let mut text: Vec<String> = vec![filler.to_owned(); len];
                text[place] = needle.to_owned();
                let text = text.concat();
                assert!(
                    has_substring(&text, Substring::Contains, needle),
                    "{needle:?} in {text:?}"
                );
                assert!(
                    !has_substring(&text, Substring::DoesNotContain, needle),
                    "{needle:?} in {text:?}"
                );
            }
        }
    }
}

#[test]
fn the_ipv6_candidates_fall_on_both_sides() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = ipv6_candidate();
    let valid = (0..4000)
        .filter(|_| is_ip(&strategy.new_tree(&mut runner).unwrap().current(), IpKind::V6))
        .count();
    assert!((100..3900).contains(&valid), "{valid} of 4000 valid");
}
