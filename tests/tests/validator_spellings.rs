//! modelbuild's own derive reading validator 0.20/0.21's spellings: where the meaning is
//! the same they are aliases of ours, with our codes, paths and messages; what validator
//! users need that modelbuild lacked (a regex in a static, bounds from constants of any
//! integer type, sets, a type-level rule that waits for the fields) is here too.

use std::collections::{BTreeSet, HashSet};
use std::sync::{LazyLock, OnceLock};

use modelbuild::{RuleError, Validate, ValidateWith};
use modelbuild_tests::{pairs, paths_and_codes};
use regex::Regex;
use serde_json::json;

static LOWER: LazyLock<Regex> = LazyLock::new(|| Regex::new("^[a-z]+$").unwrap());
static DIGITS: OnceLock<Regex> = OnceLock::new();
static NEVER_SET: OnceLock<Regex> = OnceLock::new();

#[derive(Validate)]
struct Regexes {
    #[validate(regex(path = *LOWER))]
    deref: String,
    #[validate(regex(path = LOWER, code = "lower"))]
    lazy: Option<String>,
    #[validate(regex(path = "crate::LOWER", message = "lowercase, please ({pattern})"))]
    quoted: String,
    #[validate(regex(path = DIGITS))]
    once: String,
}

#[test]
fn a_regex_in_a_static_is_the_pattern_rule() {
    let _ = DIGITS.set(Regex::new("^[0-9]+$").unwrap());
    let valid = Regexes {
        deref: "ab".into(),
        lazy: None,
        quoted: "cd".into(),
        once: "12".into(),
    };
    assert!(valid.validate().is_ok());
    let invalid = Regexes {
        deref: "A".into(),
        lazy: Some("B".into()),
        quoted: "C".into(),
        once: "x".into(),
    };
    let errors = invalid.validate().unwrap_err();
    let json = serde_json::to_value(&errors).unwrap();
    assert_eq!(
        json[0],
        json!({"path": "deref", "pointer": "/deref", "code": "pattern",
        "message": "must match the pattern ^[a-z]+$", "params": {"pattern": "^[a-z]+$"}})
    );
    assert_eq!(json[1]["code"], "lower");
    assert_eq!(json[2]["message"], "lowercase, please (^[a-z]+$)");
    assert_eq!(json[3]["params"], json!({"pattern": "^[0-9]+$"}));
}

#[derive(Validate)]
struct Unset {
    #[validate(regex(path = NEVER_SET))]
    value: String,
}

#[test]
fn a_regex_never_set_reports_rather_than_panics() {
    let errors = Unset { value: "x".into() }.validate().unwrap_err();
    let error = errors.iter().next().unwrap();
    assert_eq!(
        (error.code(), error.message()),
        ("pattern", "could not be checked: the regex was never set")
    );
}

const MIN_NAME: u64 = 2;
const MAX_NAME: i32 = 4;
const NEGATIVE: i64 = -3;
const MIN_SIZE: u32 = 1;

#[derive(Validate)]
struct Bounds {
    #[validate(length(min = MIN_NAME, max = MAX_NAME))]
    name: String,
    #[validate(length(min = "MIN_NAME", max = "MAX_NAME"))]
    quoted: Vec<u8>,
    #[validate(length(min = NEGATIVE))]
    anything: String,
    #[validate(range(min = "MIN_SIZE", exclusive_max = 10))]
    size: u32,
}

#[test]
fn bounds_are_constants_of_any_integer_type_quoted_or_not() {
    let valid = Bounds {
        name: "ada".into(),
        quoted: vec![1, 2],
        anything: String::new(),
        size: 1,
    };
    assert!(valid.validate().is_ok());
    let invalid = Bounds {
        name: "a".into(),
        quoted: vec![0; 5],
        anything: String::new(),
        size: 0,
    };
    let errors = invalid.validate().unwrap_err();
    assert_eq!(
        errors.to_string(),
        "name: must be between 2 and 4 characters long\n\
        quoted: must have between 2 and 4 items\nsize: must be at least 1 and less than 10"
    );
}

#[derive(Validate)]
struct Addresses {
    #[validate(ip(v4))]
    v4: String,
    #[validate(ip(v6, code = "six"))]
    v6: String,
    #[validate(ip(v4 = false))]
    any: String,
    #[validate(ip(v4, v6))]
    both: String,
}

#[test]
fn ip_v4_and_v6_are_ipv4_and_ipv6() {
    let value = Addresses {
        v4: "::1".into(),
        v6: "1.2.3.4".into(),
        any: "x".into(),
        both: "y".into(),
    };
    assert_eq!(
        paths_and_codes(&value),
        pairs(&[("v4", "ipv4"), ("v6", "six"), ("any", "ip"), ("both", "ip")])
    );
}

fn not_admin(name: &str) -> Result<(), RuleError> {
    match name {
        "admin" => Err(RuleError::new("reserved", "is reserved")),
        _ => Ok(()),
    }
}

fn distinct(signup: &Signup) -> Result<(), RuleError> {
    match signup.password == signup.name {
        true => Err(RuleError::new("same", "the password is the name")),
        false => Ok(()),
    }
}

fn always(_: &Signup) -> Result<(), &'static str> {
    Err("checked")
}

