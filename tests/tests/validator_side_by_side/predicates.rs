//! The per-rule traits and the functions: the same verdict on every input, from corpora
//! of the cases each check turns on and from generated strings around them.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::net::{IpAddr, Ipv4Addr};
use std::sync::{Arc, LazyLock, Mutex, OnceLock};

use proptest::prelude::*;
use regex::Regex;

use crate::both;

/// Addresses around each of validator's e-mail tests: the local part's characters and
/// 64-character limit, labels (hyphens, 63 characters, empty), the 255-character domain,
/// bracketed addresses (validator looks only at the domain's end for them), IDNA.
fn emails() -> Vec<String> {
    let mut emails: Vec<String> = [
        "",
        "abc",
        "abc@",
        "@example.com",
        "a@b",
        "ada@example.com",
        "ada.lovelace+tag@example.co.uk",
        "!#$%&'*+/=?^_`{|}~-@example.com",
        "a b@example.com",
        "\"quoted\"@example.com",
        "a@@example.com",
        "a@b@example.com",
        "a@-example.com",
        "a@example-.com",
        "a@exa--mple.com",
        "a@example..com",
        "a@.example.com",
        "a@example.com.",
        "a@example_under.com",
        "a@EXAMPLE.COM",
        "a@127.0.0.1",
        "a@[127.0.0.1]",
        "a@[127.0.0.256]",
        "a@[::1]",
        "a@[2001:db8::1]",
        "a@[2001:db8::12345]",
        "a@[::ffff:127.0.0.1]",
        "a@[IPv6:::1]",
        "a@[]",
        "a@[1.2.3.4]x",
        "a@x[1.2.3.4]",
        "a@x.y[1.2.3.4]",
        "a@[[1.2.3.4]",
        "a@[1.2.3.4]]",
        "a@bücher.de",
        "a@xn--bcher-kva.de",
        "a@xn--.com",
        "a@ｅｘａｍｐｌｅ.com",
        "a@EXAMPLE.ÇOM",
        "ä@example.com",
        "a@domain.with.idn.tld.उदाहरण.परीक्षा",
        "a@example.com\n",
        "a\n@example.com",
        "a@[127.0.0.1]\n",
        "a@exa\u{0}mple.com",
        "a@exam ple.com",
        "a@ex%41mple.com",
        "a@mañana.com",
        "a@ß.de",
        "a@\u{200d}.com",
    ]
    .map(String::from)
    .to_vec();
    let label = |n: usize| "a".repeat(n);
    for (local, domain) in [
        (label(64), "example.com".to_owned()),
        (label(65), "example.com".to_owned()),
        ("a".to_owned(), format!("{}.com", label(63))),
        ("a".to_owned(), format!("{}.com", label(64))),
        ("a".to_owned(), vec![label(63); 4].join(".")[..255].to_owned()),
        ("a".to_owned(), format!("{}.b", vec![label(63); 4].join("."))),
        ("é".repeat(64), "example.com".to_owned()),
        ("a".to_owned(), format!("{}.de", "ü".repeat(62))),
    ] {
        emails.push(format!("{local}@{domain}"));
    }
    emails
}

#[test]
fn email_verdicts_agree_on_the_corpus() {
    for email in emails() {
        both!(v => (v::ValidateEmail::validate_email(&email), v::ValidateEmail::validate_email(&email.as_str())));
        both!(v => v::ValidateEmail::validate_email(&Cow::Borrowed(email.as_str())));
        assert_eq!(
            modelbuild_validator::validate_email(email.as_str()),
            validator::ValidateEmail::validate_email(&email),
            "{email:?}"
        );
    }
    both!(v => v::ValidateEmail::validate_email(&None::<String>));
    both!(v => v::ValidateEmail::validate_email(&Some(Some("a@b".to_string()))));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn email_verdicts_agree_on_generated_addresses(email in "[a-zA-Z0-9.!#_ü\"-]{0,6}@{1,2}[a-zA-Z0-9.:\\[\\]üÇ_-]{0,14}") {
        prop_assert_eq!(
            validator::ValidateEmail::validate_email(&email),
            modelbuild_validator::ValidateEmail::validate_email(&email),
            "{:?}", email
        );
    }

    #[test]
    fn ip_verdicts_agree(text in "[0-9a-fA-F:.%]{0,20}|\\PC{0,12}") {
        both!(v => (
            v::ValidateIp::validate_ip(&text),
            v::ValidateIp::validate_ipv4(&text),
            v::ValidateIp::validate_ipv6(&text),
        ));
    }

    #[test]
    fn url_verdicts_agree(text in "[a-zA-Z]{0,5}:{0,1}/{0,3}[a-zA-Z0-9.:@%/?#\\[\\] -]{0,20}") {
        both!(v => v::ValidateUrl::validate_url(&text));
    }

    #[test]
    fn card_verdicts_agree(number in "(2|3|4|5|6|8)[0-9]{9,19}|[0-9 -]{0,20}") {
        both!(v => v::ValidateCreditCard::validate_credit_card(&number));
    }

    #[test]
    fn control_character_verdicts_agree(text in "\\PC{0,8}|[\\x00-\\x20\\u{7f}-\\u{a0}a]{0,4}") {
        both!(v => v::ValidateNonControlCharacter::validate_non_control_character(&text));
    }

    #[test]
    fn length_verdicts_agree(text in "\\PC{0,12}", items in 0usize..8, a in 0u64..10, b in 0u64..10, which in 0u8..4) {
        let bounds = match which {
            0 => (Some(a), None, None),
            1 => (None, Some(b), None),
            2 => (Some(a), Some(b), None),
            _ => (Some(a), Some(b), Some(b)),
        };
        let list = vec![0u8; items];
        both!(v => (
            v::ValidateLength::validate_length(&text, bounds.0, bounds.1, bounds.2),
            v::ValidateLength::validate_length(&list, bounds.0, bounds.1, bounds.2),
        ));
    }
}

