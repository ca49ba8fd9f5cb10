//! Every error carries its rule's parameters as typed values; `message` templates and
//! translations are made from them.

use std::collections::HashMap;

use modelbuild::{ParamValue, Params, RuleError, Validate, ValidationErrors};
use serde_json::json;

/// The JSON of each error's params, in order.
fn params_of(errors: &ValidationErrors) -> Vec<(String, serde_json::Value)> {
    errors
        .iter()
        .map(|e| (e.code().to_owned(), serde_json::to_value(e.params()).unwrap()))
        .collect()
}

#[derive(Validate)]
struct Everything {
    #[validate(sid(prefix = "UG"))]
    sid: String,
    #[validate(length(min = 2, max = 4))]
    name: String,
    #[validate(length(equal = 3, unit = "bytes"))]
    code: String,
    #[validate(length(max = 1))]
    tags: Vec<String>,
    #[validate(range(min = -5.0, exclusive_max = 2.5))]
    ratio: f64,
    #[validate(range(exclusive_min = 0, max = 1_000))]
    huge: u128,
    #[validate(uri(schemes = ["https", "http"]))]
    callback: String,
    #[validate(uri)]
    any_uri: String,
    #[validate(url(schemes = ["https"]))]
    website: String,
    #[validate(pattern = "^[a-z]+$")]
    slug: String,
    #[validate(prefix = "x-", suffix = "!", contains = "@", does_not_contain = "#")]
    header: String,
    #[validate(email, ip, phone, credit_card, ascii)]
    mixed: String,
    #[validate(required)]
    present: Option<u8>,
    #[validate(must_match(name))]
    name_again: String,
    #[validate(custom = limited)]
    limited: u32,
}

fn limited(value: &u32) -> Result<(), RuleError> {
    match *value <= 10 {
        true => Ok(()),
        false => Err(RuleError::new("too_many", "must be at most 10")
            .with_param("limit", 10u32)
            .with_param("actual", *value)),
    }
}

#[test]
fn each_rule_gives_its_parameters() {
    let value = Everything {
        sid: "UG1".into(),
        name: "a".into(),
        code: "é".into(),
        tags: vec!["a".into(), "b".into()],
        ratio: 3.0,
        huge: 0,
        callback: "ftp://x".into(),
        any_uri: "no scheme".into(),
        website: "http://example.com".into(),
        slug: "A".into(),
        header: "a#".into(),
        mixed: "é".into(),
        present: None,
        name_again: "b".into(),
        limited: 11,
    };
    let errors = value.validate().unwrap_err();
    let expected = vec![
        ("sid", json!({"prefix": "UG"})),
        ("length", json!({"min": 2, "max": 4, "unit": "chars"})),
        ("length", json!({"equal": 3, "unit": "bytes"})),
        ("length", json!({"max": 1, "unit": "items"})),
        ("range", json!({"min": -5.0, "exclusive_max": 2.5})),
        ("range", json!({"max": 1000, "exclusive_min": 0})),
        ("uri", json!({"schemes": ["https", "http"]})),
        ("uri", json!({})),
        ("url", json!({"schemes": ["https"]})),
        ("pattern", json!({"pattern": "^[a-z]+$"})),
        ("prefix", json!({"prefix": "x-"})),
        ("suffix", json!({"suffix": "!"})),
        ("contains", json!({"contains": "@"})),
        ("does_not_contain", json!({"does_not_contain": "#"})),
        ("email", json!({})),
        ("ip", json!({})),
        ("phone", json!({})),
        ("credit_card", json!({})),
        ("ascii", json!({})),
        ("required", json!({})),
        ("must_match", json!({"other": "name"})),
        ("too_many", json!({"limit": 10, "actual": 11})),
    ];
    let expected: Vec<(String, serde_json::Value)> =
        expected.into_iter().map(|(c, p)| (c.to_owned(), p)).collect();
    assert_eq!(params_of(&errors), expected);
}

/// Bounds that are not literals, in each usual form (an inclusive bound or both, which
/// the derive passes by value, also under a `message` template) and in one that is
/// not (an exclusive bound).
const FLOOR: i64 = -3;
const SHORTEST: usize = 2;

