//! `json::from_slice` against serde as the oracle, on generated documents of a type
//! that uses every shape serde has (nested and boxed structs, lists, maps, options,
//! defaults, `flatten`, renames, and the four enum representations), valid and broken
//! in several places at once:
//!
//! - a document serde reads gives what serde and `validate()` give;
//! - for one it refuses, the error serde reports first (its path found by
//!   serde_path_to_error) is in the list, at that path or below it;
//! - every reported pointer resolves in the document, or names where a missing member
//!   belongs;
//! - fixing exactly the reported places (each put back as it was in the valid document
//!   the broken one came from) gives a document that parses and validates.

use std::collections::BTreeMap;

use modelbuild::{json, Validate, ValidationErrors};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Doc {
    #[validate(length(min = 1, max = 8))]
    user_name: String,
    #[validate(range(max = 120))]
    age: u8,
    #[serde(default)]
    #[validate(range(max = 5))]
    retries: u32,
    nickname: Option<String>,
    #[validate(nested)]
    address: Address,
    #[validate(nested)]
    boxed: Box<Address>,
    #[validate(length(max = 4), each(length(max = 6)))]
    tags: Vec<String>,
    #[validate(each(range(min = 1)))]
    scores: BTreeMap<String, u16>,
    #[validate(nested)]
    items: Vec<Item>,
    #[serde(rename = "Kind")]
    #[validate(nested)]
    kind: Kind,
    #[validate(nested)]
    adjacent: Adjacent,
    #[validate(nested)]
    internal: Internal,
    #[validate(nested)]
    untagged: Untagged,
    #[serde(flatten)]
    #[validate(nested)]
    extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Address {
    #[validate(length(min = 1, max = 10))]
    city: String,
    zip: u32,
    #[serde(rename = "Country")]
    country: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[serde(rename_all = "UPPERCASE")]
struct Item {
    #[validate(length(max = 5))]
    name: String,
    count: i32,
    #[validate(range(exclusive_min = 0.0))]
    price: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
enum Kind {
    Plain,
    Sized(#[validate(range(max = 100))] u16),
    Shaped {
        #[validate(length(max = 5))]
        label: String,
        wide: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    Circle {
        #[validate(range(min = 0.0))]
        radius: f64,
    },
    Empty,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Internal {
    Point {
        x: i64,
        #[validate(length(max = 4))]
        tag: String,
    },
    Nothing,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[serde(untagged)]
enum Untagged {
    Named {
        #[validate(length(max = 6))]
        name: String,
    },
    Count(u32),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
struct Extra {
    #[validate(range(min = 1))]
    page_size: u32,
    cursor: Option<String>,
}

fn word(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("[a-z]{{1,{max}}}")).unwrap()
}

fn address() -> impl Strategy<Value = Address> {
    (word(10), any::<u32>(), proptest::option::of(word(3))).prop_map(|(city, zip, country)| Address {
        city,
        zip,
        country,
    })
}

fn doc() -> impl Strategy<Value = Doc> {
    let item =
        (word(5), any::<i32>(), 0.5f64..1000.0).prop_map(|(name, count, price)| Item { name, count, price });
    let kind = prop_oneof![
        Just(Kind::Plain),
        (0u16..=100).prop_map(Kind::Sized),
        (word(5), any::<bool>()).prop_map(|(label, wide)| Kind::Shaped { label, wide }),
    ];
    let adjacent = prop_oneof![
        (0.0f64..10.0).prop_map(|radius| Adjacent::Circle { radius }),
        Just(Adjacent::Empty),
    ];
    let internal = prop_oneof![
        (any::<i64>(), word(4)).prop_map(|(x, tag)| Internal::Point { x, tag }),
        Just(Internal::Nothing),
    ];
    let untagged = prop_oneof![
        word(6).prop_map(|name| Untagged::Named { name }),
        any::<u32>().prop_map(Untagged::Count),
    ];
    let extra = (1u32..100, proptest::option::of(word(4)))
        .prop_map(|(page_size, cursor)| Extra { page_size, cursor });
    (
        (
            word(8),
            0u8..=120,
            0u32..=5,
            proptest::option::of(word(5)),
            address(),
            address(),
        ),
        (
            proptest::collection::vec(word(6), 0..4),
            proptest::collection::btree_map(word(3), 1u16..1000, 0..3),
            proptest::collection::vec(item, 0..3),
        ),
        (kind, adjacent, internal, untagged, extra),
    )
        .prop_map(
            |(
                (user_name, age, retries, nickname, address, boxed),
                (tags, scores, items),
                (kind, adjacent, internal, untagged, extra),
            )| Doc {
                user_name,
                age,
                retries,
                nickname,
                address,
                boxed: Box::new(boxed),
                tags,
                scores,
                items,
                kind,
                adjacent,
                internal,
                untagged,
                extra,
            },
        )
}

/// A change to a document: at the `nth` place (counted among the candidates in
/// document order), of `kind`.
#[derive(Debug, Clone)]
struct Mutation {
    kind: u8,
    nth: usize,
}

fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    proptest::collection::vec(
        (0u8..4, any::<usize>()).prop_map(|(kind, nth)| Mutation { kind, nth }),
        0..5,
    )
}

/// Every pointer of the document, in document order, with its value's kind.
fn places(value: &Value, at: &mut Vec<String>, out: &mut Vec<(Vec<String>, bool)>) {
    let container = matches!(value, Value::Array(_) | Value::Object(_));
    out.push((at.clone(), container));
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                at.push(i.to_string());
                places(item, at, out);
                at.pop();
            }
        }
        Value::Object(members) => {
            for (key, member) in members {
                at.push(key.clone());
                places(member, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn get<'v>(value: &'v Value, tokens: &[String]) -> Option<&'v Value> {
    tokens.iter().try_fold(value, |node, token| match node {
        Value::Object(members) => members.get(token),
        Value::Array(items) => token.parse::<usize>().ok().and_then(|i| items.get(i)),
        _ => None,
    })
}

fn get_mut<'v>(value: &'v mut Value, tokens: &[String]) -> Option<&'v mut Value> {
    tokens.iter().try_fold(value, |node, token| match node {
        Value::Object(members) => members.get_mut(token),
        Value::Array(items) => token.parse::<usize>().ok().and_then(|i| items.get_mut(i)),
        _ => None,
    })
}

/// Applies the mutations, each with values no document holds, so that a value serde
/// names can be found again.
fn mutate(doc: &mut Value, mutations: &[Mutation]) {
    for (n, mutation) in mutations.iter().enumerate() {
        let mut all = Vec::new();
        places(doc, &mut Vec::new(), &mut all);
        let (target, container) = all[mutation.nth % all.len()].clone();
        match mutation.kind {
            // Another kind of value.
            0 => {
                if let Some(node) = get_mut(doc, &target) {
                    *node = match node {
                        Value::String(_) => Value::from(7_000_000 + n as u64),
                        Value::Number(_) => Value::from(format!("mutated-{n}")),
                        Value::Bool(_) => Value::from(format!("mutated-{n}")),
                        Value::Null => Value::from(vec![true]),
                        _ => Value::from(8_000_000 + n as u64),
                    };
                }
            }
            // A member taken out.
            1 if !target.is_empty() => {
                let (last, parent) = target.split_last().unwrap();
                if let Some(Value::Object(members)) = get_mut(doc, parent) {
                    members.remove(last);
                }
            }
            // A member no type has.
            2 if container => {
                if let Some(Value::Object(members)) = get_mut(doc, &target) {
                    members.insert(format!("zzUnknown{n}"), Value::from(n));
                }
            }
            // Another text.
            3 => {
                if let Some(node @ Value::String(_)) = get_mut(doc, &target) {
                    *node = Value::from(format!("zzText{n}"));
                }
            }
            _ => {}
        }
    }
}

fn tokens_of(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|token| token.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// The document with each reported place put back as the valid document has it.
fn fix(broken: &Value, valid: &Value, errors: &ValidationErrors) -> Value {
    let mut fixed = broken.clone();
    for error in errors {
        let tokens = tokens_of(&error.path().to_json_pointer());
        let Some((last, parent)) = tokens.split_last() else {
            fixed = valid.clone();
            continue;
        };
        let original = get(valid, &tokens).cloned();
        if let Some(Value::Object(members)) = get_mut(&mut fixed, parent) {
            match original {
                Some(value) => {
                    members.insert(last.clone(), value);
                }
                None => {
                    members.remove(last);
                }
            }
        } else if let (Some(node), Some(value)) = (get_mut(&mut fixed, &tokens), original) {
            *node = value;
        }
    }
    fixed
}

/// The enums whose variant an error left unknown: the object of a tag (`t`, `type`)
/// reported, or an externally tagged enum reported as a whole.
fn variant_zones(errors: &ValidationErrors) -> Vec<String> {
    errors
        .iter()
        .filter(|e| matches!(e.code(), "unknown_variant" | "type" | "missing"))
        .map(|e| e.path().to_json_pointer())
        .map(|pointer| match pointer.rsplit_once('/') {
            Some((object, "t" | "type")) => format!("{object}/"),
            _ => format!("{pointer}/"),
        })
        .collect()
}

/// Serializes with members in the order the value has them (serde_json's `Value`
/// keeps them sorted, which is a valid order too).
fn text(value: &Value) -> String {
    serde_json::to_string(value).unwrap()
}

fn check(valid: &Doc, mutations: &[Mutation]) -> Result<(), TestCaseError> {
    let valid_value = serde_json::to_value(valid).unwrap();
    let mut broken = valid_value.clone();
    mutate(&mut broken, mutations);
    let input = text(&broken);
    let ours = json::from_str::<Doc>(&input);
    let serde_read = serde_json::from_str::<Doc>(&input);

    match (&serde_read, &ours) {
        (Ok(read), Ok(value)) => {
            prop_assert!(read.validate().is_ok());
            prop_assert_eq!(read, value);
        }
        (Ok(read), Err(errors)) => {
            let rules = read.validate().expect_err("serde read it: only rules can fail");
            let mut expected: Vec<_> = rules
                .iter()
                .map(|e| (e.path().to_json_pointer(), e.code().to_owned()))
                .collect();
            let mut found: Vec<_> = errors
                .iter()
                .map(|e| (e.path().to_json_pointer(), e.code().to_owned()))
                .collect();
            expected.sort();
            found.sort();
            prop_assert_eq!(found, expected, "{}", input);
        }
        (Err(_), Ok(_)) => prop_assert!(false, "serde refused what we read: {}", input),
        (Err(_), Err(errors)) => {
            let mut deserializer = serde_json::Deserializer::from_str(&input);
            let first = serde_path_to_error::deserialize::<_, Doc>(&mut deserializer).unwrap_err();
            let serde_tokens: Vec<String> = first
                .path()
                .iter()
                .filter_map(|segment| match segment {
                    serde_path_to_error::Segment::Seq { index } => Some(index.to_string()),
                    serde_path_to_error::Segment::Map { key } => Some(key.clone()),
                    serde_path_to_error::Segment::Enum { variant } => Some(variant.clone()),
                    serde_path_to_error::Segment::Unknown => None,
                })
                .collect();
            prop_assert!(
                errors
                    .iter()
                    .any(|e| tokens_of(&e.path().to_json_pointer()).starts_with(&serde_tokens)),
                "serde's first error, at {:?} ({}), is not in {:?}\n{}",
                serde_tokens,
                first.inner(),
                errors.to_string(),
                input
            );
        }
    }

    if let Err(errors) = &ours {
        prop_assert!(
            !errors.iter().any(|e| e.code() == "incomplete"),
            "{errors}\n{input}"
        );
        for error in errors {
            let tokens = tokens_of(&error.path().to_json_pointer());
            let resolves = get(&broken, &tokens).is_some();
            let missing_member = error.code() == "missing"
                && tokens
                    .split_last()
                    .is_some_and(|(last, parent)| matches!(get(&broken, parent), Some(Value::Object(m)) if !m.contains_key(last)));
            prop_assert!(
                resolves || missing_member,
                "{} at {} resolves nowhere\n{}",
                error.code(),
                error.path(),
                input
            );
        }
        // Fixing what was reported makes the document valid; but for an enum whose
        // variant could not be told (its tag unknown or not a name), what its content
        // holds can only be read once the tag is fixed, as serde reads it: errors there
        // may come next, and are fixed in turn.
        let mut reported = errors.clone();
        let mut document = broken.clone();
        for round in 0.. {
            document = fix(&document, &valid_value, &reported);
            let Err(next) = json::from_str::<Doc>(&text(&document)) else {
                break;
            };
            let zones = variant_zones(&reported);
            prop_assert!(
                round < 3
                    && next.iter().all(|e| zones
                        .iter()
                        .any(|zone| e.path().to_json_pointer().starts_with(zone))),
                "fixing {:?} left {:?}\n{}",
                reported.to_string(),
                next.to_string(),
                input
            );
            reported = next;
        }
    }
    Ok(())
}

#[test]
fn from_slice_agrees_with_serde_and_reports_every_mistake() {
    let mut runner = TestRunner::new(Config {
        cases: 3000,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&(doc(), mutations()), |(valid, mutations)| {
            check(&valid, &mutations)
        })
        .unwrap();
}

#[test]
fn a_valid_document_is_read_as_serde_reads_it() {
    let mut runner = TestRunner::new(Config {
        cases: 500,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&doc(), |valid| {
            let input = serde_json::to_string(&valid).unwrap();
            let ours: Doc = json::from_str(&input).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(ours, valid);
            Ok(())
        })
        .unwrap();
}

#[test]
fn some_documents_break_in_several_places() {
    // The generator does reach documents with several errors at once.
    let mut broken = serde_json::to_value(Doc {
        user_name: "ada".into(),
        age: 3,
        retries: 0,
        nickname: None,
        address: Address {
            city: "Oslo".into(),
            zip: 1,
            country: None,
        },
        boxed: Box::new(Address {
            city: "Rome".into(),
            zip: 2,
            country: None,
        }),
        tags: vec![],
        scores: BTreeMap::new(),
        items: vec![],
        kind: Kind::Plain,
        adjacent: Adjacent::Empty,
        internal: Internal::Nothing,
        untagged: Untagged::Count(1),
        extra: Extra {
            page_size: 1,
            cursor: None,
        },
    })
    .unwrap();
    let object: &mut Map<String, Value> = broken.as_object_mut().unwrap();
    object.insert("age".into(), Value::from("old"));
    object.remove("userName");
    object.get_mut("address").unwrap()["zip"] = Value::from("x");
    object.insert("page_size".into(), Value::from(0));
    let errors = json::from_str::<Doc>(&text(&broken)).unwrap_err();
    let codes: Vec<(String, &str)> = errors
        .iter()
        .map(|e| (e.path().to_json_pointer(), e.code()))
        .collect();
    assert_eq!(
        codes,
        [
            ("/address/zip".to_string(), "type"),
            ("/age".to_string(), "type"),
            ("/page_size".to_string(), "range"),
            ("/userName".to_string(), "missing"),
        ]
    );
}