#[test]
fn ip_verdicts_agree_on_types_that_display() {
    both!(v => (
        v::ValidateIp::validate_ip(&IpAddr::V4(Ipv4Addr::LOCALHOST)),
        v::ValidateIp::validate_ipv6(&IpAddr::V4(Ipv4Addr::LOCALHOST)),
        v::ValidateIp::validate_ip(&1234u32),
        v::ValidateIp::validate_ipv4(&"1.2.3.4"),
        v::ValidateIp::validate_ipv4(&Cow::Borrowed("٧.2٥.3٣.243")),
        v::ValidateIp::validate_ipv4(&"1.1.1.1\n"),
    ));
}

#[test]
fn url_verdicts_agree_on_the_corpus() {
    let urls = [
        "",
        "http://a",
        "https://example.com/a b",
        "HTTP://EXAMPLE.COM",
        "http://example.com:99999",
        "http://[::1]:80/",
        "http://[::1",
        "mailto:ada@example.com",
        "javascript:alert(1)",
        "/relative",
        "example.com",
        "http://",
        "a:",
        "http://ex ample.com",
        "http://1.2.3.4.5",
        "https://bücher.de/",
        "file:///etc/passwd",
    ];
    for url in urls {
        both!(v => (
            v::ValidateUrl::validate_url(&url),
            v::ValidateUrl::validate_url(&url.to_string()),
            v::ValidateUrl::validate_url(&Box::new(url)),
            v::ValidateUrl::validate_url(&Some(Cow::Borrowed(url))),
        ));
        assert_eq!(
            modelbuild_validator::validate_url(url),
            validator::ValidateUrl::validate_url(&url)
        );
    }
}

#[test]
fn card_verdicts_agree_on_each_network() {
    let numbers = [
        "4539571147647251",  // Visa, 16
        "4222222222222",     // Visa, 13
        "4026000000000002",  // Visa Electron
        "4175000000000001",  // Visa Electron, six-digit prefix
        "5555555555554444",  // Mastercard
        "2223003122003222",  // Mastercard, 2-series
        "2200000000000004",  // Mir
        "378282246310005",   // American Express
        "36227206271667",    // Diners Club
        "6011111111111117",  // Discover
        "6221260000000000",  // Discover's 622 before UnionPay
        "6200000000000005",  // UnionPay
        "3530111333300000",  // JCB
        "6759649826438453",  // Maestro
        "5019717010103742",  // Dankort
        "6000000000000000",  // Forbrugsforeningen
        "1234567812345670",  // no network
        "4539571147647252",  // wrong check digit
        "45395711476472511", // too long for Visa
        "4539 5711 4764 7251",
        "",
        "abcd",
    ];
    for number in numbers {
        both!(v => v::ValidateCreditCard::validate_credit_card(&number));
    }
}

