//! What the agreement tests share: a type that uses every rule JSON Schema can state,
//! values of it near the rules' edges, and the check that `validate()` and the
//! `jsonschema` crate, on a schema made for the type, fail the same fields.
//!
//! Left out of the type, each for its reason: `credit_card`, `must_match` and `custom`
//! (no JSON Schema form), `length` in bytes or UTF-16 units (an `x-` extension, which
//! no validator reads), and `url` (its `format: uri` is RFC 3986, narrower than the
//! WHATWG parser). The type derives both `schemars::JsonSchema` (with our transform)
//! and `utoipa::ToSchema`, so each schema is checked on the same values, and
//! `Deserialize`, so that a route of aide's may take it.
#![allow(dead_code)]

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use modelbuild::Validate;
use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, utoipa::ToSchema, Validate)]
#[schemars(transform = modelbuild::schema::rules::<Self>)]
pub struct Everything {
    #[validate(sid(prefix = "UG"))]
    pub sid: String,
    #[validate(length(min = 1, max = 4))]
    pub name: String,
    #[validate(length(min = 1, max = 3), each(length(max = 2)))]
    pub tags: Vec<String>,
    #[validate(keys(length(max = 3), ascii), length(max = 2), each(range(min = 1)))]
    pub labels: BTreeMap<String, u32>,
    #[validate(range(min = -5, exclusive_max = 10))]
    pub count: i64,
    #[validate(range(exclusive_min = 0.0, max = 1.5))]
    pub ratio: f64,
    #[validate(required)]
    pub needed: Option<String>,
    #[validate(uri)]
    pub uri: String,
    #[validate(uri(schemes = ["https", "svn+ssh"]))]
    pub web: Option<String>,
    #[validate(email)]
    pub email: String,
    #[validate(ip)]
    pub ip: String,
    #[validate(ipv4)]
    pub ipv4: String,
    #[validate(ipv6)]
    pub ipv6: String,
    #[validate(pattern = "^[a-z]+$")]
    pub pattern: String,
    #[validate(prefix = "UG", suffix = ".pdf")]
    pub affixes: String,
    #[validate(contains(pattern = "a-b"), does_not_contain = "..")]
    pub substrings: String,
    #[validate(ascii)]
    pub ascii: String,
    #[validate(alphanumeric)]
    pub alphanumeric: String,
    #[validate(non_control_character)]
    pub printable: String,
    #[validate(phone)]
    pub phone: String,
    #[validate(each(sid(prefix = "AC")))]
    pub accounts: Vec<String>,
    #[validate(nested)]
    pub inner: Inner,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, utoipa::ToSchema, Validate)]
#[schemars(transform = modelbuild::schema::rules::<Self>)]
pub struct Inner {
    #[validate(length(max = 2))]
    pub code: String,
}

/// Text near the rules' edges, from an alphabet that mixes ASCII punctuation,
/// multi-byte letters and digits, combining marks, controls and an astral character.
fn text() -> BoxedStrategy<String> {
    let chars = prop_oneof![
        proptest::char::range('a', 'c'),
        Just('-'),
        Just('.'),
        Just('_'),
        Just('é'),
        Just('٣'),
        Just('\u{301}'),
        Just('\u{7}'),
        Just('\u{85}'),
        Just('😀'),
        Just('A'),
        Just('1'),
        Just(' '),
    ];
    vec(chars, 0..6).prop_map(|c| c.into_iter().collect()).boxed()
}

fn sid(prefix: &'static str) -> BoxedStrategy<String> {
    prop_oneof![
        "[0-9a-fA-F]{32}".prop_map(move |hex| format!("{prefix}{hex}")),
        "U[AG][0-9a-gA-G]{31,33}",
        "AC[0-9a-f]{32}",
        text(),
    ]
    .boxed()
}

fn uri() -> BoxedStrategy<String> {
    let piece = prop_oneof![
        Just("https://"),
        Just("svn+ssh://"),
        Just("HTTPS:"),
        Just("urn:"),
        Just("a"),
        Just("/"),
        Just("?"),
        Just("#"),
        Just("%41"),
        Just("%4"),
        Just("[::1]"),
        Just("[v1.x]"),
        Just("[1::"),
        Just("@"),
        Just(":80"),
        Just(":"),
        Just(" "),
        Just("é"),
        Just("{"),
        Just("1"),
    ];
    vec(piece, 0..7).prop_map(|p| p.concat()).boxed()
}

fn email() -> BoxedStrategy<String> {
    let local = prop_oneof!["[a-z.!#+-]{0,4}", "a{60,70}".boxed()];
    let domain = prop_oneof![
        "[a-z0-9.-]{0,6}",
        "([a-z]{63}\\.){3}[a-z]{60,66}",
        "a{62,65}".boxed()
    ];
    prop_oneof![(local, domain).prop_map(|(l, d)| format!("{l}@{d}")), text(),].boxed()
}

