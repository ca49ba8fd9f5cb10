//! Paths name what is on the wire: for every serde attribute the derive reads, the
//! error's JSON Pointer must find the offending value in the JSON serde writes (serde
//! itself is the oracle), and the path must read as expected.

use std::collections::BTreeMap;

use modelbuild::Validate;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// Validates `value`, checks that every error's pointer finds, in the JSON serde
/// makes of `value`, the very value the rule broke on (given by `offending`), and
/// returns the paths as displayed.
fn wire_paths<T: Serialize + Validate>(value: &T, offending: &Value) -> Vec<String> {
    let json = serde_json::to_value(value).unwrap();
    let errors = value.validate().expect_err("the value breaks rules");
    for error in &errors {
        let pointer = error.path().to_json_pointer();
        let found = json.pointer(&pointer);
        assert_eq!(
            found,
            Some(offending),
            "{pointer} (path {}) in {json}",
            error.path()
        );
    }
    errors.iter().map(|e| e.path().to_string()).collect()
}

const LONG: &str = "too long";

macro_rules! renamed_struct {
    ($($name:ident: $case:literal => [$($expected:literal),*];)*) => {$(
        #[derive(Serialize, Validate)]
        #[serde(rename_all = $case)]
        struct $name {
            #[validate(length(max = 2))]
            status_callback: String,
            #[validate(length(max = 2))]
            unique_name: String,
            #[validate(length(max = 2))]
            _private_id: String,
        }

        impl $name {
            fn invalid() -> Self {
                $name { status_callback: LONG.into(), unique_name: LONG.into(), _private_id: LONG.into() }
            }
        }
    )*

    #[test]
    fn rename_all_on_a_struct_in_every_case() {
        $(
            let paths = wire_paths(&$name::invalid(), &json!(LONG));
            assert_eq!(paths, [$($expected),*], "{}", $case);
        )*
    }};
}

renamed_struct! {
    Lower: "lowercase" => ["status_callback", "unique_name", "_private_id"];
    Upper: "UPPERCASE" => ["STATUS_CALLBACK", "UNIQUE_NAME", "_PRIVATE_ID"];
    Pascal: "PascalCase" => ["StatusCallback", "UniqueName", "PrivateId"];
    Camel: "camelCase" => ["statusCallback", "uniqueName", "privateId"];
    Snake: "snake_case" => ["status_callback", "unique_name", "_private_id"];
    ScreamingSnake: "SCREAMING_SNAKE_CASE" => ["STATUS_CALLBACK", "UNIQUE_NAME", "_PRIVATE_ID"];
    Kebab: "kebab-case" => ["status-callback", "unique-name", "-private-id"];
    ScreamingKebab: "SCREAMING-KEBAB-CASE" => ["STATUS-CALLBACK", "UNIQUE-NAME", "-PRIVATE-ID"];
}

#[derive(Serialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Renames {
    #[serde(rename = "Sid")]
    #[validate(length(max = 2))]
    sid: String,
    /// `#[validate(rename)]` still overrides serde.
    #[validate(rename = "override", length(max = 2))]
    unique_name: String,
    #[validate(length(max = 2))]
    r#type: String,
}

#[test]
fn field_renames_and_raw_identifiers() {
    let value = Renames {
        sid: LONG.into(),
        unique_name: "ok".into(),
        r#type: LONG.into(),
    };
    assert_eq!(wire_paths(&value, &json!(LONG)), ["Sid", "type"]);
    let overridden = Renames {
        sid: "ok".into(),
        unique_name: LONG.into(),
        r#type: "ok".into(),
    };
    let errors = overridden.validate().unwrap_err();
    assert_eq!(errors.iter().next().unwrap().path().to_string(), "override");
}

/// Serde reads `PageSize` and writes `page_size`: errors describe input, so they use
/// the name read.
#[derive(Deserialize, Validate)]
struct SplitNames {
    #[serde(rename(serialize = "page_size", deserialize = "PageSize"))]
    #[validate(range(max = 1000))]
    page_size: u32,
    #[serde(rename(serialize = "written_only"))]
    #[validate(range(max = 10))]
    count: u32,
}

