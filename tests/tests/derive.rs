//! The derive through the public API: every rule, every shape of type, every wrapper.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;
use std::sync::Arc;

use modelbuild::{RuleError, Segment, Valid, Validate, ValidationErrors};
use modelbuild_tests::{found, pairs, paths_and_codes};

const UG: &str = "UG0123456789abcdefABCDEF0123456789";

fn expect(value: &impl Validate, expected: &[(&str, &str)]) {
    assert_eq!(paths_and_codes(value), pairs(expected));
}

#[derive(Validate)]
struct Everything {
    #[validate(sid(prefix = "UG"))]
    sid: String,
    #[validate(length(min = 2, max = 4))]
    name: String,
    #[validate(uri)]
    url: String,
    #[validate(pattern = "^[a-z]+$")]
    slug: String,
    #[validate(range(min = 1, max = 1000))]
    page_size: i64,
    #[validate(required)]
    token: Option<String>,
    #[validate(nested)]
    child: Child,
    #[validate(custom = even)]
    count: u32,
}

#[derive(Validate)]
struct Child {
    #[validate(sid(prefix = "UA"))]
    assistant_sid: String,
}

fn even(value: &u32) -> Result<(), RuleError> {
    if value.is_multiple_of(2) {
        Ok(())
    } else {
        Err(RuleError::new("even", "must be even"))
    }
}

fn everything_valid() -> Everything {
    Everything {
        sid: UG.into(),
        name: "abc".into(),
        url: "https://example.com".into(),
        slug: "abc".into(),
        page_size: 50,
        token: Some("t".into()),
        child: Child {
            assistant_sid: UG.replace("UG", "UA"),
        },
        count: 2,
    }
}

#[test]
fn valid_value_passes() {
    expect(&everything_valid(), &[]);
}

#[test]
fn every_broken_rule_is_reported_in_field_order() {
    let value = Everything {
        sid: "UG1".into(),
        name: "a".into(),
        url: "not a uri".into(),
        slug: "ABC".into(),
        page_size: 0,
        token: None,
        child: Child {
            assistant_sid: UG.into(),
        },
        count: 3,
    };
    expect(
        &value,
        &[
            ("sid", "sid"),
            ("name", "length"),
            ("url", "uri"),
            ("slug", "pattern"),
            ("page_size", "range"),
            ("token", "required"),
            ("child.assistant_sid", "sid"),
            ("count", "even"),
        ],
    );
}

#[test]
fn messages_say_what_is_wrong() {
    let value = Everything {
        name: "a".into(),
        page_size: 0,
        token: None,
        ..everything_valid()
    };
    let errors = value.validate().unwrap_err();
    assert_eq!(
        errors.to_string(),
        "name: must be between 2 and 4 characters long\n\
         page_size: must be at least 1 and at most 1000\n\
         token: is required"
    );
}

#[test]
fn errors_serialize_as_an_array_of_objects() {
    let errors = Everything {
        sid: "x".into(),
        ..everything_valid()
    }
    .validate()
    .unwrap_err();
    let json = serde_json::to_value(&errors).unwrap();
    assert_eq!(
        json,
        serde_json::json!([{
            "path": "sid",
            "pointer": "/sid",
            "code": "sid",
            "message": "must be a SID: \"UG\" followed by 32 hexadecimal digits",
            "params": {"prefix": "UG"}
        }])
    );
    let error: &dyn std::error::Error = &errors;
    assert!(error.to_string().starts_with("sid: "));
}

#[derive(Validate)]
struct Several {
    #[validate(length(min = 34), sid(prefix = "UG"), pattern = "^UG")]
    sid: String,
}

#[test]
fn several_rules_on_one_field_all_report() {
    expect(
        &Several { sid: "x".into() },
        &[("sid", "length"), ("sid", "sid"), ("sid", "pattern")],
    );
    expect(&Several { sid: UG.into() }, &[]);
}