#[derive(Validate)]
struct Computed {
    #[validate(range(min = FLOOR))]
    above: i64,
    #[validate(range(max = FLOOR * 2))]
    below: Option<i64>,
    #[validate(range(min = FLOOR, max = -FLOOR))]
    between: i64,
    #[validate(range(min = FLOOR, max = -FLOOR, message = "from {min} to {max}"))]
    between_templated: i64,
    #[validate(range(exclusive_min = FLOOR, max = -FLOOR))]
    exclusive: i64,
    #[validate(length(min = SHORTEST))]
    long: String,
    #[validate(length(max = SHORTEST + 1))]
    short: Vec<u8>,
    #[validate(length(min = SHORTEST, max = SHORTEST * 2))]
    sized: Box<str>,
}

#[test]
fn bounds_that_are_expressions_give_their_values() {
    let value = Computed {
        above: -4,
        below: Some(0),
        between: 4,
        between_templated: -4,
        exclusive: -3,
        long: "é".into(),
        short: vec![1, 2, 3, 4],
        sized: "abcde".into(),
    };
    let errors = value.validate().unwrap_err();
    let expected = vec![
        ("range", json!({"min": -3})),
        ("range", json!({"max": -6})),
        ("range", json!({"min": -3, "max": 3})),
        ("range", json!({"min": -3, "max": 3})),
        ("range", json!({"max": 3, "exclusive_min": -3})),
        ("length", json!({"min": 2, "unit": "chars"})),
        ("length", json!({"max": 3, "unit": "items"})),
        ("length", json!({"min": 2, "max": 4, "unit": "chars"})),
    ];
    let expected: Vec<(String, serde_json::Value)> =
        expected.into_iter().map(|(c, p)| (c.to_owned(), p)).collect();
    assert_eq!(params_of(&errors), expected);
    let messages: Vec<&str> = errors.iter().map(|e| e.message()).collect();
    assert_eq!(
        messages,
        [
            "must be at least -3",
            "must be at most -6",
            "must be at least -3 and at most 3",
            "from -3 to 3",
            "must be greater than -3 and at most 3",
            "must be at least 2 characters long",
            "must have at most 3 items",
            "must be between 2 and 4 characters long",
        ]
    );
    let valid = Computed {
        above: -3,
        below: None,
        between: 3,
        between_templated: -3,
        exclusive: 3,
        long: "éé".into(),
        short: vec![1, 2, 3],
        sized: "abcd".into(),
    };
    assert!(valid.validate().is_ok());
}

#[derive(Validate)]
struct Huge {
    #[validate(range(exclusive_min = 0, max = u128::MAX))]
    huge: u128,
}