#[test]
fn length_agrees_on_every_type_validator_measures() {
    let text = "日本語";
    both!(v => [
        v::ValidateLength::validate_length(&text, Some(3), Some(3), None),
        v::ValidateLength::validate_length(&Cow::Borrowed(text), None, None, Some(3)),
        v::ValidateLength::validate_length(&Some(Some(text.to_string())), Some(4), None, None),
        v::ValidateLength::validate_length(&None::<String>, Some(4), None, None),
        v::ValidateLength::validate_length(&Box::new(String::from("ab")), Some(3), None, None),
        v::ValidateLength::validate_length(&Arc::new(vec![1, 2]), None, Some(1), None),
        v::ValidateLength::validate_length(&[1, 2, 3], None, None, Some(3)),
        v::ValidateLength::validate_length(&[1, 2, 3][..], Some(4), None, None),
        v::ValidateLength::validate_length(&VecDeque::from([1]), Some(1), None, None),
        v::ValidateLength::validate_length(&HashSet::from([1, 2]), None, Some(1), None),
        v::ValidateLength::validate_length(&BTreeSet::from([1]), None, None, Some(1)),
        v::ValidateLength::validate_length(&HashMap::from([(1, 2)]), Some(2), None, None),
        v::ValidateLength::validate_length(&BTreeMap::from([(1, 2)]), None, None, Some(1)),
        v::ValidateLength::validate_length(&indexmap::IndexSet::from([1, 2]), None, Some(1), None),
        v::ValidateLength::validate_length(&indexmap::IndexMap::from([(1, 2)]), Some(1), Some(1), None),
        // `equal` wins over `min` and `max`.
        v::ValidateLength::validate_length(&"hello", Some(1), Some(2), Some(5)),
    ]);
}

#[test]
fn range_agrees_on_bounds_nan_and_absence() {
    both!(v => (
        v::ValidateRange::validate_range(&5u8, Some(1), Some(10), None, None),
        v::ValidateRange::validate_range(&10i64, None, None, None, Some(10)),
        v::ValidateRange::validate_range(&10i64, None, None, Some(10), None),
        v::ValidateRange::validate_range(&f64::NAN, Some(0.0), Some(1.0), None, None),
        v::ValidateRange::validate_range(&f64::NAN, None, None, Some(0.0), None),
        v::ValidateRange::validate_range(&f64::NAN, None, None, None, Some(1.0)),
        v::ValidateRange::validate_range(&f32::INFINITY, None, Some(f32::MAX), None, None),
        v::ValidateRange::validate_range(&None::<u32>, Some(1), None, Some(0), None),
        v::ValidateRange::validate_range(&Some(Some(0u32)), Some(1), None, None, None),
        v::ValidateRange::validate_range(&Some(None::<u32>), Some(1), None, None, None),
        v::ValidateRange::validate_range(&-1i128, Some(i128::MIN), Some(0), None, None),
    ));
}

#[test]
fn contains_agrees_on_text_and_map_keys() {
    let map = HashMap::from([("id".to_string(), 1)]);
    both!(v => [
        v::ValidateContains::validate_contains(&"validator".to_string(), "dat"),
        v::ValidateContains::validate_contains(&"validator", "x"),
        v::ValidateContains::validate_contains(&Some("abc".to_string()), "b"),
        v::ValidateContains::validate_contains(&None::<String>, "b"),
        v::ValidateContains::validate_contains(&Cow::Borrowed("abc"), "d"),
        v::ValidateContains::validate_contains(&map, "id"),
        v::ValidateContains::validate_contains(&map, "name"),
        v::ValidateDoesNotContain::validate_does_not_contain(&"validator", "x"),
        v::ValidateDoesNotContain::validate_does_not_contain(&None::<String>, "x"),
        v::ValidateDoesNotContain::validate_does_not_contain(&map, "id"),
        v::validate_must_match(&"a", &"a"),
        v::validate_must_match(1, 2),
        v::ValidateRequired::validate_required(&Some(())),
        v::ValidateRequired::validate_required(&None::<()>),
    ]);
}

static LAZY: LazyLock<Regex> = LazyLock::new(|| Regex::new("^[a-z]{2}$").unwrap());
static ONCE: OnceLock<Regex> = OnceLock::new();
static MUTEX_CELL: Mutex<OnceCell<Regex>> = Mutex::new(OnceCell::new());
static MUTEX_LOCK: Mutex<OnceLock<Regex>> = Mutex::new(OnceLock::new());

