//! Every attribute form of the derive, on the same struct under both crates: the same
//! input read into each (from JSON, or built by hand where JSON cannot say it), then
//! the errors compared as JSON (codes, messages, parameters with `value`, nesting) and,
//! where a map's order cannot differ, as `Display`.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::sync::{LazyLock, OnceLock};

use regex::Regex;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

/// The same items twice: in `theirs` with `v` naming validator, in `ours` naming
/// modelbuild-validator.
macro_rules! side_by_side {
    ($($item:item)*) => {
        #[allow(dead_code, unused_imports)]
        mod theirs {
            use super::*;
            use ::validator as v;
            // As a program that derives validator's `Validate` has it in scope, which
            // validator's `nested` needs.
            use ::validator::Validate;
            $($item)*
        }
        #[allow(dead_code, unused_imports)]
        mod ours {
            use super::*;
            use ::modelbuild_validator as v;
            use ::modelbuild_validator::Validate;
            $($item)*
        }
    };
}

/// The errors of `input` read as `A` (validator's) and as `B` (ours), compared; ours
/// returned as JSON, `Ok` when valid.
#[track_caller]
fn same<A, B>(input: Value) -> Result<(), Value>
where
    A: DeserializeOwned + validator::Validate,
    B: DeserializeOwned + modelbuild_validator::Validate,
{
    let theirs: A = serde_json::from_value(input.clone()).expect("validator's struct reads the input");
    let ours: B = serde_json::from_value(input.clone()).expect("our struct reads the input");
    compare(theirs.validate(), ours.validate(), &input)
}

/// Compares two results as JSON, and as `Display` when that is deterministic.
#[track_caller]
fn compare(
    theirs: Result<(), validator::ValidationErrors>,
    ours: Result<(), modelbuild_validator::ValidationErrors>,
    input: &dyn std::fmt::Debug,
) -> Result<(), Value> {
    let json = |errors: &dyn erased::Errors| errors.json();
    let (their_json, our_json) = (
        theirs.as_ref().map_err(|e| json(e)).err(),
        ours.as_ref().map_err(|e| json(e)).err(),
    );
    assert_eq!(
        their_json, our_json,
        "validator (left) and ours (right) differ on {input:?}"
    );
    if let (Err(a), Err(b), Some(json)) = (&theirs, &ours, &our_json) {
        if display_is_deterministic(json) {
            assert_eq!(a.to_string(), b.to_string(), "Display differs on {input:?}");
        }
    }
    match our_json {
        Some(json) => Err(json),
        None => Ok(()),
    }
}

/// The two error types, as JSON.
mod erased {
    pub trait Errors {
        fn json(&self) -> serde_json::Value;
    }
    impl Errors for validator::ValidationErrors {
        fn json(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap()
        }
    }
    impl Errors for modelbuild_validator::ValidationErrors {
        fn json(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap()
        }
    }
}

/// `Display` walks `HashMap`s: its order is fixed only with one entry per map, and an
/// error without a message shows its parameters' map.
fn display_is_deterministic(json: &Value) -> bool {
    match json {
        Value::Object(map) if map.contains_key("code") && map.contains_key("params") => {
            !map["message"].is_null() || map["params"].as_object().is_some_and(|params| params.len() <= 1)
        }
        Value::Object(map) => map.len() <= 1 && map.values().all(display_is_deterministic),
        Value::Array(items) => items.iter().all(display_is_deterministic),
        _ => true,
    }
}

/// `same::<theirs::T, ours::T>(input)`.
macro_rules! check {
    ($ty:ident, $($input:tt)+) => {
        same::<theirs::$ty, ours::$ty>(json!($($input)+))
    };
}

mod strings {
    use super::*;