#[derive(Validate)]
#[allow(clippy::box_collection)] // boxed strings are what this test is about
struct Wrapped<'a> {
    #[validate(sid(prefix = "UG"))]
    option: Option<String>,
    #[validate(sid(prefix = "UG"))]
    boxed: Box<String>,
    #[validate(sid(prefix = "UG"))]
    boxed_str: Box<str>,
    #[validate(sid(prefix = "UG"))]
    cow: Cow<'a, str>,
    #[validate(sid(prefix = "UG"))]
    reference: &'a str,
    #[validate(sid(prefix = "UG"))]
    rc: Rc<str>,
    #[validate(sid(prefix = "UG"))]
    arc_string: Arc<String>,
    #[validate(sid(prefix = "UG"))]
    option_box: Option<Box<String>>,
    #[validate(range(max = 10))]
    number_ref: &'a u8,
    #[validate(range(max = 10))]
    option_number: Option<Box<u8>>,
}

#[test]
fn rules_see_through_wrappers() {
    let good = Wrapped {
        option: Some(UG.into()),
        boxed: Box::new(UG.into()),
        boxed_str: UG.into(),
        cow: Cow::Borrowed(UG),
        reference: UG,
        rc: UG.into(),
        arc_string: Arc::new(UG.into()),
        option_box: Some(Box::new(UG.into())),
        number_ref: &10,
        option_number: Some(Box::new(3)),
    };
    expect(&good, &[]);
    let bad = Wrapped {
        option: Some("x".into()),
        boxed: Box::new("x".into()),
        boxed_str: "x".into(),
        cow: Cow::Owned("x".into()),
        reference: "x",
        rc: "x".into(),
        arc_string: Arc::new("x".into()),
        option_box: Some(Box::new("x".into())),
        number_ref: &11,
        option_number: Some(Box::new(11)),
    };
    let fields = [
        "option",
        "boxed",
        "boxed_str",
        "cow",
        "reference",
        "rc",
        "arc_string",
        "option_box",
        "number_ref",
        "option_number",
    ];
    let codes = [
        "sid", "sid", "sid", "sid", "sid", "sid", "sid", "sid", "range", "range",
    ];
    let expected: Vec<(&str, &str)> = fields.into_iter().zip(codes).collect();
    expect(&bad, &expected);
}

#[test]
fn none_passes_every_rule_but_required() {
    #[derive(Validate)]
    struct Optional {
        #[validate(sid(prefix = "UG"), length(min = 100), uri, pattern = "^x$")]
        a: Option<String>,
        #[validate(range(min = 5))]
        b: Option<i32>,
        #[validate(required, sid(prefix = "UG"))]
        c: Option<String>,
    }
    expect(
        &Optional {
            a: None,
            b: None,
            c: None,
        },
        &[("c", "required")],
    );
}

/// A newtype that only implements `AsRef<str>`: string rules apply to it.
struct Sid(String);