fn ip() -> BoxedStrategy<String> {
    let piece = prop_oneof![
        Just("1"),
        Just("255"),
        Just("256"),
        Just("01"),
        Just("."),
        Just(":"),
        Just("::"),
        Just("ffff"),
        Just("fffff"),
        Just("%eth0"),
        Just("1.2.3.4"),
    ];
    vec(piece, 0..9).prop_map(|p| p.concat()).boxed()
}

pub fn everything() -> impl Strategy<Value = Everything> {
    let words = prop_oneof!["[a-zA-Z0-9]{0,4}", text()];
    let first = (
        sid("UG"),
        text(),
        vec(text(), 0..5),
        btree_map(text(), 0u32..3, 0..4),
        -7i64..12,
        prop_oneof![Just(0.0), Just(1.5), Just(-0.5), Just(1.5000001), 0.0f64..2.0],
        proptest::option::of(text()),
        uri(),
        proptest::option::of(uri()),
    );
    let second = (
        email(),
        ip(),
        ip(),
        ip(),
        words,
        "(UG)?[a-z.]{0,3}(\\.pdf)?",
        "[ab.-]{0,6}",
        text(),
        text(),
        text(),
        "\\+?[0-9]{0,17}",
    );
    let third = (vec(sid("AC"), 0..3), text());
    (first, second, third).prop_map(|(first, second, third)| {
        let (sid, name, tags, labels, count, ratio, needed, uri, web) = first;
        let (email, ip, ipv4, ipv6, pattern, affixes, substrings, ascii, alphanumeric, printable, phone) =
            second;
        let (accounts, code) = third;
        Everything {
            sid,
            name,
            tags,
            labels,
            count,
            ratio,
            needed,
            uri,
            web,
            email,
            ip,
            ipv4,
            ipv6,
            pattern,
            affixes,
            substrings,
            ascii,
            alphanumeric,
            printable,
            phone,
            accounts,
            inner: Inner { code },
        }
    })
}

/// The first token of a JSON Pointer: the top-level field.
pub fn field(pointer: &str) -> String {
    pointer
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// Runs `cases` values of [`everything`] through `validate()` and `validator` and
/// asserts that the same top-level fields fail; then that each field failed at least
/// `min_failures` times, so that no field agreed only by never failing.
/// The `jsonschema` validator of a schema in an OpenAPI document: JSON Schema 2020-12,
/// OpenAPI 3.1's dialect, formats checked. `format: email` is left to the `pattern` the
/// `email` rule writes beside it, which is the HTML Standard's definition exactly:
/// the crate's own reading of the format is another one.
pub fn document_validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .with_format("email", |_: &str| true)
        .build(schema)
        .expect("the document's schema compiles")
}

/// For a document's schema, slower to check than schemars' own: few cases, each
/// field still seen failing, the same way each run (a fixed seed).
pub fn few_fixed_cases() -> Config {
    Config {
        cases: 400,
        failure_persistence: None,
        rng_seed: proptest::test_runner::RngSeed::Fixed(34),
        ..Config::default()
    }
}

pub fn agree(validator: &jsonschema::Validator, config: Config, min_failures: usize) {
    let mut runner = TestRunner::new(config);
    let seen_failures = RefCell::new(BTreeMap::<String, usize>::new());
    runner
        .run(&everything(), |value| {
            let instance = serde_json::to_value(&value).unwrap();
            let ours: BTreeSet<String> = match value.validate() {
                Ok(()) => Default::default(),
                Err(errors) => errors
                    .iter()
                    .map(|e| field(&e.path().to_json_pointer()))
                    .collect(),
            };
            let theirs: BTreeSet<String> = validator
                .iter_errors(&instance)
                .map(|e| field(e.instance_path().as_str()))
                .collect();
            for name in &ours {
                *seen_failures.borrow_mut().entry(name.clone()).or_default() += 1;
            }
            prop_assert_eq!(&ours, &theirs, "instance: {}", instance);
            Ok(())
        })
        .unwrap();
    let instance = serde_json::to_value(everything_valid()).unwrap();
    let fields: Vec<String> = match instance {
        Value::Object(map) => map.keys().cloned().collect(),
        _ => unreachable!(),
    };
    let seen_failures = seen_failures.into_inner();
    for name in fields {
        assert!(
            seen_failures.get(&name).is_some_and(|n| *n >= min_failures),
            "`{name}` failed only {:?} times",
            seen_failures.get(&name)
        );
    }
}

pub fn everything_valid() -> Everything {
    Everything {
        sid: format!("UG{}", "a".repeat(32)),
        name: "ab".into(),
        tags: vec!["a".into()],
        labels: BTreeMap::new(),
        count: 0,
        ratio: 1.0,
        needed: Some(String::new()),
        uri: "urn:x".into(),
        web: None,
        email: "ada@example.com".into(),
        ip: "::1".into(),
        ipv4: "1.2.3.4".into(),
        ipv6: "::1".into(),
        pattern: "abc".into(),
        affixes: "UG.pdf".into(),
        substrings: "a-b".into(),
        ascii: "a".into(),
        alphanumeric: "a".into(),
        printable: "a".into(),
        phone: "+1".into(),
        accounts: vec![],
        inner: Inner { code: "a".into() },
    }
}