    side_by_side! {
        #[derive(serde::Deserialize, v::Validate)]
        #[validate(crate = "v")]
        pub struct Contact {
            #[validate(email)]
            pub mail: String,
            #[validate(email(message = "not an address", code = "mail"))]
            pub backup: Option<String>,
            #[validate(url)]
            pub site: String,
            #[validate(url(code = "link"))]
            pub other: Option<Option<String>>,
            #[validate(ip)]
            pub any: String,
            #[validate(ip(v4))]
            pub v4: String,
            #[validate(ip(v6, message = "IPv6 please"))]
            pub v6: String,
            #[validate(ip(v4 = false))]
            pub neither: String,
            #[validate(ip(v4, v6))]
            pub both: String,
            #[validate(ip(v4 = false, v6 = true))]
            pub spelled_out: String,
            #[validate(non_control_character)]
            pub text: String,
            #[validate(credit_card)]
            pub card: Option<String>,
            #[validate(contains(pattern = "@"))]
            pub handle: String,
            #[validate(does_not_contain(pattern = "admin", code = "reserved"))]
            pub name: Option<String>,
        }
    }

    fn contact(overrides: Value) -> Value {
        let mut valid = json!({
            "mail": "ada@example.com", "backup": null, "site": "https://example.com",
            "other": null, "any": "::1", "v4": "10.0.0.1", "v6": "::1", "neither": "10.0.0.1",
            "both": "::1", "spelled_out": "::1", "text": "plain", "card": null,
            "handle": "@ada", "name": "ada",
        });
        for (key, value) in overrides.as_object().unwrap() {
            valid[key] = value.clone();
        }
        valid
    }

    #[test]
    fn valid_values_pass_both() {
        assert_eq!(check!(Contact, contact(json!({}))), Ok(()));
    }

    #[test]
    fn each_string_rule_fails_alike() {
        let errors = check!(
            Contact,
            contact(json!({
                "mail": "ada", "backup": "ada@", "site": "/relative", "other": "nope",
                "any": "256.0.0.1", "v4": "::1", "v6": "10.0.0.1", "neither": "x", "both": "x",
                "spelled_out": "10.0.0.1", "text": "bell\u{7}", "card": "4111111111111112",
                "handle": "ada", "name": "admin",
            }))
        )
        .unwrap_err();
        assert_eq!(
            errors["mail"][0],
            json!({"code": "email", "message": null, "params": {"value": "ada"}})
        );
        assert_eq!(errors["backup"][0]["code"], "mail");
        assert_eq!(errors["v6"][0]["message"], "IPv6 please");
        assert_eq!(
            errors["name"][0]["params"],
            json!({"needle": "admin", "value": "admin"})
        );
    }

    #[test]
    fn one_failure_at_a_time_shows_alike() {
        for (key, value) in [
            ("mail", json!("a@b@c")),
            ("site", json!("http://[::1")),
            ("v4", json!("1.2.3")),
            ("text", json!("tab\t")),
            ("card", json!("4539 5711 4764 7251")),
            ("handle", json!("")),
            ("other", json!("/x")),
        ] {
            check!(Contact, contact(json!({ key: value }))).unwrap_err();
        }
    }
}

const MIN_LEN: u64 = 2;
const MAX_LEN: u64 = 4;
const LOW: i32 = -5;

mod bounds {
    use super::*;

    side_by_side! {
        #[derive(serde::Deserialize, v::Validate)]
        #[validate(crate = "v")]
        pub struct Bounds {
            #[validate(length(min = 2))]
            pub min: String,
            #[validate(length(max = 3, message = "too long"))]
            pub max: Vec<u8>,
            #[validate(length(min = 1, max = 2, code = "size"))]
            pub both: Option<Vec<String>>,
            #[validate(length(equal = 2))]
            pub equal: Option<Option<String>>,
            #[validate(length(min = "MIN_LEN", max = "MAX_LEN"))]
            pub quoted: String,
            #[validate(length(min = MIN_LEN, max = 4u64))]
            pub bare: BTreeMap<String, u8>,
            #[validate(length(min = 2))]
            pub set: HashSet<u8>,
            // An array's length is its type's: this rule always passes.
            #[validate(length(min = 1, max = 1))]
            pub array: [u8; 1],
            #[validate(range(min = 1, max = 10))]
            pub count: u32,
            #[validate(range(exclusive_min = 0.0, exclusive_max = 1.0))]
            pub ratio: f64,
            #[validate(range(min = "LOW", code = "low"))]
            pub temperature: Option<i32>,
            #[validate(range(max = 100, message = "over"))]
            pub percent: Option<Option<u8>>,
            #[validate(range(exclusive_max = 10))]
            pub below: i64,
        }

        #[derive(v::Validate)]
        #[validate(crate = "v")]
        pub struct Nan {
            #[validate(range(min = 0.0, max = 1.0))]
            pub inclusive: f64,
            #[validate(range(exclusive_min = 0.0))]
            pub exclusive: f64,
        }
    }