#[test]
fn regex_agrees_on_every_place_a_regex_is_kept() {
    let two = || Regex::new("^[a-z]{2}$").unwrap();
    let _ = ONCE.set(two());
    let _ = MUTEX_CELL.lock().unwrap().set(two());
    let _ = MUTEX_LOCK.lock().unwrap().set(two());
    let shared_cell = Arc::new(Mutex::new(OnceCell::new()));
    let _ = shared_cell.lock().unwrap().set(two());
    let shared_lock = Arc::new(Mutex::new(OnceLock::new()));
    let _ = shared_lock.lock().unwrap().set(two());
    for text in ["ab", "abc", "A1", ""] {
        both!(v => (
            v::ValidateRegex::validate_regex(&text, &*LAZY),
            v::ValidateRegex::validate_regex(&text.to_string(), &LAZY),
            v::ValidateRegex::validate_regex(&Some(text), &ONCE),
            v::ValidateRegex::validate_regex(&Box::new(text.to_string()), &MUTEX_CELL),
            v::ValidateRegex::validate_regex(&Cow::Borrowed(text), &MUTEX_LOCK),
            v::ValidateRegex::validate_regex(&text, &shared_cell),
            v::ValidateRegex::validate_regex(&text, &shared_lock),
            v::ValidateRegex::validate_regex(&None::<String>, two()),
        ));
    }
}

/// A type of the user's own, checked through the traits validator lets users implement.
struct Handle(&'static str);

macro_rules! user_impls {
    ($v:ident) => {
        impl $v::ValidateEmail for Handle {
            fn as_email_string(&self) -> Option<Cow<'_, str>> {
                Some(Cow::Borrowed(self.0))
            }
        }
        impl $v::ValidateUrl for Handle {
            fn as_url_string(&self) -> Option<Cow<'_, str>> {
                Some(Cow::Borrowed(self.0))
            }
        }
        impl $v::ValidateLength<u64> for Handle {
            fn length(&self) -> Option<u64> {
                Some(self.0.len() as u64)
            }
        }
        impl $v::ValidateRange<u8> for Handle {
            fn greater_than(&self, max: u8) -> Option<bool> {
                Some(self.0.len() > max as usize)
            }
            fn less_than(&self, min: u8) -> Option<bool> {
                Some(self.0.len() < min as usize)
            }
        }
        impl $v::ValidateContains for Handle {
            fn validate_contains(&self, needle: &str) -> bool {
                self.0.contains(needle)
            }
        }
        impl $v::ValidateRequired for Handle {
            fn is_some(&self) -> bool {
                !self.0.is_empty()
            }
        }
        impl $v::ValidateRegex for Handle {
            fn validate_regex(&self, regex: impl $v::AsRegex) -> bool {
                regex.as_regex().is_match(self.0)
            }
        }
    };
}

mod theirs_impls {
    use super::*;
    user_impls!(validator);
}
mod our_impls {
    use super::*;
    user_impls!(modelbuild_validator);
}

#[test]
fn a_users_own_type_gets_the_default_checks() {
    for handle in [Handle("ada@example.com"), Handle("https://x.y"), Handle("")] {
        both!(v => (
            v::ValidateEmail::validate_email(&handle),
            v::ValidateEmail::validate_email(&&handle),
            v::ValidateUrl::validate_url(&handle),
            v::ValidateLength::validate_length(&handle, Some(1), Some(11), None),
            v::ValidateRange::validate_range(&handle, Some(1u8), None, None, Some(12)),
            v::ValidateContains::validate_contains(&handle, "@"),
            v::ValidateDoesNotContain::validate_does_not_contain(&handle, "@"),
            v::ValidateRequired::validate_required(&handle),
            v::ValidateRegex::validate_regex(&handle, &*LAZY),
        ));
    }
}

#[test]
fn the_older_functions_give_the_traits_verdicts() {
    use modelbuild_validator as ours;
    use validator::{ValidateContains, ValidateEmail, ValidateIp, ValidateNonControlCharacter};
    for text in ["ada@example.com", "1.2.3.4", "::1", "a\u{7}b", "日本"] {
        assert_eq!(ours::validate_email(text), text.validate_email());
        assert_eq!(ours::validate_ip(text), text.validate_ip());
        assert_eq!(ours::validate_ip_v4(text), text.validate_ipv4());
        assert_eq!(ours::validate_ip_v6(text), text.validate_ipv6());
        assert_eq!(
            ours::validate_non_control_character(text),
            text.validate_non_control_character()
        );
        assert_eq!(ours::validate_contains(text, "."), text.validate_contains("."));
        assert_eq!(
            ours::validate_does_not_contain(text, "."),
            !text.validate_contains(".")
        );
        assert_eq!(
            ours::validate_length(text, Some(2), Some(2), None),
            validator::ValidateLength::validate_length(&text, Some(2), Some(2), None)
        );
    }
    assert!(ours::validate_credit_card("4539571147647251"));
    assert!(ours::validate_range(5, Some(1), Some(5)) && !ours::validate_range(6, None, Some(5)));
    assert!(ours::validate_required(&Some(1)) && !ours::validate_required(&None::<u8>));
    assert_eq!(ours::HasLen::length(&vec![1, 2]), 2);
}
