//! Property tests: the predicates against independent oracles, the length units
//! against std's own counts, and every ModelBuild type through its codecs and back.

use modelbuild::model_build::ListModelBuilds;
use modelbuild::rules::{has_length, is_sid, is_uri, LengthUnit};
use modelbuild::time::OffsetDateTime;
use modelbuild::{
    CreateModelBuild, ModelBuild, ModelBuildPage, ModelBuildStatus, PageMeta, UpdateModelBuild,
};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use regex::Regex;
use std::sync::LazyLock;

// ---- is_sid against the spec's own regular expression ------------------------------

/// Strings around the SID shape: exact, one digit short or long, a non-hex digit,
/// the prefix in lower case or another prefix, a trailing newline, or anything.
fn sid_like(prefix: &'static str) -> BoxedStrategy<String> {
    let hex = "[0-9a-fA-F]";
    let patterns = [
        format!("{prefix}{hex}{{32}}"),
        format!("{prefix}{hex}{{31}}"),
        format!("{prefix}{hex}{{33}}"),
        format!("{prefix}{hex}{{0,31}}[g-zG-Z ._\\-é]{hex}{{0,31}}"),
        format!("{}{hex}{{32}}", prefix.to_lowercase()),
        format!("[A-Z]{{2}}{hex}{{32}}"),
        format!("{prefix}{hex}{{32}}\n"),
        "\\PC{0,40}".to_owned(),
    ];
    let alternatives: Vec<BoxedStrategy<String>> = patterns
        .iter()
        .map(|p| proptest::string::string_regex(p).unwrap().boxed())
        .collect();
    proptest::strategy::Union::new(alternatives).boxed()
}