    fn bounds(overrides: Value) -> Value {
        let mut valid = json!({
            "min": "ab", "max": [1], "both": ["a"], "equal": "ab", "quoted": "abc",
            "bare": {"a": 1, "b": 2}, "set": [1, 2], "array": [1], "count": 5, "ratio": 0.5,
            "temperature": 0, "percent": 50, "below": 9,
        });
        for (key, value) in overrides.as_object().unwrap() {
            valid[key] = value.clone();
        }
        valid
    }

    #[test]
    fn bounds_fail_alike_with_their_params() {
        let errors = check!(
            Bounds,
            bounds(json!({
                "min": "é", "max": [1, 2, 3, 4], "both": [], "equal": "abc", "quoted": "a",
                "bare": {}, "set": [1], "count": 0, "ratio": 1.0, "temperature": -6,
                "percent": 101, "below": 10,
            }))
        )
        .unwrap_err();
        assert_eq!(errors["min"][0]["params"], json!({"min": 2, "value": "é"}));
        assert_eq!(
            errors["quoted"][0]["params"],
            json!({"min": 2, "max": 4, "value": "a"})
        );
        assert_eq!(
            errors["temperature"][0]["params"],
            json!({"min": -5, "value": -6})
        );
        assert!(errors.get("array").is_none());
    }

    #[test]
    fn absent_values_pass_and_present_ones_are_checked() {
        assert_eq!(
            check!(
                Bounds,
                bounds(json!({"both": null, "equal": null, "temperature": null, "percent": null}))
            ),
            Ok(())
        );
        check!(Bounds, bounds(json!({"percent": 200}))).unwrap_err();
        check!(Bounds, bounds(json!({"ratio": 0.0}))).unwrap_err();
    }

    #[test]
    fn nan_passes_inclusive_bounds_and_fails_exclusive_ones() {
        use modelbuild_validator::Validate as _;
        use validator::Validate as _;
        let theirs = theirs::Nan {
            inclusive: f64::NAN,
            exclusive: f64::NAN,
        }
        .validate();
        let ours = ours::Nan {
            inclusive: f64::NAN,
            exclusive: f64::NAN,
        }
        .validate();
        // JSON writes NaN as null.
        let errors = compare(theirs, ours, &"NaN").unwrap_err();
        assert!(errors.get("inclusive").is_none());
        assert_eq!(errors["exclusive"][0]["params"]["value"], Value::Null);
    }
}

mod order_and_priority {
    use super::*;

    side_by_side! {
        pub fn no_ada(value: &str) -> Result<(), v::ValidationError> {
            match value.contains("ada") {
                true => Err(v::ValidationError::new("ada")),
                false => Ok(()),
            }
        }

        #[derive(serde::Deserialize, v::Validate)]
        #[validate(crate = "v")]
        pub struct Ordered {
            // Written in another order than validator checks them in.
            #[validate(custom(function = no_ada), contains(pattern = "x"), url, email, length(max = 3))]
            pub value: String,
        }
    }

    #[test]
    fn a_fields_errors_come_in_validators_order() {
        let errors = check!(Ordered, {"value": "ada@@"}).unwrap_err();
        let codes: Vec<&str> = errors["value"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["code"].as_str().unwrap())
            .collect();
        assert_eq!(codes, ["length", "email", "url", "contains", "ada"]);
    }
}

mod custom {
    use super::*;