#[derive(Validate)]
#[validate(schema(function = distinct))]
#[validate(schema(function = "always", skip_on_field_errors = false))]
struct Signup {
    #[validate(custom(function = "not_admin"), length(min = 1))]
    name: String,
    #[validate(must_match(other = "name_again"))]
    password: String,
    #[validate(skip = false)]
    name_again: String,
}

#[test]
fn schema_runs_when_every_field_passed_unless_told() {
    let same = Signup {
        name: "ada".into(),
        password: "ada".into(),
        name_again: "ada".into(),
    };
    assert_eq!(paths_and_codes(&same), pairs(&[("", "same"), ("", "custom")]));
    let field_failed = Signup {
        name: "admin".into(),
        password: "admin".into(),
        name_again: "x".into(),
    };
    assert_eq!(
        paths_and_codes(&field_failed),
        pairs(&[("name", "reserved"), ("password", "must_match"), ("", "custom")])
    );
}

struct Limits<'a> {
    reserved: &'a [&'a str],
}

fn free(name: &str, limits: &Limits) -> Result<(), RuleError> {
    match limits.reserved.contains(&name) {
        true => Err(RuleError::new("taken", "is taken")),
        false => Ok(()),
    }
}

#[derive(Validate)]
#[validate(context = "Limits<'v_a>")]
struct Rename {
    #[validate(custom(function = free, use_context))]
    name: String,
}

#[test]
fn a_quoted_context_with_validators_lifetime_is_a_context() {
    let reserved = ["root"];
    let limits = Limits { reserved: &reserved };
    assert!(Rename { name: "ada".into() }.validate_with(&limits).is_ok());
    assert_eq!(
        Rename { name: "root".into() }
            .validate_with(&limits)
            .unwrap_err()
            .to_string(),
        "name: is taken"
    );
}

#[derive(Validate, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Tag {
    #[validate(length(max = 3))]
    name: String,
}

#[derive(Validate)]
#[validate(nest_all_fields)]
struct Tagged {
    first: Tag,
    sorted: BTreeSet<Tag>,
    hashed: HashSet<Tag>,
    #[validate(skip)]
    #[allow(dead_code)] // carried, never checked
    count: u32,
    #[validate(required_nested)]
    extra: Option<Tag>,
}

fn tag(name: &str) -> Tag {
    Tag { name: name.into() }
}

#[test]
fn nest_all_fields_skip_and_sets() {
    let value = Tagged {
        first: tag("long"),
        sorted: BTreeSet::from([tag("a"), tag("zzzz"), tag("bbbb")]),
        hashed: HashSet::from([tag("cccc")]),
        count: 0,
        extra: None,
    };
    assert_eq!(
        paths_and_codes(&value),
        pairs(&[
            ("first.name", "length"),
            ("sorted[1].name", "length"),
            ("sorted[2].name", "length"),
            ("hashed[0].name", "length"),
            ("extra", "required"),
        ])
    );
}

#[derive(Validate)]
struct Each {
    #[validate(each(length(max = 1)), length(max = 2))]
    set: HashSet<String>,
    #[validate(length(min = 1), each(length(max = 1)))]
    ordered: indexmap::IndexSet<String>,
}

#[test]
fn each_and_length_take_sets() {
    let value = Each {
        set: HashSet::from(["ab".to_owned()]),
        ordered: indexmap::IndexSet::from(["a".to_owned(), "bc".to_owned()]),
    };
    assert_eq!(
        paths_and_codes(&value),
        pairs(&[("set[0]", "length"), ("ordered[1]", "length")])
    );
}

async fn free_later(name: &str, limits: &Limits<'_>) -> Result<(), RuleError> {
    free(name, limits)
}

async fn not_both_taken(rename: &RenameLater, limits: &Limits<'_>) -> Result<(), RuleError> {
    match limits.reserved.contains(&rename.backup.as_str()) {
        true => Err(RuleError::new("backup_taken", "the backup is taken too")),
        false => Ok(()),
    }
}

#[derive(Validate)]
#[validate(context = "Limits<'v_a>", schema(function = not_both_taken, use_context, async))]
struct RenameLater {
    #[validate(length(min = 1), custom(function = free_later, use_context, async))]
    name: String,
    backup: String,
}

#[test]
fn use_context_takes_async_with_validators_context() {
    use modelbuild::ValidateAsync;
    let reserved = ["root", "admin"];
    let limits = Limits { reserved: &reserved };
    let run = |name: &str, backup: &str| {
        let value = RenameLater {
            name: name.into(),
            backup: backup.into(),
        };
        let result = futures_lite::future::block_on(value.validate_async_with(&limits));
        result
            .err()
            .map(|errors| errors.iter().map(|e| e.code().to_owned()).collect::<Vec<_>>())
    };
    assert_eq!(run("ada", "grace"), None);
    assert_eq!(run("root", "grace"), Some(vec!["taken".to_owned()]));
    assert_eq!(run("ada", "admin"), Some(vec!["backup_taken".to_owned()]));
    // A sync rule failed: neither the field's async rule nor `schema` is run.
    assert_eq!(run("", "admin"), Some(vec!["length".to_owned()]));
}
