//! Hostile input: huge strings, deep nesting, broken encodings, repeated keys, numbers
//! out of range, nulls everywhere. Each must give a clear error value, never a panic
//! and never a silently changed value.

use modelbuild::model_build::{paths, ListModelBuilds};
use modelbuild::{CreateModelBuild, ModelBuild, ModelBuildPage, Valid, Validate};
use modelbuild_tests::{pairs, paths_and_codes};
use serde_json::json;

const TEN_MB: usize = 10 * 1024 * 1024;

#[test]
fn ten_megabyte_strings_are_rejected_by_rule() {
    let huge = "a".repeat(TEN_MB);
    let build = ModelBuild {
        sid: Some(huge.clone()),
        unique_name: Some("é".repeat(TEN_MB / 2)),
        url: Some(format!("https://example.com/{huge} ")),
        ..ModelBuild::default()
    };
    assert_eq!(
        paths_and_codes(&build),
        pairs(&[("sid", "sid"), ("unique_name", "length"), ("url", "uri")])
    );
    let valid_but_long = ModelBuild {
        url: Some(format!("https://example.com/{huge}")),
        ..ModelBuild::default()
    };
    assert!(valid_but_long.validate().is_ok(), "a long URI is still a URI");

    let json = serde_json::to_vec(&build).unwrap();
    let parsed: ModelBuild = serde_json::from_slice(&json).unwrap();
    assert_eq!(parsed, build, "nothing is cut or changed on the way");
    let error = serde_json::from_slice::<Valid<ModelBuild>>(&json)
        .unwrap_err()
        .to_string();
    assert!(error.starts_with("sid: must be a SID"), "{}", &error[..80]);

    assert_eq!(paths::fetch(&huge, "UG").unwrap_err().len(), 1);
    let request = CreateModelBuild::from_form(format!("UniqueName={huge}").as_bytes()).unwrap();
    assert_eq!(paths_and_codes(&request), pairs(&[("UniqueName", "length")]));
}

#[test]
fn deeply_nested_json_is_an_error_or_skipped_never_a_stack_overflow() {
    for depth in [1_000, 100_000] {
        let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(serde_json::from_str::<ModelBuild>(&arrays).is_err());
        let in_typed_place = format!(r#"{{"model_builds": {arrays}}}"#);
        assert!(serde_json::from_str::<ModelBuildPage>(&in_typed_place).is_err());
        // An unknown field is skipped without recursion, however deep.
        let in_unknown_field = format!(r#"{{"links": {arrays}, "sid": "UG"}}"#);
        let parsed: ModelBuild = serde_json::from_str(&in_unknown_field).unwrap();
        assert_eq!(parsed.sid.as_deref(), Some("UG"));
        let objects = format!("{}1{}", r#"{"a":"#.repeat(depth), "}".repeat(depth));
        let error = serde_json::from_str::<ModelBuildPage>(&format!(r#"{{"meta": {{"url": {objects}}}}}"#));
        assert!(error.is_err());
    }
}

#[test]
fn broken_form_encodings_are_named() {
    let cases: [(&[u8], &str); 11] = [
        (b"UniqueName=%zz", "bad percent-escape at byte 11"),
        (b"UniqueName=%4", "bad percent-escape at byte 11"),
        (
            b"UniqueName=%FF%FE",
            "parameter \"UniqueName\" is not valid UTF-8",
        ),
        (b"UniqueName=%", "bad percent-escape at byte 11"),
        (
            b"UniqueName=ok&StatusCallback=%G1",
            "bad percent-escape at byte 29",
        ),
        (b"Unique%ZZName=x", "bad percent-escape at byte 6"),
        (
            b"UniqueName=%C3%28",
            "parameter \"UniqueName\" is not valid UTF-8",
        ),
        (
            b"UniqueName=\xc3\x28",
            "parameter \"UniqueName\" is not valid UTF-8",
        ),
        (b"%FF=x", "is not valid UTF-8"),
        (
            b"UniqueName=a&StatusCallback=b&UniqueName=a",
            "parameter \"UniqueName\" is given more than once",
        ),
        (b"UniqueName=a&Bogus=1", "unknown field `Bogus`"),
    ];
    for (body, expected) in cases {
        let error = CreateModelBuild::from_form(body).unwrap_err().to_string();
        assert!(
            error.contains(expected),
            "{:?}: {error}",
            String::from_utf8_lossy(body)
        );
    }
}

#[test]
fn numbers_out_of_range_are_errors() {
    for value in [
        "99999999999999999999",
        "-9223372036854775809",
        "1e400",
        "1.0",
        "\"5\"",
        "true",
    ] {
        let text = format!(r#"{{"build_duration": {value}}}"#);
        assert!(serde_json::from_str::<ModelBuild>(&text).is_err(), "{value}");
    }
    let extreme = ModelBuild {
        build_duration: Some(i64::MIN),
        error_code: Some(i64::MAX),
        ..Default::default()
    };
    assert_eq!(paths_and_codes(&extreme), pairs(&[("build_duration", "range")]));
    for query in [
        "PageSize=99999999999999999999",
        "Page=-99999999999999999999",
        "PageSize=1e3",
        "PageSize=",
    ] {
        assert!(ListModelBuilds::from_query(query.as_bytes()).is_err(), "{query}");
    }
    let query = ListModelBuilds {
        page_size: Some(i64::MAX),
        page: Some(i64::MIN),
        page_token: None,
    };
    assert_eq!(
        paths_and_codes(&query),
        pairs(&[("PageSize", "range"), ("Page", "range")])
    );
}

#[test]
fn nulls_everywhere_are_read_or_refused_as_the_spec_says() {
    let all_null: ModelBuild = serde_json::from_value(json!({
        "account_sid": null, "date_created": null, "date_updated": null, "assistant_sid": null,
        "sid": null, "status": null, "unique_name": null, "url": null, "build_duration": null,
        "error_code": null, "links": null
    }))
    .unwrap();
    assert!(all_null.validate().is_ok());
    for refused in [
        json!(null),
        json!({"model_builds": null}),
        json!({"model_builds": [null]}),
        json!({"meta": null}),
        json!({"meta": {"url": null}}),
    ] {
        assert!(
            serde_json::from_value::<ModelBuildPage>(refused.clone()).is_err(),
            "{refused}"
        );
    }
    let page: ModelBuildPage =
        serde_json::from_value(json!({"meta": {"next_page_url": null, "previous_page_url": null}})).unwrap();
    assert!(page.validate().is_ok());
}

#[test]
fn broken_json_text_is_an_error() {
    let cases: [&[u8]; 6] = [
        b"{\"sid\": \"UG\xff\"}",
        br#"{"sid": "\ud800"}"#,
        br#"{"sid": "UG""#,
        br#"{"sid": "UG"} trailing"#,
        b"",
        br#"{"sid": "UG", "sid": "UG"}"#,
    ];
    for case in cases {
        assert!(
            serde_json::from_slice::<ModelBuild>(case).is_err(),
            "{}",
            String::from_utf8_lossy(case)
        );
    }
}

#[test]
fn a_page_of_many_broken_builds_reports_every_one() {
    let builds: Vec<_> = (0..20_000).map(|i| json!({"sid": format!("UG{i}")})).collect();
    let page: ModelBuildPage = serde_json::from_value(json!({ "model_builds": builds })).unwrap();
    let errors = page.validate().unwrap_err();
    assert_eq!(errors.len(), 20_000);
    assert_eq!(
        errors.iter().last().unwrap().path().to_string(),
        "model_builds[19999].sid"
    );
}