    side_by_side! {
        // A number is passed by value, as validator passes it.
        pub fn even(value: i64) -> Result<(), v::ValidationError> {
            match value % 2 {
                0 => Ok(()),
                _ => {
                    let mut error = v::ValidationError::new("even");
                    error.add_param("divisor".into(), &2);
                    Err(error.with_message("must be even".into()))
                }
            }
        }

        pub fn small(value: u8) -> Result<(), v::ValidationError> {
            match value < 10 {
                true => Ok(()),
                false => Err(v::ValidationError::new("small")),
            }
        }

        pub fn lower(value: &str) -> Result<(), v::ValidationError> {
            match value.chars().all(char::is_lowercase) {
                true => Ok(()),
                false => Err(v::ValidationError::new("lower")),
            }
        }

        pub fn pair(value: &[u8; 2]) -> Result<(), v::ValidationError> {
            match value[0] == value[1] {
                true => Ok(()),
                false => Err(v::ValidationError::new("pair")),
            }
        }

        #[derive(serde::Deserialize, v::Validate)]
        #[validate(crate = "v")]
        pub struct Customs {
            #[validate(custom(function = even))]
            pub plain: i64,
            #[validate(custom(function = "even", code = "odd", message = "odd number"))]
            pub quoted: Option<i64>,
            #[validate(custom(function = small), custom(function = small, code = "twice"))]
            pub by_value: u8,
            #[validate(custom(function = small))]
            pub optional: Option<u8>,
            #[validate(custom(function = small))]
            pub deeper: Option<Option<u8>>,
            #[validate(custom(function = lower))]
            pub cow: Cow<'static, str>,
            #[validate(custom(function = lower))]
            pub text: Option<String>,
            #[validate(custom(function = pair))]
            pub array: [u8; 2],
        }
    }

    #[test]
    fn custom_functions_get_the_value_as_in_validator() {
        let valid = json!({"plain": 2, "quoted": null, "by_value": 1, "optional": 2, "deeper": 3,
                           "cow": "abc", "text": "x", "array": [1, 1]});
        assert_eq!(check!(Customs, valid), Ok(()));
        let errors = check!(Customs, {"plain": 3, "quoted": 5, "by_value": 10, "optional": 11,
                                      "deeper": 12, "cow": "ABC", "text": "X", "array": [1, 2]})
        .unwrap_err();
        assert_eq!(
            errors["plain"][0],
            json!({"code": "even", "message": "must be even", "params": {"divisor": 2, "value": 3}})
        );
        assert_eq!(errors["quoted"][0]["code"], "odd");
        assert_eq!(errors["by_value"].as_array().unwrap().len(), 2);
    }
}

mod nested {
    use super::*;

    side_by_side! {
        #[derive(serde::Deserialize, serde::Serialize, v::Validate, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[validate(crate = "v")]
        pub struct Step {
            #[validate(length(min = 2))]
            pub sid: String,
        }

        #[derive(serde::Deserialize, v::Validate)]
        #[validate(crate = "v")]
        pub struct Build {
            #[validate(nested)]
            pub first: Step,
            #[validate(nested)]
            pub optional: Option<Step>,
            #[validate(length(min = 1), nested)]
            pub steps: Vec<Step>,
            #[validate(nested)]
            pub queue: VecDeque<Step>,
            #[validate(nested)]
            pub array: [Step; 2],
            #[validate(nested)]
            pub sorted: BTreeSet<Step>,
            #[validate(nested)]
            pub hashed: HashSet<Step>,
            #[validate(nested)]
            pub by_name: BTreeMap<String, Step>,
            #[validate(nested)]
            pub one_key: HashMap<String, Step>,
            #[validate(required, nested)]
            pub required: Option<Step>,
            #[validate(nested = false)]
            pub not_nested: Step,
        }
    }

    fn build(overrides: Value) -> Value {
        let step = json!({"sid": "ok"});
        let mut valid = json!({
            "first": step, "optional": null, "steps": [step], "queue": [], "array": [step, step],
            "sorted": [], "hashed": [], "by_name": {}, "one_key": {}, "required": step,
            "not_nested": {"sid": ""},
        });
        for (key, value) in overrides.as_object().unwrap() {
            valid[key] = value.clone();
        }
        valid
    }