#[test]
fn a_split_rename_uses_the_name_read() {
    let input = json!({"PageSize": 5000, "count": 11});
    let value: SplitNames = serde_json::from_value(input.clone()).unwrap();
    let errors = value.validate().unwrap_err();
    for error in &errors {
        assert!(
            input.pointer(&error.path().to_json_pointer()).is_some(),
            "{}",
            error.path()
        );
    }
    let paths: Vec<String> = errors.iter().map(|e| e.path().to_string()).collect();
    assert_eq!(paths, ["PageSize", "count"]);
}

#[derive(Serialize, Validate)]
struct Inner {
    #[validate(length(max = 2))]
    unique_name: String,
}

fn inner() -> Inner {
    Inner {
        unique_name: LONG.into(),
    }
}

#[derive(Serialize, Validate)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
enum External {
    Unit,
    Newtype(#[validate(length(max = 2))] String),
    Tuple(
        #[validate(length(max = 2))] String,
        #[validate(range(max = 1))] u8,
    ),
    Struct {
        #[validate(length(max = 2))]
        unique_name: String,
    },
    #[serde(rename = "Named", rename_all = "SCREAMING_SNAKE_CASE")]
    Renamed {
        #[validate(length(max = 2))]
        unique_name: String,
    },
    Boxed(#[validate(nested)] Box<Inner>),
}

#[test]
fn externally_tagged_variants_are_a_segment() {
    assert!(External::Unit.validate().is_ok());
    let cases: Vec<(External, &str)> = vec![
        (External::Newtype(LONG.into()), "newtype"),
        (External::Tuple(LONG.into(), 0), "tuple[0]"),
        (
            External::Struct {
                unique_name: LONG.into(),
            },
            "struct.uniqueName",
        ),
        (
            External::Renamed {
                unique_name: LONG.into(),
            },
            "Named.UNIQUE_NAME",
        ),
        (External::Boxed(Box::new(inner())), "boxed.unique_name"),
    ];
    for (value, expected) in cases {
        assert_eq!(wire_paths(&value, &json!(LONG)), [expected]);
    }
    assert_eq!(
        wire_paths(&External::Tuple("ok".into(), 7), &json!(7)),
        ["tuple[1]"]
    );
}

#[derive(Serialize, Validate)]
#[serde(tag = "type")]
enum Internal {
    Struct {
        #[validate(length(max = 2))]
        unique_name: String,
    },
    Newtype(#[validate(nested)] Inner),
}

#[test]
fn internally_tagged_fields_sit_beside_the_tag() {
    let value = Internal::Struct {
        unique_name: LONG.into(),
    };
    assert_eq!(wire_paths(&value, &json!(LONG)), ["unique_name"]);
    assert_eq!(
        wire_paths(&Internal::Newtype(inner()), &json!(LONG)),
        ["unique_name"]
    );
}

#[derive(Serialize, Validate)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    Newtype(#[validate(length(max = 2))] String),
    Tuple(#[validate(length(max = 2))] String, u8),
    Struct {
        #[validate(length(max = 2))]
        unique_name: String,
    },
}

#[test]
fn adjacently_tagged_content_is_under_its_key() {
    let cases = [
        (Adjacent::Newtype(LONG.into()), "c"),
        (Adjacent::Tuple(LONG.into(), 0), "c[0]"),
        (
            Adjacent::Struct {
                unique_name: LONG.into(),
            },
            "c.unique_name",
        ),
    ];
    for (value, expected) in cases {
        assert_eq!(wire_paths(&value, &json!(LONG)), [expected]);
    }
}

#[derive(Serialize, Validate)]
#[serde(untagged)]
enum Untagged {
    Tuple(#[validate(length(max = 2))] String, u8),
    Struct {
        #[validate(length(max = 2))]
        unique_name: String,
    },
}

#[derive(Serialize, Validate)]
enum PartlyUntagged {
    Tagged(#[validate(length(max = 2))] String),
    #[serde(untagged)]
    Loose(#[validate(length(max = 2))] String, u8),
}

#[test]
fn untagged_variants_have_no_name_on_the_wire() {
    assert_eq!(
        wire_paths(&Untagged::Tuple(LONG.into(), 1), &json!(LONG)),
        ["[0]"]
    );
    let value = Untagged::Struct {
        unique_name: LONG.into(),
    };
    assert_eq!(wire_paths(&value, &json!(LONG)), ["unique_name"]);
    assert_eq!(
        wire_paths(&PartlyUntagged::Tagged(LONG.into()), &json!(LONG)),
        ["Tagged"]
    );
    assert_eq!(
        wire_paths(&PartlyUntagged::Loose(LONG.into(), 1), &json!(LONG)),
        ["[0]"]
    );
}

#[derive(Serialize, Validate)]
#[serde(rename_all = "PascalCase")]
struct Flattened {
    #[validate(length(max = 2))]
    unique_name: String,
    #[serde(flatten)]
    #[validate(nested)]
    meta: Inner,
    #[serde(flatten)]
    #[validate(each(length(max = 2)))]
    extra: BTreeMap<String, String>,
}

#[test]
fn flattened_fields_join_the_outer_level() {
    let value = Flattened {
        unique_name: "ok".into(),
        meta: inner(),
        extra: BTreeMap::from([("Other".to_owned(), LONG.to_owned())]),
    };
    // A flattened map's entries are keys of the outer object: `/Other`.
    assert_eq!(wire_paths(&value, &json!(LONG)), ["unique_name", "[Other]"]);
}

#[derive(Serialize, Validate)]
#[serde(rename_all = "PascalCase")]
struct Skipping {
    #[serde(skip)]
    #[validate(length(max = 2))]
    cached_name: String,
    #[validate(length(max = 2))]
    unique_name: String,
}

#[test]
fn a_skipped_field_keeps_its_rust_name() {
    let value = Skipping {
        cached_name: LONG.into(),
        unique_name: "ok".into(),
    };
    let errors = value.validate().unwrap_err();
    assert_eq!(
        errors.to_string(),
        "cached_name: must be at most 2 characters long"
    );
}

#[derive(Serialize, Validate)]
#[serde(transparent)]
struct Transparent {
    #[validate(length(max = 2))]
    name: String,
}

#[derive(Serialize, Validate)]
struct Holder {
    #[validate(nested)]
    names: Vec<Transparent>,
    #[validate(nested)]
    pair: Pair,
    #[validate(nested)]
    sid: Newtype,
}

#[derive(Serialize, Validate)]
struct Pair(
    #[validate(length(max = 2))] String,
    #[validate(length(max = 2))] String,
);

#[derive(Serialize, Validate)]
struct Newtype(#[validate(length(max = 2))] String);

#[test]
fn transparent_newtype_and_tuple_structs() {
    let value = Holder {
        names: vec![
            Transparent { name: "ok".into() },
            Transparent { name: LONG.into() },
        ],
        pair: Pair("ok".into(), LONG.into()),
        sid: Newtype(LONG.into()),
    };
    assert_eq!(wire_paths(&value, &json!(LONG)), ["names[1]", "pair[1]", "sid"]);
}

#[derive(Serialize, Validate)]
struct Deep {
    #[validate(nested)]
    m: BTreeMap<String, BTreeMap<String, Inner>>,
}

#[test]
fn keys_that_would_read_ambiguously_are_quoted() {
    let first = Deep {
        m: BTreeMap::from([("a".into(), BTreeMap::from([("b][c".into(), inner())]))]),
    };
    let second = Deep {
        m: BTreeMap::from([("a][b".into(), BTreeMap::from([("c".into(), inner())]))]),
    };
    let first = wire_paths(&first, &json!(LONG));
    let second = wire_paths(&second, &json!(LONG));
    assert_eq!(first, [r#"m[a]["b][c"].unique_name"#]);
    assert_eq!(second, [r#"m["a][b"][c].unique_name"#]);
    let odd = Deep {
        m: BTreeMap::from([(String::new(), BTreeMap::from([("a/b~c".into(), inner())]))]),
    };
    assert_eq!(wire_paths(&odd, &json!(LONG)), [r#"m[""]["a/b~c"].unique_name"#]);
    let errors = odd.validate().unwrap_err();
    let pointer = errors.iter().next().unwrap().path().to_json_pointer();
    assert_eq!(pointer, "/m//a~1b~0c/unique_name");
}

/// The web round trip: a client's camelCase payload, deserialized, validated, and the
/// errors sent back with the names, pointers and parameters the client can use.
#[derive(Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct SignUp {
    #[validate(email)]
    email_address: String,
    #[validate(length(min = 8, message = "must have at least {min} characters"))]
    password: String,
    #[validate(must_match(password))]
    password_confirm: String,
    #[validate(nested)]
    billing_address: Address,
    #[validate(each(nested))]
    shipping_addresses: Vec<Address>,
}

#[derive(Deserialize, Validate)]
#[serde(rename_all = "PascalCase")]
struct Address {
    #[validate(length(min = 1, max = 64))]
    street_line: String,
    #[validate(pattern = r"^[0-9]{5}$")]
    postal_code: String,
}

#[test]
fn a_web_round_trip_reports_wire_names_pointers_and_params() {
    let payload = json!({
        "emailAddress": "not an address",
        "password": "short",
        "passwordConfirm": "shorter",
        "billingAddress": {"StreetLine": "", "PostalCode": "12345"},
        "shippingAddresses": [
            {"StreetLine": "1 Main St", "PostalCode": "12345"},
            {"StreetLine": "2 Main St", "PostalCode": "1234"}
        ]
    });
    let value: SignUp = serde_json::from_value(payload.clone()).unwrap();
    let errors = value.validate().unwrap_err();
    for error in &errors {
        let pointer = error.path().to_json_pointer();
        assert!(
            payload.pointer(&pointer).is_some(),
            "{pointer} is not in the payload"
        );
    }
    let sent = serde_json::to_value(&errors).unwrap();
    assert_eq!(
        sent,
        json!([
            {"path": "emailAddress", "pointer": "/emailAddress", "code": "email",
             "message": "must be an e-mail address", "params": {}},
            {"path": "password", "pointer": "/password", "code": "length",
             "message": "must have at least 8 characters", "params": {"min": 8, "unit": "chars"}},
            {"path": "passwordConfirm", "pointer": "/passwordConfirm", "code": "must_match",
             "message": "must match password", "params": {"other": "password"}},
            {"path": "billingAddress.StreetLine", "pointer": "/billingAddress/StreetLine", "code": "length",
             "message": "must be between 1 and 64 characters long",
             "params": {"min": 1, "max": 64, "unit": "chars"}},
            {"path": "shippingAddresses[1].PostalCode", "pointer": "/shippingAddresses/1/PostalCode",
             "code": "pattern", "message": "must match the pattern ^[0-9]{5}$",
             "params": {"pattern": "^[0-9]{5}$"}},
        ])
    );
}

/// The ModelBuild request types have no `#[validate(rename)]`: serde's names are used.
#[test]
fn model_build_requests_report_twilio_names() {
    use modelbuild::model_build::ListModelBuilds;
    use modelbuild::{CreateModelBuild, UpdateModelBuild};

    let create = CreateModelBuild {
        status_callback: Some("ftp://example.com".into()),
        unique_name: Some("x".repeat(65)),
    };
    let paths: Vec<String> = create
        .validate()
        .unwrap_err()
        .iter()
        .map(|e| e.path().to_string())
        .collect();
    assert_eq!(paths, ["StatusCallback", "UniqueName"]);
    let update = UpdateModelBuild {
        unique_name: Some("x".repeat(65)),
    };
    assert_eq!(
        update.validate().unwrap_err().to_string(),
        "UniqueName: must be at most 64 characters long"
    );
    let list = ListModelBuilds {
        page_size: Some(0),
        page: Some(-1),
        page_token: None,
    };
    let paths: Vec<String> = list
        .validate()
        .unwrap_err()
        .iter()
        .map(|e| e.path().to_string())
        .collect();
    assert_eq!(paths, ["PageSize", "Page"]);
}

/// serde keys the derive has no use for are passed over, whatever their form; a split
/// `rename_all` uses the case read.
#[derive(Deserialize, Validate)]
#[serde(
    deny_unknown_fields,
    bound(deserialize = "T: Deserialize<'de>"),
    rename_all(serialize = "camelCase", deserialize = "PascalCase")
)]
struct ManyKeys<T> {
    #[serde(default, alias = "name", skip_serializing_if = "Option::is_none")]
    #[validate(length(max = 2))]
    unique_name: Option<String>,
    #[serde(deserialize_with = "Option::deserialize")]
    #[validate(range(max = 1))]
    page_size: Option<u8>,
    #[serde(skip_serializing)]
    extra: T,
}

#[test]
fn other_serde_keys_are_passed_over() {
    let value: ManyKeys<u8> =
        serde_json::from_value(json!({"UniqueName": "long", "PageSize": 3, "Extra": 0})).unwrap();
    assert_eq!(value.extra, 0);
    let paths: Vec<String> = value
        .validate()
        .unwrap_err()
        .iter()
        .map(|e| e.path().to_string())
        .collect();
    assert_eq!(paths, ["UniqueName", "PageSize"]);
}
