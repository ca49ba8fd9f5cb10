//! The fuzz targets' logic, one function per target. Each takes arbitrary bytes,
//! must never panic, and checks what must hold for any input: predicates agree with
//! std's own counts, what parses is written back and parses to the same value.
//!
//! `src/bin/*` wrap these for AFL++; `tests/corpus.rs` replays the checked-in
//! corpus through them on every `cargo test`.
#![forbid(unsafe_code)]

use modelbuild::model_build::{datetime, paths, ListModelBuilds};
use modelbuild::rules::{has_length, is_sid, is_uri, is_uri_with_scheme, LengthUnit};
use modelbuild::{CreateModelBuild, ModelBuild, ModelBuildPage, UpdateModelBuild, Valid, Validate};

/// The rule predicates and the date parser on arbitrary text.
pub fn rules(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for prefix in ["UG", "AC", ""] {
        if is_sid(text, prefix) {
            assert_eq!(text.len(), prefix.len() + 32);
            assert!(text.starts_with(prefix));
        }
    }
    if is_uri(text) {
        assert!(text.is_ascii() && !text.contains(' '), "{text:?}");
        assert!(text.contains(':'));
    }
    if is_uri_with_scheme(text, &["https", "http"]) {
        assert!(is_uri(text));
    }
    let bound = data.first().map_or(0, |&b| usize::from(b) % 64);
    let counts = [
        (LengthUnit::Chars, text.chars().count()),
        (LengthUnit::Bytes, text.len()),
        (LengthUnit::Utf16, text.encode_utf16().count()),
    ];
    for (unit, count) in counts {
        assert_eq!(has_length(text, unit, Some(bound), None), count >= bound);
        assert_eq!(has_length(text, unit, None, Some(bound)), count <= bound);
    }
    if let Ok(date) = datetime::parse(text) {
        let written = datetime::format(date);
        assert_eq!(
            datetime::parse(&written).ok(),
            Some(date),
            "{text:?} -> {written:?}"
        );
    }
}

/// ModelBuild and list-page JSON: parse, validate, write back, parse again.
pub fn model_build_json(data: &[u8]) {
    if let Ok(build) = serde_json::from_slice::<ModelBuild>(data) {
        report(&build);
        let written = serde_json::to_vec(&build).expect("a ModelBuild always serializes");
        assert_eq!(serde_json::from_slice::<ModelBuild>(&written).ok(), Some(build));
    }
    if let Ok(page) = serde_json::from_slice::<ModelBuildPage>(data) {
        report(&page);
        let written = serde_json::to_vec(&page).expect("a page always serializes");
        assert_eq!(
            serde_json::from_slice::<ModelBuildPage>(&written).ok(),
            Some(page)
        );
    }
    if let Ok(valid) = serde_json::from_slice::<Valid<ModelBuild>>(data) {
        assert!(valid.validate().is_ok());
    }
}

/// Form bodies and query strings: decode strictly, validate, encode, decode again; and
/// the same bytes as path segments.
pub fn form(data: &[u8]) {
    if let Ok(request) = CreateModelBuild::from_form(data) {
        report(&request);
        assert_eq!(
            CreateModelBuild::from_form(request.to_form().as_bytes()).ok(),
            Some(request)
        );
    }
    if let Ok(request) = UpdateModelBuild::from_form(data) {
        report(&request);
        assert_eq!(
            UpdateModelBuild::from_form(request.to_form().as_bytes()).ok(),
            Some(request)
        );
    }
    if let Ok(query) = ListModelBuilds::from_query(data) {
        report(&query);
        assert_eq!(
            ListModelBuilds::from_query(query.to_query().as_bytes()).ok(),
            Some(query.clone())
        );
        let _ = paths::list("UA0123456789abcdef0123456789abcdef", &query);
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let (assistant, sid) = text.split_at(
            text.char_indices()
                .nth(text.chars().count() / 2)
                .map_or(0, |(i, _)| i),
        );
        if let Ok(endpoint) = paths::fetch(assistant, sid) {
            assert!(is_uri(&endpoint.url()), "{:?}", endpoint.url());
        }
    }
}

/// Validates, and checks every reported error can be shown and serialized.
fn report(value: &impl Validate) {
    if let Err(errors) = value.validate() {
        assert!(!errors.is_empty());
        for error in &errors {
            assert!(!error.code().is_empty() && !error.message().is_empty());
        }
        let _ = errors.to_string();
        serde_json::to_string(&errors).expect("errors always serialize");
    }
}