    #[test]
    fn nested_errors_are_structs_and_lists_alike() {
        assert_eq!(check!(Build, build(json!({}))), Ok(()));
        let bad = json!({"sid": "x"});
        let errors = check!(
            Build,
            build(json!({
                "first": bad, "optional": bad, "steps": [{"sid": "ok"}, bad], "queue": [bad],
                "array": [{"sid": "ok"}, bad], "sorted": [bad, {"sid": "y"}], "hashed": [bad],
                "by_name": {"a": {"sid": "ok"}, "b": bad}, "one_key": {"k": bad}, "required": null,
            }))
        )
        .unwrap_err();
        assert_eq!(
            errors["first"],
            json!({"sid": [{"code": "length", "message": null, "params": {"min": 2, "value": "x"}}]})
        );
        assert_eq!(errors["steps"]["1"]["sid"][0]["code"], "length");
        assert!(errors.get("not_nested").is_none());
        assert_eq!(errors["required"][0]["params"]["value"], Value::Null);
    }

    #[test]
    fn a_fields_own_errors_keep_its_contents_unchecked() {
        let errors = check!(Build, build(json!({"steps": []}))).unwrap_err();
        assert_eq!(errors["steps"][0]["code"], "length");
    }
}

mod schema {
    use super::*;

    side_by_side! {
        pub fn distinct(value: &Pair) -> Result<(), v::ValidationError> {
            match value.a == value.b {
                true => Err(v::ValidationError::new("same")),
                false => Ok(()),
            }
        }

        pub fn never(_: &Pair) -> Result<(), v::ValidationError> {
            Err(v::ValidationError::new("never"))
        }

        #[derive(serde::Deserialize, v::Validate)]
        #[validate(crate = "v")]
        #[validate(schema(function = distinct))]
        #[validate(schema(function = "never", skip_on_field_errors = false, code = "x", message = "always"))]
        pub struct Pair {
            #[validate(range(max = 10))]
            pub a: u8,
            pub b: u8,
        }

        #[derive(serde::Deserialize, v::Validate)]
        #[validate(crate = "v")]
        #[validate(schema(function = "never_outer"))]
        pub struct Outer {
            #[validate(nested)]
            pub inner: Pair,
        }

        pub fn never_outer(_: &Outer) -> Result<(), v::ValidationError> {
            Err(v::ValidationError::new("outer"))
        }
    }

    #[test]
    fn schema_is_skipped_after_a_field_failed_unless_told() {
        let errors = check!(Pair, {"a": 1, "b": 1}).unwrap_err();
        let all: Vec<&str> = errors["__all__"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["code"].as_str().unwrap())
            .collect();
        assert_eq!(all, ["same", "x"]);
        let errors = check!(Pair, {"a": 11, "b": 11}).unwrap_err();
        assert_eq!(errors["__all__"].as_array().unwrap().len(), 1);
        assert_eq!(errors["__all__"][0]["message"], "always");
        check!(Outer, {"inner": {"a": 11, "b": 1}}).unwrap_err();
        check!(Outer, {"inner": {"a": 1, "b": 2}}).unwrap_err();
    }
}

mod skipping {
    use super::*;

    side_by_side! {
        #[derive(serde::Deserialize, v::Validate)]
        #[validate(crate = "v")]
        pub struct Skips {
            #[validate(skip, length(min = 5))]
            pub skipped: String,
            #[validate(skip = true)]
            #[validate(length(min = 5))]
            pub explicit: String,
            #[validate(skip = false, length(min = 5))]
            pub kept: String,
        }

        #[derive(serde::Deserialize, v::Validate)]
        #[validate(crate = "v")]
        pub struct Inner {
            #[validate(range(min = 1))]
            pub n: u8,
        }

        #[derive(serde::Deserialize, v::Validate)]
        #[validate(crate = "v", nest_all_fields)]
        pub struct All {
            pub one: Inner,
            pub more: Vec<Inner>,
            #[validate(skip)]
            pub not_validate: u8,
        }
    }

