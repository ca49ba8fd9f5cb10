//! The ModelBuild types through the public API: JSON and form codecs, dates, statuses,
//! validation paths, endpoints and the error body.

use modelbuild::model_build::paths::Method;
use modelbuild::model_build::{datetime, paths, ListModelBuilds, TwilioError};
use modelbuild::{
    CreateModelBuild, ModelBuild, ModelBuildPage, ModelBuildStatus, UpdateModelBuild, Valid, Validate,
};
use modelbuild_tests::{facts, pairs, paths_and_codes};
use serde_json::{json, Value};

const AC: &str = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const UA: &str = "UA0123456789abcdefABCDEF0123456789";
const UG: &str = "UG0123456789abcdefABCDEF0123456789";

/// Every example response the official definition's examples variant gives for
/// ModelBuild, through the committed facts.
fn spec_examples() -> Vec<(String, Value)> {
    let facts = facts::committed();
    facts.examples.into_iter().map(|e| (e.name, e.value)).collect()
}

#[test]
fn the_spec_examples_parse_validate_and_round_trip() {
    let examples = spec_examples();
    let names: Vec<&str> = examples.iter().map(|(n, _)| n.as_str()).collect();
    for expected in ["fetch", "update", "readEmpty", "readFull", "create"] {
        assert!(names.contains(&expected), "no {expected} example in {names:?}");
    }
    for (name, value) in examples {
        if value.get("model_builds").is_some() {
            let page: Valid<ModelBuildPage> = serde_json::from_value(value.clone()).unwrap();
            assert_eq!(serde_json::to_value(&page).unwrap(), value, "{name}");
        } else {
            let build: Valid<ModelBuild> = serde_json::from_value(value.clone()).unwrap();
            assert_eq!(serde_json::to_value(&build).unwrap(), value, "{name}");
        }
    }
}

#[test]
fn a_full_response_reads_every_field() {
    let build: ModelBuild = serde_json::from_value(json!({
        "account_sid": AC, "assistant_sid": UA, "sid": UG,
        "date_created": "2015-07-30T20:00:00Z", "date_updated": "2015-07-30T22:30:00+02:30",
        "status": "failed", "unique_name": "nightly", "url": "https://autopilot.twilio.com/v1/x",
        "build_duration": 100, "error_code": 23001, "links": {"new": "field"}
    }))
    .unwrap();
    assert_eq!(build.status, Some(ModelBuildStatus::Failed));
    assert_eq!(build.error_code, Some(23001));
    assert_eq!(build.date_created, build.date_updated);
    assert!(build.validate().is_ok());
}

#[test]
fn every_field_may_be_null_or_absent() {
    let nulls: ModelBuild = serde_json::from_value(json!({
        "account_sid": null, "assistant_sid": null, "sid": null, "date_created": null,
        "date_updated": null, "status": null, "unique_name": null, "url": null,
        "build_duration": null, "error_code": null
    }))
    .unwrap();
    let empty: ModelBuild = serde_json::from_str("{}").unwrap();
    assert_eq!(nulls, ModelBuild::default());
    assert_eq!(empty, ModelBuild::default());
    assert!(empty.validate().is_ok());
}

#[test]
fn wrong_types_are_errors_not_panics() {
    for bad in [
        r#"{"sid": 5}"#,
        r#"{"build_duration": "100"}"#,
        r#"{"build_duration": 1.5}"#,
        r#"{"error_code": 99999999999999999999}"#,
        r#"{"status": 3}"#,
        r#"{"date_created": "yesterday"}"#,
        r#"{"date_created": 1438286400}"#,
        r#"{"sid": "UG\ud800"}"#,
        "[]",
    ] {
        assert!(serde_json::from_str::<ModelBuild>(bad).is_err(), "{bad}");
    }
    let error = serde_json::from_value::<ModelBuild>(json!({"date_created": "yesterday"})).unwrap_err();
    assert!(
        error.to_string().contains("invalid date-time \"yesterday\""),
        "{error}"
    );
}