fn prefix_and_value() -> impl Strategy<Value = (&'static str, String)> {
    prop::sample::select(vec!["AC", "UA", "UG", "ZZ"])
        .prop_flat_map(|prefix| (Just(prefix), sid_like(prefix)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn is_sid_agrees_with_the_spec_regex((prefix, value) in prefix_and_value()) {
        let regex = Regex::new(&format!("^{prefix}[0-9a-fA-F]{{32}}$")).unwrap();
        prop_assert_eq!(is_sid(&value, prefix), regex.is_match(&value), "{:?}", value);
    }
}

// ---- is_uri against a second, independent reading of RFC 3986 ----------------------

/// RFC 3986's ABNF (sections 3 and 4.3, with the fragment OpenAPI allows), rule by
/// rule, as one regular expression. Nothing is shared with `is_uri`'s hand-written
/// scanner: if both agree on every generated string, both read the RFC the same way.
static RFC3986: LazyLock<Regex> = LazyLock::new(|| {
    let unreserved = r"[A-Za-z0-9\-._~]";
    let pct = r"%[0-9A-Fa-f]{2}";
    let sub = r"[!$&'()*+,;=]";
    let pchar = format!("(?:{unreserved}|{pct}|{sub}|[:@])");
    let scheme = r"[A-Za-z][A-Za-z0-9+\-.]*";
    let userinfo = format!("(?:{unreserved}|{pct}|{sub}|:)*");
    let dec_octet = r"(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9][0-9]|[0-9])";
    let ipv4 = format!(r"{dec_octet}\.{dec_octet}\.{dec_octet}\.{dec_octet}");
    let h16 = "[0-9A-Fa-f]{1,4}";
    let ls32 = format!("(?:{h16}:{h16}|{ipv4})");
    let ipv6 = [
        format!("(?:{h16}:){{6}}{ls32}"),
        format!("::(?:{h16}:){{5}}{ls32}"),
        format!("(?:{h16})?::(?:{h16}:){{4}}{ls32}"),
        format!("(?:(?:{h16}:){{0,1}}{h16})?::(?:{h16}:){{3}}{ls32}"),
        format!("(?:(?:{h16}:){{0,2}}{h16})?::(?:{h16}:){{2}}{ls32}"),
        format!("(?:(?:{h16}:){{0,3}}{h16})?::{h16}:{ls32}"),
        format!("(?:(?:{h16}:){{0,4}}{h16})?::{ls32}"),
        format!("(?:(?:{h16}:){{0,5}}{h16})?::{h16}"),
        format!("(?:(?:{h16}:){{0,6}}{h16})?::"),
    ]
    .join("|");
    let ipvfuture = format!(r"[vV][0-9A-Fa-f]+\.(?:{unreserved}|{sub}|:)+");
    let ip_literal = format!(r"\[(?:{ipv6}|{ipvfuture})\]");
    let reg_name = format!("(?:{unreserved}|{pct}|{sub})*");
    let host = format!("(?:{ip_literal}|{ipv4}|{reg_name})");
    let authority = format!("(?:{userinfo}@)?{host}(?::[0-9]*)?");
    let path_abempty = format!("(?:/{pchar}*)*");
    let path_absolute = format!("/(?:{pchar}+(?:/{pchar}*)*)?");
    let path_rootless = format!("{pchar}+(?:/{pchar}*)*");
    let hier_part = format!("(?://{authority}{path_abempty}|{path_absolute}|{path_rootless}|)");
    let query = format!(r"(?:{pchar}|[/?])*");
    Regex::new(&format!(r"^{scheme}:{hier_part}(?:\?{query})?(?:#{query})?$")).unwrap()
});

/// Pieces URIs are made of, valid and not: most strings built from them are near
/// the boundary between the two.
fn uri_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("http".to_owned()),
        Just("urn".to_owned()),
        Just("://".to_owned()),
        Just(":".to_owned()),
        Just("/".to_owned()),
        Just("//".to_owned()),
        Just("?".to_owned()),
        Just("#".to_owned()),
        Just("@".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just("::".to_owned()),
        Just(".".to_owned()),
        "[a-zA-Z0-9]{1,6}",
        "[0-9]{1,3}",
        "[0-9a-fA-F]{1,5}",
        "%[0-9a-fA-Fg-z]{0,2}",
        "[!$&'()*+,;=\\-._~]",
        "[ \"<>\\\\^`{|}\t]",
        "[éü😀]",
        "v[0-9a-f]{0,2}\\.",
        "(25[0-9]|2[0-4][0-9]|1?[0-9]{1,2}|0[0-9])",
    ]
}

fn uri_candidate() -> impl Strategy<Value = String> {
    let structured = (
        "[a-zA-Z][a-zA-Z0-9+\\-.]{0,5}",
        prop::option::of(prop_oneof![
            "[a-z0-9.\\-]{0,12}",
            "([0-9]{1,3}\\.){3}[0-9]{1,3}",
            "\\[(([0-9a-f]{1,4})?:){1,8}([0-9a-f]{1,4})?\\]",
            "\\[v[0-9a-f]\\.[a-z:]{1,4}\\]",
        ]),
        prop::option::of("[0-9]{0,5}"),
        prop::collection::vec(uri_piece(), 0..6),
    )
        .prop_map(|(scheme, host, port, rest)| {
            let mut uri = format!("{scheme}:");
            if let Some(host) = host {
                uri.push_str("//");
                uri.push_str(&host);
                if let Some(port) = port {
                    uri.push(':');
                    uri.push_str(&port);
                }
            }
            uri.extend(rest);
            uri
        });
    prop_oneof![
        structured,
        prop::collection::vec(uri_piece(), 0..12).prop_map(|p| p.concat())
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn is_uri_agrees_with_the_rfc_grammar(candidate in uri_candidate()) {
        prop_assert_eq!(is_uri(&candidate), RFC3986.is_match(&candidate), "{:?}", candidate);
    }
}

#[test]
fn the_oracle_itself_reads_the_rfc_examples() {
    for valid in [
        "ldap://[2001:db8::7]/c=GB?objectClass?one",
        "urn:oasis:names:specification:docbook:dtd:xml:4.1.2",
        "a:",
    ] {
        assert!(RFC3986.is_match(valid), "{valid}");
    }
    for invalid in ["//example.com", "http://[::1", "http://a b", "1a:x"] {
        assert!(!RFC3986.is_match(invalid), "{invalid}");
    }
}

// ---- length units against std's counts -----------------------------------------------

proptest! {
    #[test]
    fn length_units_agree_with_std(value in any::<String>(), a in 0usize..40, b in 0usize..40) {
        let (min, max) = (a.min(b), a.max(b));
        let within = |n: usize| n >= min && n <= max;
        prop_assert_eq!(has_length(&value, LengthUnit::Chars, Some(min), Some(max)), within(value.chars().count()));
        prop_assert_eq!(has_length(&value, LengthUnit::Bytes, Some(min), Some(max)), within(value.len()));
        prop_assert_eq!(has_length(&value, LengthUnit::Utf16, Some(min), Some(max)), within(value.encode_utf16().count()));
        prop_assert_eq!(has_length(&value, LengthUnit::Chars, None, Some(max)), value.chars().count() <= max);
        prop_assert_eq!(has_length(&value, LengthUnit::Utf16, Some(min), None), value.encode_utf16().count() >= min);
        prop_assert_eq!(LengthUnit::Utf16.measure(&value), value.encode_utf16().count());
    }
}

// ---- round trips -----------------------------------------------------------------------

fn text() -> impl Strategy<Value = String> {
    prop_oneof!["\\PC{0,24}", any::<String>(), "[a-z&=%+ ?#/]{0,12}"]
}

fn status() -> impl Strategy<Value = ModelBuildStatus> {
    prop_oneof![
        prop::sample::select(ModelBuildStatus::KNOWN.to_vec()),
        "[a-z_]{1,10}".prop_map(|s| s.parse().unwrap()),
    ]
}

fn date() -> impl Strategy<Value = OffsetDateTime> {
    // Years 1 to 9999, which RFC 3339 can write, to the nanosecond.
    (-62_135_596_800i64..253_402_300_799, 0u32..1_000_000_000).prop_map(|(seconds, nanos)| {
        OffsetDateTime::from_unix_timestamp(seconds).unwrap()
            + modelbuild::time::Duration::nanoseconds(nanos.into())
    })
}

prop_compose! {
    fn model_build()(
        account_sid in prop::option::of(text()),
        date_created in prop::option::of(date()),
        date_updated in prop::option::of(date()),
        assistant_sid in prop::option::of(text()),
        sid in prop::option::of(text()),
        status in prop::option::of(status()),
        unique_name in prop::option::of(text()),
        url in prop::option::of(text()),
        build_duration in prop::option::of(any::<i64>()),
        error_code in prop::option::of(any::<i64>()),
    ) -> ModelBuild {
        ModelBuild {
            account_sid, date_created, date_updated, assistant_sid, sid, status, unique_name, url,
            build_duration, error_code,
        }
    }
}

prop_compose! {
    fn page_meta()(
        first_page_url in prop::option::of(text()),
        key in prop::option::of(text()),
        next_page_url in prop::option::of(text()),
        page in prop::option::of(any::<i64>()),
        page_size in prop::option::of(any::<i64>()),
        previous_page_url in prop::option::of(text()),
        url in prop::option::of(text()),
    ) -> PageMeta {
        PageMeta { first_page_url, key, next_page_url, page, page_size, previous_page_url, url }
    }
}

proptest! {
    #[test]
    fn model_builds_round_trip_through_json(build in model_build()) {
        let json = serde_json::to_string(&build).unwrap();
        let back: ModelBuild = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, build);
    }

    #[test]
    fn pages_round_trip_through_json(builds in prop::collection::vec(model_build(), 0..4), meta in page_meta()) {
        let page = ModelBuildPage { model_builds: builds, meta };
        let back: ModelBuildPage = serde_json::from_str(&serde_json::to_string(&page).unwrap()).unwrap();
        prop_assert_eq!(back, page);
    }

    #[test]
    fn requests_round_trip_through_forms(
        status_callback in prop::option::of(text()),
        unique_name in prop::option::of(text()),
        page_size in prop::option::of(any::<i64>()),
        page in prop::option::of(any::<i64>()),
        page_token in prop::option::of(text()),
    ) {
        let create = CreateModelBuild { status_callback, unique_name: unique_name.clone() };
        prop_assert_eq!(CreateModelBuild::from_form(create.to_form().as_bytes()).unwrap(), create);
        let update = UpdateModelBuild { unique_name };
        prop_assert_eq!(UpdateModelBuild::from_form(update.to_form().as_bytes()).unwrap(), update);
        let list = ListModelBuilds { page_size, page, page_token };
        prop_assert_eq!(ListModelBuilds::from_query(list.to_query().as_bytes()).unwrap(), list);
    }
}

#[test]
fn the_uri_candidates_fall_on_both_sides_of_the_boundary() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = uri_candidate();
    let total = 4096;
    let valid = (0..total)
        .filter(|_| RFC3986.is_match(&strategy.new_tree(&mut runner).unwrap().current()))
        .count();
    // A generator that made only valid or only invalid strings would test little.
    assert!(
        valid * 10 > total && valid * 10 < total * 9,
        "{valid} of {total} valid"
    );
    eprintln!("{valid} of {total} candidates are valid URIs");
}