    #[test]
    fn skip_and_nest_all_fields_mean_what_they_do_in_validator() {
        let errors = check!(Skips, {"skipped": "", "explicit": "", "kept": ""}).unwrap_err();
        assert_eq!(errors.as_object().unwrap().keys().collect::<Vec<_>>(), ["kept"]);
        let errors =
            check!(All, {"one": {"n": 0}, "more": [{"n": 1}, {"n": 0}], "not_validate": 0}).unwrap_err();
        assert_eq!(errors["more"]["1"]["n"][0]["code"], "range");
    }
}

mod must_match {
    use super::*;

    side_by_side! {
        #[derive(serde::Deserialize, v::Validate)]
        #[validate(crate = "v")]
        pub struct Passwords {
            #[validate(must_match(other = confirm))]
            pub password: String,
            pub confirm: String,
            #[validate(must_match(other = "pin_again", message = "no match", code = "pin"))]
            pub pin: u16,
            pub pin_again: u16,
        }
    }

    #[test]
    fn must_match_reports_the_other_value() {
        assert_eq!(
            check!(Passwords, {"password": "a", "confirm": "a", "pin": 1, "pin_again": 1}),
            Ok(())
        );
        let errors =
            check!(Passwords, {"password": "a", "confirm": "b", "pin": 1, "pin_again": 2}).unwrap_err();
        assert_eq!(
            errors["password"][0]["params"],
            json!({"other": "b", "value": "a"})
        );
        assert_eq!(errors["pin"][0]["code"], "pin");
    }
}

static TWO_LETTERS: LazyLock<Regex> = LazyLock::new(|| Regex::new("^[a-z]{2}$").unwrap());
static DIGITS: OnceLock<Regex> = OnceLock::new();

mod regexes {
    use super::*;

    side_by_side! {
        #[derive(serde::Deserialize, v::Validate)]
        #[validate(crate = "v")]
        pub struct Codes {
            #[validate(regex(path = *TWO_LETTERS))]
            pub deref: String,
            #[validate(regex(path = TWO_LETTERS, code = "letters"))]
            pub lazy: Option<String>,
            #[validate(regex(path = "*crate::derive::TWO_LETTERS", message = "two letters"))]
            pub quoted: String,
            #[validate(regex(path = DIGITS))]
            pub once: String,
        }
    }

    #[test]
    fn regexes_from_statics_fail_alike() {
        let _ = DIGITS.set(Regex::new("^[0-9]+$").unwrap());
        assert_eq!(
            check!(Codes, {"deref": "ab", "lazy": null, "quoted": "cd", "once": "12"}),
            Ok(())
        );
        let errors = check!(Codes, {"deref": "abc", "lazy": "A", "quoted": "1", "once": "x"}).unwrap_err();
        assert_eq!(
            errors["deref"][0],
            json!({"code": "regex", "message": null, "params": {"value": "abc"}})
        );
    }
}

mod user_types {
    use super::*;

    /// A type of the user's own, made checkable by implementing validator's traits.
    #[derive(serde::Deserialize, serde::Serialize)]
    pub struct Tag(pub String);

    macro_rules! tag_impls {
        ($v:ident) => {
            impl $v::ValidateLength<u64> for Tag {
                fn length(&self) -> Option<u64> {
                    Some(self.0.len() as u64)
                }
            }
            impl $v::ValidateEmail for Tag {
                fn as_email_string(&self) -> Option<Cow<'_, str>> {
                    Some(Cow::Borrowed(&self.0))
                }
            }
            impl $v::ValidateRequired for Tag {
                fn is_some(&self) -> bool {
                    !self.0.is_empty()
                }
            }
            impl $v::ValidateContains for Tag {
                fn validate_contains(&self, needle: &str) -> bool {
                    self.0.contains(needle)
                }
            }
        };
    }
    mod their_impls {
        use super::*;
        tag_impls!(validator);
    }
    mod our_impls {
        use super::*;
        tag_impls!(modelbuild_validator);
    }

    side_by_side! {
        #[derive(serde::Deserialize, v::Validate)]
        #[validate(crate = "v")]
        pub struct Tagged {
            #[validate(length(max = 3), email, required, contains(pattern = "#"))]
            pub tag: Tag,
            #[validate(contains(pattern = "id"))]
            pub map: HashMap<String, u8>,
        }
    }

    #[test]
    fn a_users_type_is_checked_through_its_impls() {
        assert_eq!(check!(Tagged, {"tag": "#@b", "map": {"id": 1}}), Ok(()));
        let errors = check!(Tagged, {"tag": "ab@@", "map": {"name": 1}}).unwrap_err();
        let codes: Vec<&str> = errors["tag"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["code"].as_str().unwrap())
            .collect();
        assert_eq!(codes, ["length", "email", "contains"]);
        assert_eq!(
            errors["map"][0]["params"],
            json!({"needle": "id", "value": {"name": 1}})
        );
        check!(Tagged, {"tag": "", "map": {}}).unwrap_err();
    }
}