#[test]
fn every_rule_of_the_response_reports_its_field() {
    let build = ModelBuild {
        account_sid: Some(UA.into()),
        assistant_sid: Some(UG.into()),
        sid: Some("UG0123456789abcdefABCDEF012345678g".into()),
        unique_name: Some("é".repeat(65)),
        url: Some("autopilot.twilio.com/v1".into()),
        build_duration: Some(-1),
        ..ModelBuild::default()
    };
    assert_eq!(
        paths_and_codes(&build),
        pairs(&[
            ("account_sid", "sid"),
            ("assistant_sid", "sid"),
            ("sid", "sid"),
            ("unique_name", "length"),
            ("url", "uri"),
            ("build_duration", "range"),
        ])
    );
    let at_limit = ModelBuild {
        unique_name: Some("é".repeat(64)),
        build_duration: Some(0),
        ..build
    };
    assert_eq!(paths_and_codes(&at_limit).len(), 4);
}

#[test]
fn statuses_round_trip_including_unknown_ones() {
    for status in [
        "enqueued",
        "building",
        "completed",
        "failed",
        "canceled",
        "paused",
    ] {
        let parsed: ModelBuildStatus = serde_json::from_value(json!(status)).unwrap();
        assert_eq!(serde_json::to_value(&parsed).unwrap(), json!(status));
        assert_eq!(parsed.to_string(), status);
        assert_eq!(matches!(parsed, ModelBuildStatus::Unknown(_)), status == "paused");
    }
    assert!(ModelBuildStatus::Canceled.is_final());
    assert!(!ModelBuildStatus::Building.is_final());
}