impl AsRef<str> for Sid {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

type UniqueName = String;

#[derive(Validate)]
struct Newtypes {
    #[validate(sid(prefix = "UG"))]
    sid: Sid,
    #[validate(sid(prefix = "UG"))]
    maybe: Option<Sid>,
    #[validate(length(max = 3))]
    alias: UniqueName,
}

#[test]
fn newtypes_with_as_ref_str_and_aliases_work() {
    let value = Newtypes {
        sid: Sid("UG".into()),
        maybe: Some(Sid(UG.into())),
        alias: "abcd".into(),
    };
    expect(&value, &[("sid", "sid"), ("alias", "length")]);
}

#[derive(Validate)]
#[allow(dead_code)] // the middle field has no rule and is never read
struct Tuple(
    #[validate(sid(prefix = "AC"))] String,
    u8,
    #[validate(range(max = 1))] u8,
);

#[derive(Validate)]
struct Newtype(#[validate(length(equal = 2))] String);

#[derive(Validate)]
struct Unit;

#[test]
fn tuple_structs_are_laid_out_as_serde_writes_them() {
    // A tuple is a sequence, `["x", 0, 2]`; a newtype is its one field, `"abc"`.
    expect(&Tuple("x".into(), 0, 2), &[("[0]", "sid"), ("[2]", "range")]);
    expect(&Newtype("abc".into()), &[("", "length")]);
    expect(&Unit, &[]);
}

/// A struct whose rules all break, with one call site per field: the derive names its
/// table of sites by a type of the runtime up to 32 sites and writes the array type
/// itself beyond, and every site must report at its own field either way.
macro_rules! wide {
    ($name:ident: $($field:ident)*) => {
        #[derive(Validate)]
        struct $name {
            $(
                #[validate(length(max = 1))]
                $field: String,
            )*
        }

        impl $name {
            fn all_too_long() -> $name {
                $name { $($field: "xx".into(),)* }
            }

            fn names() -> Vec<&'static str> {
                vec![$(stringify!($field)),*]
            }
        }
    };
}

wide!(Wide32: f0 f1 f2 f3 f4 f5 f6 f7 f8 f9 f10 f11 f12 f13 f14 f15 f16 f17 f18 f19 f20
    f21 f22 f23 f24 f25 f26 f27 f28 f29 f30 f31);
wide!(Wide33: f0 f1 f2 f3 f4 f5 f6 f7 f8 f9 f10 f11 f12 f13 f14 f15 f16 f17 f18 f19 f20
    f21 f22 f23 f24 f25 f26 f27 f28 f29 f30 f31 f32);

#[test]
fn every_site_of_a_wide_struct_reports_at_its_own_field() {
    fn check(value: &impl Validate, names: Vec<&str>) {
        let expected: Vec<(&str, &str)> = names.iter().map(|name| (*name, "length")).collect();
        // Twice: the second time, each site reports what it kept from the first.
        expect(value, &expected);
        expect(value, &expected);
    }
    assert_eq!((Wide32::names().len(), Wide33::names().len()), (32, 33));
    check(&Wide32::all_too_long(), Wide32::names());
    check(&Wide33::all_too_long(), Wide33::names());
}

#[derive(Validate)]
enum Source {
    Sid(#[validate(sid(prefix = "UG"))] String),
    Named {
        #[validate(length(min = 1, max = 64))]
        unique_name: String,
        #[validate(nested)]
        children: Vec<Child>,
    },
    Nothing,
}

#[test]
fn enums_validate_the_fields_of_their_variant() {
    // Externally tagged, as serde writes them: `{"Sid": "UG"}`, `{"Named": {...}}`.
    expect(&Source::Sid("UG".into()), &[("Sid", "sid")]);
    expect(&Source::Sid(UG.into()), &[]);
    expect(
        &Source::Named {
            unique_name: String::new(),
            children: vec![
                Child {
                    assistant_sid: UG.replace("UG", "UA"),
                },
                Child {
                    assistant_sid: "x".into(),
                },
            ],
        },
        &[
            ("Named.unique_name", "length"),
            ("Named.children[1].assistant_sid", "sid"),
        ],
    );
    expect(&Source::Nothing, &[]);
}

#[derive(Validate)]
struct Page<T> {
    #[validate(nested)]
    items: Vec<T>,
    #[validate(range(min = 1))]
    page_size: u32,
}

#[derive(Validate)]
struct Labelled<S: AsRef<str>> {
    #[validate(sid(prefix = "UG"))]
    sid: S,
}

#[test]
fn generic_types_are_bounded_by_what_their_rules_need() {
    let page = Page {
        items: vec![Child {
            assistant_sid: "UA".into(),
        }],
        page_size: 0,
    };
    expect(
        &page,
        &[("items[0].assistant_sid", "sid"), ("page_size", "range")],
    );
    expect(&Labelled { sid: "x" }, &[("sid", "sid")]);
    expect(&Labelled { sid: UG.to_string() }, &[]);
}

#[derive(Validate)]
struct Containers {
    #[validate(nested)]
    map: BTreeMap<String, Child>,
    #[validate(nested)]
    hash: HashMap<u8, Child>,
    #[validate(nested)]
    optional: Option<Box<Child>>,
    #[validate(length(max = 1), nested)]
    array: [Child; 2],
}

#[test]
fn nested_paths_name_keys_and_indexes() {
    let bad = || Child {
        assistant_sid: "bad".into(),
    };
    let value = Containers {
        map: BTreeMap::from([("dev".to_owned(), bad())]),
        hash: HashMap::from([(7, bad())]),
        optional: Some(Box::new(bad())),
        array: [bad(), bad()],
    };
    let errors = value.validate().unwrap_err();
    expect(
        &value,
        &[
            ("map[dev].assistant_sid", "sid"),
            ("hash[\"7\"].assistant_sid", "sid"),
            ("optional.assistant_sid", "sid"),
            ("array", "length"),
            ("array[0].assistant_sid", "sid"),
            ("array[1].assistant_sid", "sid"),
        ],
    );
    let first = errors.iter().next().unwrap();
    assert_eq!(
        first.path().segments(),
        [
            Segment::Field("map".into()),
            Segment::Key("dev".into()),
            Segment::Field("assistant_sid".into())
        ]
    );
}

#[derive(Validate)]
struct Lengths {
    #[validate(length(max = 5))]
    chars: String,
    #[validate(length(max = 5, unit = "bytes"))]
    bytes: String,
    #[validate(length(max = 1, unit = "utf16"))]
    utf16: String,
    #[validate(length(min = 1, max = 2))]
    items: Vec<u8>,
    #[validate(length(equal = 1))]
    map: HashMap<u8, u8>,
}

#[test]
fn length_counts_in_the_chosen_unit() {
    let ok = Lengths {
        chars: "héllo".into(),
        bytes: "hello".into(),
        utf16: "é".into(),
        items: vec![1],
        map: HashMap::from([(1, 1)]),
    };
    expect(&ok, &[]);
    let bad = Lengths {
        chars: "héllo!".into(),
        bytes: "héllo".into(),
        utf16: "😀".into(),
        items: vec![],
        map: HashMap::new(),
    };
    let errors = bad.validate().unwrap_err();
    let messages: Vec<&str> = errors.iter().map(|e| e.message()).collect();
    assert_eq!(
        messages,
        [
            "must be at most 5 characters long",
            "must be at most 5 bytes long",
            "must be at most 1 UTF-16 code unit long",
            "must have between 1 and 2 items",
            "must have exactly 1 item",
        ]
    );
}

#[derive(Validate)]
struct Schemes {
    #[validate(uri(schemes = ["https", "http"]))]
    callback: String,
}

#[test]
fn uri_schemes_restrict_the_scheme() {
    expect(
        &Schemes {
            callback: "HTTP://example.com".into(),
        },
        &[],
    );
    expect(
        &Schemes {
            callback: "ftp://example.com".into(),
        },
        &[("callback", "uri")],
    );
    let errors = Schemes {
        callback: "mailto:a@b".into(),
    }
    .validate()
    .unwrap_err();
    assert_eq!(
        errors.iter().next().unwrap().message(),
        "must be a URI with one of the schemes https, http, per RFC 3986's `URI` rule (a fragment is allowed)"
    );
}

#[derive(Validate)]
struct Floats {
    #[validate(range(exclusive_min = 0.0, max = 1.0))]
    ratio: f64,
}

#[test]
fn range_bounds_are_inclusive_or_exclusive_and_nan_fails() {
    expect(&Floats { ratio: 1.0 }, &[]);
    expect(&Floats { ratio: 0.0 }, &[("ratio", "range")]);
    expect(&Floats { ratio: f64::NAN }, &[("ratio", "range")]);
    let errors = Floats { ratio: 2.0 }.validate().unwrap_err();
    assert_eq!(
        errors.iter().next().unwrap().message(),
        "must be greater than 0 and at most 1"
    );
}

#[derive(Validate)]
struct Overridden {
    #[validate(sid(prefix = "UG", code = "bad_sid", message = "is not a build SID"))]
    sid: String,
    #[validate(required(message = "give a name"))]
    name: Option<String>,
    #[validate(custom(function = odd_check, code = "parity"))]
    n: u8,
    #[validate(pattern(regex = "^a", message = "must start with a"))]
    a: String,
}

fn odd_check(n: &u8) -> Result<(), &'static str> {
    if n % 2 == 1 {
        Ok(())
    } else {
        Err("must be odd")
    }
}

#[test]
fn code_and_message_can_be_overridden_on_any_rule() {
    let errors = Overridden {
        sid: "x".into(),
        name: None,
        n: 2,
        a: "b".into(),
    }
    .validate()
    .unwrap_err();
    let got: Vec<(&str, &str)> = errors.iter().map(|e| (e.code(), e.message())).collect();
    assert_eq!(
        got,
        [
            ("bad_sid", "is not a build SID"),
            ("required", "give a name"),
            ("parity", "must be odd"),
            ("pattern", "must start with a"),
        ]
    );
}

fn not_blank(value: &str) -> Result<(), String> {
    if value.trim().is_empty() {
        Err(format!("must not be blank ({} spaces)", value.len()))
    } else {
        Ok(())
    }
}

#[derive(Validate)]
#[validate(custom = dates_in_order)]
struct Window {
    #[validate(custom = not_blank)]
    label: Option<String>,
    #[validate(rename = "Start")]
    start: u32,
    end: u32,
}

fn dates_in_order(window: &Window) -> Result<(), RuleError> {
    if window.start <= window.end {
        Ok(())
    } else {
        Err(RuleError::new("order", "start must not be after end"))
    }
}

#[test]
fn custom_rules_on_fields_see_through_option_and_on_types_see_the_whole_value() {
    expect(
        &Window {
            label: None,
            start: 1,
            end: 2,
        },
        &[],
    );
    let errors = Window {
        label: Some("  ".into()),
        start: 3,
        end: 2,
    }
    .validate()
    .unwrap_err();
    assert_eq!(
        errors.to_string(),
        "label: must not be blank (2 spaces)\nstart must not be after end"
    );
    assert_eq!(found(&errors)[1], (String::new(), "order".to_owned()));
}

#[derive(Validate)]
struct Renamed {
    #[validate(rename = "StatusCallback", uri)]
    status_callback: String,
    #[validate(sid(prefix = "UG"))]
    r#type: String,
}

#[test]
fn rename_changes_the_name_in_paths() {
    expect(
        &Renamed {
            status_callback: "x".into(),
            r#type: "y".into(),
        },
        &[("StatusCallback", "uri"), ("type", "sid")],
    );
}

#[derive(Debug, Validate, serde::Deserialize, serde::Serialize)]
struct Request {
    #[validate(sid(prefix = "UG"))]
    sid: String,
    #[validate(length(max = 3))]
    name: String,
}

#[test]
fn valid_deserializes_then_validates_reporting_every_path() {
    let ok: Valid<Request> = serde_json::from_str(&format!(r#"{{"sid":"{UG}","name":"abc"}}"#)).unwrap();
    assert_eq!(ok.name, "abc");
    assert_eq!(
        serde_json::to_string(&ok).unwrap(),
        format!(r#"{{"sid":"{UG}","name":"abc"}}"#)
    );
    let err = serde_json::from_str::<Valid<Request>>(r#"{"sid":"UG","name":"abcd"}"#).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("sid: must be a SID: \"UG\""), "{text}");
    assert!(text.contains("name: must be at most 3 characters long"), "{text}");
    let bad = Valid::new(Request {
        sid: UG.into(),
        name: "abcd".into(),
    })
    .unwrap_err();
    assert_eq!(found(&bad), [("name".to_owned(), "length".to_owned())]);
    let good = Valid::new(Request {
        sid: UG.into(),
        name: "ab".into(),
    })
    .unwrap();
    assert_eq!(good.into_inner().name, "ab");
}

#[test]
fn validate_at_extends_a_path_for_hand_written_impls() {
    struct Wrapper(Child);
    impl Validate for Wrapper {
        fn validate_at(&self, at: &modelbuild::PathNode<'_>, errors: &mut ValidationErrors) {
            self.0.validate_at(&at.field("inner").index(3), errors);
        }
    }
    expect(
        &Wrapper(Child {
            assistant_sid: "x".into(),
        }),
        &[("inner[3].assistant_sid", "sid")],
    );
}

fn no_duplicates(items: &[String]) -> Result<(), &'static str> {
    let mut sorted: Vec<&String> = items.iter().collect();
    sorted.sort();
    sorted.dedup();
    if sorted.len() == items.len() {
        Ok(())
    } else {
        Err("must not repeat an item")
    }
}

fn whole_option(value: &Option<String>) -> Result<(), &'static str> {
    value.as_ref().map(|_| ()).ok_or("must be set")
}

#[derive(Validate)]
struct CustomArguments<'a> {
    #[validate(custom = no_duplicates)]
    tags: Vec<String>,
    #[validate(custom = not_blank)]
    borrowed: &'a str,
    #[validate(custom = whole_option)]
    option: Option<String>,
}

#[test]
fn custom_functions_take_the_borrowed_form_or_the_whole_field() {
    let value = CustomArguments {
        tags: vec!["a".into(), "a".into()],
        borrowed: " ",
        option: None,
    };
    expect(
        &value,
        &[("tags", "custom"), ("borrowed", "custom"), ("option", "custom")],
    );
}

#[derive(Validate)]
struct Elements {
    #[validate(each(sid(prefix = "UG")), length(max = 3))]
    sids: Vec<String>,
    #[validate(each(uri(schemes = ["https"]), length(max = 30)))]
    callbacks: BTreeMap<String, String>,
    #[validate(each(range(min = 1)))]
    sizes: Option<[u32; 2]>,
    #[validate(each(each(length(min = 1))))]
    groups: Vec<Vec<String>>,
    #[validate(each(nested))]
    children: Box<[Child]>,
    #[validate(each(required))]
    maybe: Vec<Option<u8>>,
}

#[test]
fn each_applies_its_rules_to_every_element_with_its_path() {
    let value = Elements {
        sids: vec![UG.into(), "UG1".into(), UG.into(), "x".into()],
        callbacks: BTreeMap::from([
            ("done".to_owned(), "https://example.com/done".to_owned()),
            ("failed".to_owned(), "http://example.com/failed".to_owned()),
        ]),
        sizes: Some([1, 0]),
        groups: vec![vec!["a".into()], vec!["b".into(), String::new()]],
        children: vec![Child {
            assistant_sid: "UA".into(),
        }]
        .into_boxed_slice(),
        maybe: vec![Some(1), None],
    };
    expect(
        &value,
        &[
            ("sids[1]", "sid"),
            ("sids[3]", "sid"),
            ("sids", "length"),
            ("callbacks[failed]", "uri"),
            ("sizes[1]", "range"),
            ("groups[1][1]", "length"),
            ("children[0].assistant_sid", "sid"),
            ("maybe[1]", "required"),
        ],
    );
    let empty = Elements {
        sids: vec![],
        callbacks: BTreeMap::new(),
        sizes: None,
        groups: vec![],
        children: Box::new([]),
        maybe: vec![],
    };
    expect(&empty, &[]);
}

#[derive(Validate)]
struct Bag<T: Validate> {
    #[validate(each(nested), length(max = 1))]
    items: Vec<T>,
}

#[test]
fn generic_elements_take_the_bound_written_on_the_type() {
    let bag = Bag {
        items: vec![
            Child {
                assistant_sid: "UA".into(),
            },
            Child {
                assistant_sid: "x".into(),
            },
        ],
    };
    expect(
        &bag,
        &[
            ("items[0].assistant_sid", "sid"),
            ("items[1].assistant_sid", "sid"),
            ("items", "length"),
        ],
    );
}

#[derive(Validate)]
struct ThroughPointers<'a> {
    #[validate(required)]
    shared: Rc<Option<String>>,
    #[validate(required)]
    threaded: Arc<Option<u32>>,
    #[validate(length(min = 1))]
    boxed: Box<[u8]>,
    #[validate(length(min = 1))]
    counted: Rc<[u8]>,
    #[validate(length(max = 1))]
    borrowed_vec: &'a Vec<u8>,
    #[validate(length(equal = 3))]
    borrowed_array: &'a [u8; 2],
    #[validate(length(max = 0))]
    borrowed_map: &'a HashMap<String, u8>,
    #[validate(length(min = 1))]
    cow_slice: Cow<'a, [u8]>,
    #[validate(range(min = 10))]
    cow_number: Cow<'a, u32>,
}

#[test]
fn required_length_and_range_reach_through_every_pointer_readme_names() {
    let (vec, array, map) = (vec![1, 2], [1, 2], HashMap::from([("a".to_owned(), 1)]));
    let value = ThroughPointers {
        shared: Rc::new(None),
        threaded: Arc::new(None),
        boxed: Box::new([]),
        counted: Rc::from(Vec::new()),
        borrowed_vec: &vec,
        borrowed_array: &array,
        borrowed_map: &map,
        cow_slice: Cow::Borrowed(&[]),
        cow_number: Cow::Owned(9),
    };
    let errors = value.validate().unwrap_err();
    let found: Vec<(String, &str)> = errors
        .iter()
        .map(|e| (e.path().to_string(), e.message()))
        .collect();
    let expected = [
        ("shared", "is required"),
        ("threaded", "is required"),
        ("boxed", "must have at least 1 item"),
        ("counted", "must have at least 1 item"),
        ("borrowed_vec", "must have at most 1 item"),
        ("borrowed_array", "must have exactly 3 items"),
        ("borrowed_map", "must have at most 0 items"),
        ("cow_slice", "must have at least 1 item"),
        ("cow_number", "must be at least 10"),
    ];
    let expected: Vec<(String, &str)> = expected.iter().map(|(p, m)| (p.to_string(), *m)).collect();
    assert_eq!(found, expected);
}

#[derive(Validate)]
struct FloatBounds {
    #[validate(range(exclusive_min = 1e-9, max = 1e21))]
    ratio: f64,
    #[validate(range(min = 0.25))]
    share: f32,
    #[validate(range(max = 18446744073709551615))]
    big: u128,
}

#[test]
fn bounds_print_short_and_exact() {
    let value = FloatBounds {
        ratio: 0.0,
        share: 0.0,
        big: u128::MAX,
    };
    let errors = value.validate().unwrap_err();
    let messages: Vec<&str> = errors.iter().map(|e| e.message()).collect();
    assert_eq!(
        messages,
        [
            "must be greater than 1e-9 and at most 1e21",
            "must be at least 0.25",
            "must be at most 18446744073709551615"
        ]
    );
}

/// A derive written inside a `macro_rules!`, as benchmark and test helpers do: the
/// rule's tokens then carry the macro's hygiene, which must not hide the derive's own
/// variables.
macro_rules! one_rule {
    ($name:ident, [$($rule:tt)*]) => {
        #[derive(Validate)]
        struct $name {
            #[validate($($rule)*)]
            value: &'static str,
        }
    };
}

one_rule!(MacroEmail, [email]);
one_rule!(MacroEach, [length(max = 3), custom = no_x]);

fn no_x(value: &str) -> Result<(), &'static str> {
    if value.contains('x') {
        Err("has an x")
    } else {
        Ok(())
    }
}

#[test]
fn derives_inside_macro_rules_work() {
    expect(&MacroEmail { value: "nope" }, &[("value", "email")]);
    expect(
        &MacroEach { value: "xxxx" },
        &[("value", "length"), ("value", "custom")],
    );
}