mod contexts {
    use super::*;

    pub struct Limits {
        pub max: usize,
        pub seen: usize,
    }

    side_by_side! {
        pub fn within(value: &str, limits: &Limits) -> Result<(), v::ValidationError> {
            match value.len() <= limits.max {
                true => Ok(()),
                false => Err(v::ValidationError::new("limit")),
            }
        }

        pub fn count(_: &str, limits: &mut Limits) -> Result<(), v::ValidationError> {
            limits.seen += 1;
            Ok(())
        }

        pub fn whole(value: &Counted, limits: &mut Limits) -> Result<(), v::ValidationError> {
            limits.seen += value.a.len();
            Ok(())
        }

        #[derive(v::Validate)]
        #[validate(crate = "v", context = Limits)]
        pub struct Shared<'a> {
            #[validate(custom(function = within, use_context), length(min = 1))]
            pub a: &'a str,
        }

        #[derive(v::Validate)]
        #[validate(crate = "v", context = "Limits", mutable)]
        #[validate(schema(function = whole, use_context))]
        pub struct Counted {
            #[validate(custom(function = count, use_context))]
            pub a: String,
            #[validate(custom(function = count, use_context))]
            pub b: String,
        }
    }

    #[test]
    fn contexts_are_passed_as_in_validator() {
        use modelbuild_validator::ValidateArgs as _;
        use validator::ValidateArgs as _;
        let limits = Limits { max: 2, seen: 0 };
        for text in ["ab", "abc", ""] {
            compare(
                theirs::Shared { a: text }.validate_with_args(&limits),
                ours::Shared { a: text }.validate_with_args(&limits),
                &text,
            )
            .ok();
        }
        let (mut theirs_limits, mut our_limits) = (Limits { max: 0, seen: 0 }, Limits { max: 0, seen: 0 });
        let result = theirs::Counted {
            a: "xy".into(),
            b: String::new(),
        }
        .validate_with_args(&mut theirs_limits);
        let ours = ours::Counted {
            a: "xy".into(),
            b: String::new(),
        }
        .validate_with_args(&mut our_limits);
        compare(result, ours, &"Counted").unwrap();
        assert_eq!((theirs_limits.seen, our_limits.seen), (4, 4));
    }
}

mod generics {
    use super::*;

    side_by_side! {
        #[derive(v::Validate)]
        #[validate(crate = "v")]
        pub struct Page<'a, T: v::Validate + serde::Serialize, const N: usize> {
            #[validate(length(max = 2), nested)]
            pub items: Vec<T>,
            #[validate(length(min = 1))]
            pub title: Option<&'a str>,
        }

        #[derive(v::Validate, serde::Serialize)]
        #[validate(crate = "v")]
        pub struct Item {
            #[validate(range(min = 1))]
            pub n: u8,
        }
    }

    #[test]
    fn generic_and_borrowing_structs_validate_alike() {
        use modelbuild_validator::Validate as _;
        use validator::Validate as _;
        for (ns, title) in [(vec![1], Some("t")), (vec![0, 1, 0], Some("")), (vec![0], None)] {
            let theirs = theirs::Page::<_, 1> {
                items: ns.iter().map(|&n| theirs::Item { n }).collect(),
                title,
            };
            let ours = ours::Page::<_, 1> {
                items: ns.iter().map(|&n| ours::Item { n }).collect(),
                title,
            };
            compare(theirs.validate(), ours.validate(), &(ns, title)).ok();
        }
    }
}