#[test]
fn dates_are_read_in_any_accepted_form_and_written_in_utc_with_z() {
    let cases = [
        ("2015-07-30T20:00:00Z", "2015-07-30T20:00:00Z"),
        ("2015-07-30T15:00:00-05:00", "2015-07-30T20:00:00Z"),
        ("2015-07-30t20:00:00z", "2015-07-30T20:00:00Z"),
        ("Thu, 30 Jul 2015 20:00:00 +0000", "2015-07-30T20:00:00Z"),
        ("Thu, 30 Jul 2015 22:00:00 +0200", "2015-07-30T20:00:00Z"),
        ("2015-07-30T20:00:00.250Z", "2015-07-30T20:00:00.25Z"),
    ];
    for (input, output) in cases {
        let parsed = datetime::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(datetime::format(parsed), output, "{input}");
        let build: ModelBuild = serde_json::from_value(json!({ "date_created": input })).unwrap();
        assert_eq!(
            serde_json::to_value(&build).unwrap()["date_created"],
            json!(output)
        );
    }
    for bad in [
        "",
        "2015-07-30",
        "2015-07-30T20:00:00",
        "30/07/2015",
        "2015-13-01T00:00:00Z",
    ] {
        assert!(datetime::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn the_create_request_encodes_exactly_with_twilio_names() {
    let request = CreateModelBuild {
        status_callback: Some("https://example.com".into()),
        unique_name: Some("string".into()),
    };
    assert_eq!(
        request.to_form(),
        "StatusCallback=https%3A%2F%2Fexample.com&UniqueName=string"
    );
    assert_eq!(
        CreateModelBuild::from_form(request.to_form().as_bytes()).unwrap(),
        request
    );
    let only_name = CreateModelBuild {
        unique_name: Some("a b&c=d/é".into()),
        ..Default::default()
    };
    assert_eq!(only_name.to_form(), "UniqueName=a+b%26c%3Dd%2F%C3%A9");
    assert_eq!(CreateModelBuild::default().to_form(), "");
    assert_eq!(
        CreateModelBuild::from_form(b"").unwrap(),
        CreateModelBuild::default()
    );
    let update = UpdateModelBuild {
        unique_name: Some("n".into()),
    };
    assert_eq!(update.to_form(), "UniqueName=n");
    assert_eq!(serde_urlencoded::to_string(&update).unwrap(), "UniqueName=n");
}

#[test]
fn request_rules_use_the_wire_names() {
    let request = CreateModelBuild::from_form(
        format!(
            "StatusCallback=mailto%3Aops%40example.com&UniqueName={}",
            "n".repeat(65)
        )
        .as_bytes(),
    )
    .unwrap();
    assert_eq!(
        paths_and_codes(&request),
        pairs(&[("StatusCallback", "uri"), ("UniqueName", "length")])
    );
    for ok in ["http://example.com/hook", "HTTPS://example.com:8443/a?b=c"] {
        let request = CreateModelBuild {
            status_callback: Some(ok.into()),
            unique_name: None,
        };
        assert!(request.validate().is_ok(), "{ok}");
    }
    let update = UpdateModelBuild {
        unique_name: Some("n".repeat(65)),
    };
    assert_eq!(paths_and_codes(&update), pairs(&[("UniqueName", "length")]));
}

#[test]
fn a_page_reports_paths_into_its_items() {
    let good = json!({"sid": UG, "account_sid": AC});
    let page: ModelBuildPage = serde_json::from_value(json!({
        "model_builds": [good, {"sid": "UG123"}],
        "meta": {"page": -1, "page_size": 50, "url": "not a uri", "key": "model_builds",
                 "next_page_url": null, "previous_page_url": null}
    }))
    .unwrap();
    assert_eq!(
        paths_and_codes(&page),
        pairs(&[("model_builds[1].sid", "sid"), ("meta.url", "uri")])
    );
}

#[test]
fn page_meta_fields_are_optional_but_only_the_links_are_nullable() {
    let page: ModelBuildPage = serde_json::from_value(json!({"model_builds": [], "meta": {}})).unwrap();
    assert!(page.validate().is_ok());
    for field in ["first_page_url", "key", "page", "page_size", "url"] {
        let value = json!({"meta": {field: null}});
        assert!(
            serde_json::from_value::<ModelBuildPage>(value).is_err(),
            "{field}: null accepted"
        );
    }
    assert!(serde_json::from_value::<ModelBuildPage>(json!({"model_builds": null})).is_err());
    let error = serde_json::from_str::<ModelBuildPage>("[[], {}]")
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("expected a JSON object (ModelBuildPage)"),
        "{error}"
    );
}

#[test]
fn list_queries_are_validated_and_encoded() {
    let query = ListModelBuilds {
        page_size: Some(1000),
        page: Some(0),
        page_token: Some("PT a".into()),
    };
    assert_eq!(query.to_query(), "PageSize=1000&Page=0&PageToken=PT+a");
    assert_eq!(
        ListModelBuilds::from_query(query.to_query().as_bytes()).unwrap(),
        query
    );
    assert!(query.validate().is_ok());
    let bad = ListModelBuilds::from_query(b"PageSize=0&Page=-1").unwrap();
    assert_eq!(
        paths_and_codes(&bad),
        pairs(&[("PageSize", "range"), ("Page", "range")])
    );
    // A value that does not fit its field is an error that names the parameter.
    for (body, message) in [
        (
            &b"PageSize=ten"[..],
            r#"parameter "PageSize": expected an integer, found "ten""#,
        ),
        (
            b"Page=99999999999999999999",
            "parameter \"Page\": expected an integer from -9223372036854775808 to \
             9223372036854775807, found \"99999999999999999999\"",
        ),
        (
            b"PageSize=1.5",
            r#"parameter "PageSize": expected an integer, found "1.5""#,
        ),
        (
            b"PageSize=",
            r#"parameter "PageSize": expected an integer, found """#,
        ),
    ] {
        let error = ListModelBuilds::from_query(body).unwrap_err();
        assert_eq!(error.to_string(), message);
        assert_eq!(
            TwilioError::from(&error).message,
            format!("Invalid parameter: {message}")
        );
    }
}

#[test]
fn endpoints_take_a_sid_or_a_unique_name_percent_encoded() {
    let create = paths::create(UA).unwrap();
    assert_eq!((create.method, create.success_status), (Method::Post, 201));
    assert_eq!(create.path, format!("/v1/Assistants/{UA}/ModelBuilds"));
    let fetch = paths::fetch("support/bot?", "nightly build é").unwrap();
    assert_eq!(
        fetch.path,
        "/v1/Assistants/support%2Fbot%3F/ModelBuilds/nightly%20build%20%C3%A9"
    );
    assert_eq!(fetch.method, Method::Get);
    assert_eq!(paths::update(UA, UG).unwrap().method, Method::Post);
    let delete = paths::delete(UA, UG).unwrap();
    assert_eq!((delete.method, delete.success_status), (Method::Delete, 204));
    let list = paths::list(
        UA,
        &ListModelBuilds {
            page_size: Some(20),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        list.url(),
        format!("https://autopilot.twilio.com/v1/Assistants/{UA}/ModelBuilds?PageSize=20")
    );
    assert_eq!(
        paths::list(UA, &ListModelBuilds::default()).unwrap().path,
        format!("/v1/Assistants/{UA}/ModelBuilds")
    );
}

#[test]
fn empty_or_over_long_path_segments_are_errors() {
    assert!(paths::fetch(UA, &"n".repeat(64)).is_ok());
    let codes = |result: Result<paths::Endpoint, modelbuild::ValidationErrors>| -> Vec<(String, String)> {
        result
            .unwrap_err()
            .iter()
            .map(|e| (e.path().to_string(), e.code().to_owned()))
            .collect()
    };
    assert_eq!(codes(paths::create("")), pairs(&[("AssistantSid", "length")]));
    assert_eq!(
        codes(paths::delete(UA, &"n".repeat(65))),
        pairs(&[("Sid", "length")])
    );
    let bad_query = ListModelBuilds {
        page_size: Some(5000),
        ..Default::default()
    };
    assert_eq!(
        codes(paths::list("", &bad_query)),
        pairs(&[("AssistantSid", "length"), ("PageSize", "range")])
    );
}

#[test]
fn the_twilio_error_body_round_trips_and_converts_from_validation_errors() {
    let twilio = json!({
        "code": 20404,
        "message": "The requested resource was not found",
        "more_info": "https://www.twilio.com/docs/errors/20404",
        "status": 404
    });
    let parsed: TwilioError = serde_json::from_value(twilio.clone()).unwrap();
    assert_eq!(serde_json::to_value(&parsed).unwrap(), twilio);
    assert_eq!(
        TwilioError::new(20404, 404, "The requested resource was not found"),
        parsed
    );

    let errors = CreateModelBuild {
        status_callback: Some("x".into()),
        unique_name: Some("n".repeat(65)),
    }
    .validate()
    .unwrap_err();
    let body = TwilioError::from(errors);
    assert_eq!(body.code, TwilioError::INVALID_PARAMETER);
    assert_eq!(body.status, 400);
    assert_eq!(
        body.message,
        "Invalid parameter: StatusCallback: must be a URI with one of the schemes https, http, per \
         RFC 3986's `URI` rule (a fragment is allowed); UniqueName: must be at most 64 characters long"
    );
}

#[test]
fn the_shipped_quickstart_data_behaves_as_the_readme_says() {
    let data = |file: &str| {
        let path = format!("{}/../examples/data/{file}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let request: CreateModelBuild = serde_json::from_slice(&data("create_model_build.json")).unwrap();
    assert!(request.validate().is_ok());
    assert_eq!(
        request.to_form(),
        "StatusCallback=https%3A%2F%2Fexample.com&UniqueName=string"
    );

    let example: ModelBuild = serde_json::from_slice(&data("model_build_doc_example.json")).unwrap();
    assert_eq!(
        paths_and_codes(&example),
        pairs(&[("account_sid", "sid"), ("assistant_sid", "sid"), ("sid", "sid")])
    );
    let build: Valid<ModelBuild> = serde_json::from_slice(&data("model_build.json")).unwrap();
    assert_eq!(build.status, Some(ModelBuildStatus::Completed));
    let page: ModelBuildPage = serde_json::from_slice(&data("model_build_page.json")).unwrap();
    assert_eq!(
        paths_and_codes(&page),
        pairs(&[
            ("model_builds[1].sid", "sid"),
            ("model_builds[1].build_duration", "range")
        ])
    );
    let body = data("create_model_build_invalid.form");
    let bad = CreateModelBuild::from_form(body.trim_ascii_end()).unwrap();
    let error = TwilioError::from(bad.validate().unwrap_err());
    assert_eq!((error.code, error.status), (20422, 400));
}

#[test]
fn a_form_that_cannot_be_read_becomes_a_400_that_says_why() {
    let cases: [(&[u8], &str); 4] = [
        (b"UniqueName=%zz", "bad percent-escape at byte 11"),
        (b"UniqueName=%FF", "parameter \"UniqueName\" is not valid UTF-8"),
        (
            b"UniqueName=a&UniqueName=b",
            "parameter \"UniqueName\" is given more than once",
        ),
        (b"Unique=a", "unknown field `Unique`"),
    ];
    for (body, reason) in cases {
        let error = CreateModelBuild::from_form(body).unwrap_err();
        let twilio = modelbuild::TwilioError::from(&error);
        assert_eq!(
            (twilio.code, twilio.status),
            (TwilioError::INVALID_PARAMETER, 400)
        );
        assert!(
            twilio.message.starts_with("Invalid parameter: ") && twilio.message.contains(reason),
            "{:?} gave {:?}",
            String::from_utf8_lossy(body),
            twilio.message
        );
        assert_eq!(twilio, TwilioError::from(error));
    }
}

#[test]
fn endpoints_build_on_any_base_url() {
    let endpoint = paths::list(
        "UA0123456789abcdefABCDEF0123456789",
        &ListModelBuilds {
            page_size: Some(2),
            ..Default::default()
        },
    )
    .unwrap();
    let tail = "/v1/Assistants/UA0123456789abcdefABCDEF0123456789/ModelBuilds?PageSize=2";
    assert_eq!(endpoint.url(), format!("https://autopilot.twilio.com{tail}"));
    for base in ["http://127.0.0.1:4010", "http://127.0.0.1:4010/"] {
        assert_eq!(endpoint.url_on(base), format!("http://127.0.0.1:4010{tail}"));
    }
    assert_eq!(
        endpoint.url_on("https://proxy.test/twilio"),
        format!("https://proxy.test/twilio{tail}")
    );
}

#[test]
fn stamps_are_whole_seconds_but_read_fractions_survive() {
    let stamp = datetime::now();
    assert_eq!(stamp.nanosecond(), 0);
    assert_eq!(stamp.offset(), modelbuild::time::UtcOffset::UTC);
    let written = datetime::format(stamp);
    assert!(written.ends_with('Z') && !written.contains('.'), "{written}");
    let elapsed = modelbuild::time::OffsetDateTime::now_utc() - stamp;
    assert!(elapsed >= modelbuild::time::Duration::ZERO && elapsed < modelbuild::time::Duration::minutes(1));

    let read = datetime::parse("2015-07-30T20:00:00.123456Z").unwrap();
    assert_eq!(datetime::format(read), "2015-07-30T20:00:00.123456Z");
    assert_eq!(
        datetime::format(datetime::whole_seconds(read)),
        "2015-07-30T20:00:00Z"
    );
}

#[test]
fn the_list_query_and_the_error_body_are_at_the_crate_root() {
    let query: modelbuild::ListModelBuilds = ListModelBuilds::default();
    assert_eq!(query.to_query(), "");
    let body: modelbuild::TwilioError = TwilioError::new(TwilioError::NOT_FOUND, 404, "gone");
    assert_eq!(body.more_info, "https://www.twilio.com/docs/errors/20404");
}

#[test]
fn twilios_error_body_names_every_bad_parameter_and_clips_what_it_echoes() {
    let key = "k".repeat(10_000);
    let body = format!("{key}=1&StatusCallback=ftp%3A%2F%2Fx");
    let errors = modelbuild::form::from_bytes::<CreateModelBuild>(body.as_bytes()).unwrap_err();
    let twilio = modelbuild::TwilioError::from(&errors);
    assert_eq!((twilio.code, twilio.status), (20422, 400));
    assert!(twilio.message.len() < 400, "{}", twilio.message);
    assert!(twilio.message.starts_with(&format!(
        "Invalid parameter: {}…: is not a field here",
        &key[..64]
    )));
    assert!(twilio.message.contains("; StatusCallback: must be a URI"));
}