#[test]
fn params_are_typed_values() {
    let errors = Huge { huge: 0 }.validate().unwrap_err();
    let params = errors.iter().next().unwrap().params();
    assert_eq!(params.get("max"), Some(&ParamValue::UInt(u128::MAX)));
    assert_eq!(params.get("exclusive_min").and_then(ParamValue::as_int), Some(0));
    assert_eq!(params.get("min"), None);
    let names: Vec<&str> = params.iter().map(|(name, _)| name).collect();
    assert_eq!(names, ["max", "exclusive_min"]);
    // Beyond 64 bits, written exactly (a serializer that cannot hold it says so).
    let text = serde_json::to_string(params).unwrap();
    assert_eq!(text, format!(r#"{{"max":{},"exclusive_min":0}}"#, u128::MAX));
}

#[derive(Validate)]
struct Templates {
    #[validate(length(max = 4, message = "at most {max} {unit}, please"))]
    name: String,
    #[validate(range(min = 1, max = 1000, message = "{{{min}..{max}}}"))]
    page_size: u32,
    #[validate(sid(prefix = "UA", message = "needs a {prefix} SID"))]
    assistant: String,
    #[validate(custom(function = limited, message = "over {limit} ({actual})"))]
    count: u32,
    #[validate(length(max = 1, message = "plain {{braces}}"))]
    tags: Vec<u8>,
}

#[test]
fn message_templates_name_parameters() {
    let value = Templates {
        name: "too long".into(),
        page_size: 0,
        assistant: "UG".into(),
        count: 12,
        tags: vec![1, 2],
    };
    for _ in 0..2 {
        // Twice: the second failure reads the cached message.
        let errors = value.validate().unwrap_err();
        let messages: Vec<&str> = errors.iter().map(|e| e.message()).collect();
        assert_eq!(
            messages,
            [
                "at most 4 chars, please",
                "{1..1000}",
                "needs a UA SID",
                "over 10 (12)",
                "plain {braces}"
            ]
        );
    }
}

/// A generic field is a string in one use and a collection in another: each keeps its
/// own `unit` in the template.
#[derive(Validate)]
struct Generic<T: modelbuild::rules::input::LengthInput<M>, M> {
    #[validate(length(max = 1, message = "at most {max} {unit}"))]
    value: T,
    #[validate(skip)]
    marker: std::marker::PhantomData<M>,
}

#[test]
fn a_template_on_a_generic_field_keeps_each_unit() {
    let text = Generic {
        value: "ab".to_owned(),
        marker: std::marker::PhantomData,
    };
    let items = Generic {
        value: vec![1, 2],
        marker: std::marker::PhantomData,
    };
    for _ in 0..2 {
        assert_eq!(text.validate().unwrap_err().to_string(), "value: at most 1 chars");
        assert_eq!(
            items.validate().unwrap_err().to_string(),
            "value: at most 1 items"
        );
    }
}

#[test]
fn a_translation_renders_every_message_from_code_and_params() {
    let catalog: HashMap<&str, &str> = HashMap::from([
        ("length", "doit compter au plus {max} caractères"),
        ("sid", "doit être un SID {prefix}"),
    ]);
    let translate = |code: &str, params: &Params| catalog.get(code).map(|t| params.render(t));
    let value = Templates {
        name: "too long".into(),
        page_size: 0,
        assistant: "UG".into(),
        count: 1,
        tags: vec![],
    };
    let mut errors = value.validate().unwrap_err();
    errors.translate(&translate);
    assert_eq!(
        errors.to_string(),
        "name: doit compter au plus 4 caractères\n\
         page_size: {1..1000}\n\
         assistant: doit être un SID UA"
    );
}

/// A message catalog as a type of its own.
struct Shouting;

impl modelbuild::Translate for Shouting {
    fn message(&self, code: &str, _params: &Params) -> Option<std::borrow::Cow<'static, str>> {
        Some(format!("BROKEN {}", code.to_uppercase()).into())
    }
}

#[test]
fn a_translator_can_be_a_type() {
    let value = Templates {
        name: "ok".into(),
        page_size: 0,
        assistant: format!("UA{}", "0".repeat(32)),
        count: 1,
        tags: vec![],
    };
    let mut errors = value.validate().unwrap_err();
    errors.translate(&Shouting);
    assert_eq!(errors.to_string(), "page_size: BROKEN RANGE");
}

#[derive(Validate)]
struct Braces {
    #[validate(required(message = "is {{required}}"))]
    present: Option<u8>,
    #[validate(custom(function = limited, message = "{{over}} {limit}"))]
    count: u32,
}

/// `{{` is a brace in the message of every rule, `required` and `custom` included.
#[test]
fn every_rule_reads_a_template_alike() {
    let errors = Braces {
        present: None,
        count: 11,
    }
    .validate()
    .unwrap_err();
    let messages: Vec<&str> = errors.iter().map(|e| e.message()).collect();
    assert_eq!(messages, ["is {required}", "{over} 10"]);
}

#[derive(Validate)]
struct Floats {
    #[validate(range(exclusive_min = 0.0, max = 1e4))]
    ratio: f64,
    #[validate(range(min = 0.5, max = 1.5))]
    share: f32,
    #[validate(range(exclusive_min = 1e-9, exclusive_max = 1e21))]
    extreme: f64,
}

/// Float bounds print as people write them (`10000`, `0.5`), in exponent form only when
/// very large or very small, in messages and in rendered templates alike.
#[test]
fn float_bounds_print_as_people_write_them() {
    let value = Floats {
        ratio: 0.0,
        share: 2.0,
        extreme: 0.0,
    };
    let errors = value.validate().unwrap_err();
    assert_eq!(
        errors.to_string(),
        "ratio: must be greater than 0 and at most 10000\n\
         share: must be at least 0.5 and at most 1.5\n\
         extreme: must be greater than 1e-9 and less than 1e21"
    );
    let ratio = errors.iter().next().unwrap().params();
    assert_eq!(
        ratio.render("between {exclusive_min} and {max}"),
        "between 0 and 10000"
    );
    for (value, shown) in [
        (10000.0, "10000"),
        (0.25, "0.25"),
        (-2.5, "-2.5"),
        (123456.789, "123456.789"),
        (1e20, "100000000000000000000"),
        (1e21, "1e21"),
        (0.000001, "0.000001"),
        (1.5e-7, "1.5e-7"),
        (-1e300, "-1e300"),
        (f64::INFINITY, "inf"),
    ] {
        assert_eq!(ParamValue::Float(value).to_string(), shown);
    }
}
