//! modelbuild against hand-written floors: code that does the least work the same
//! answer needs, so that a ratio says how much the library's generality costs.

use modelbuild::rules::{has_length, is_sid, is_uri, LengthUnit};
use modelbuild::{ModelBuild, Validate};

use crate::harness::{measure, ratio, subject, verdict, Figures};
use crate::{cycle, data};

/// One comparison: ours, the floor's, and the ratio target if an issue sets one.
pub struct FloorRow {
    pub name: &'static str,
    pub floor_name: &'static str,
    pub ours: Figures,
    pub floor: Figures,
    pub target: Option<f64>,
}

/// Whether every byte of `digits` is a hex digit, by a fold with no early exit, which
/// the compiler makes branch-free and vectorizes.
fn hex_fold(digits: &[u8; 32]) -> bool {
    (digits.iter()).fold(true, |all, byte| all & byte.is_ascii_hexdigit())
}

/// A SID with the prefix `UG`: the floor of `is_sid`.
fn sid_floor(value: &str) -> bool {
    match value.as_bytes() {
        [b'U', b'G', digits @ ..] => <&[u8; 32]>::try_from(digits).is_ok_and(hex_fold),
        _ => false,
    }
}

/// An error with nothing made at run time: the least a report can be.
#[allow(dead_code)] // built and dropped, as an error report is
struct StaticError {
    path: &'static str,
    code: &'static str,
    message: &'static str,
}

/// The same, with one field that needs dropping though it is never set: what any
/// error type pays that can own its data, as `FieldError` must.
#[allow(dead_code)] // built and dropped, as an error report is
struct DroppableError {
    path: &'static str,
    code: &'static str,
    message: &'static str,
    owned: Option<Box<str>>,
}

/// ModelBuild's rules written by hand, each failure one error made by `error` and
/// pushed to one `Vec`: the floor of the derive's error path.
fn model_build_floor<E>(
    build: &ModelBuild,
    error: impl Fn(&'static str, &'static str, &'static str) -> E,
) -> Result<(), Vec<E>> {
    let mut errors = Vec::new();
    let mut fail = |path, code, message| {
        if errors.capacity() == 0 {
            errors.reserve_exact(8);
        }
        errors.push(error(path, code, message));
    };
    let sid = |value: &Option<String>, prefix| value.as_deref().is_none_or(|v| is_sid(v, prefix));
    if !sid(&build.account_sid, "AC") {
        fail(
            "account_sid",
            "sid",
            "must be a SID: \"AC\" followed by 32 hexadecimal digits",
        );
    }
    if !sid(&build.assistant_sid, "UA") {
        fail(
            "assistant_sid",
            "sid",
            "must be a SID: \"UA\" followed by 32 hexadecimal digits",
        );
    }
    if !sid(&build.sid, "UG") {
        fail(
            "sid",
            "sid",
            "must be a SID: \"UG\" followed by 32 hexadecimal digits",
        );
    }
    if !(build.unique_name.as_deref()).is_none_or(|n| has_length(n, LengthUnit::Chars, None, Some(64))) {
        fail("unique_name", "length", "must be at most 64 characters long");
    }
    if !build.url.as_deref().is_none_or(is_uri) {
        fail("url", "uri", "must be an absolute URI");
    }
    if build.build_duration.is_some_and(|d| d < 0) {
        fail("build_duration", "range", "must be at least 0");
    }
    match errors.is_empty() {
        true => Ok(()),
        false => Err(errors),
    }
}

pub fn rows() -> Vec<FloorRow> {
    let sids = [
        "UG0123456789abcdef0123456789ABCDEF",
        "UGfedcba9876543210FEDCBA9876543210",
        "UG00000000000000000000000000000000",
        "UGaBcDeF0123456789aBcDeF0123456789",
    ];
    assert!(sids.iter().all(|s| is_sid(s, "UG") && sid_floor(s)));
    let invalid = [data::invalid_build()];
    let ours_errors = invalid[0].validate().unwrap_err();
    let static_error = |path, code, message| StaticError { path, code, message };
    let droppable_error = |path, code, message| DroppableError {
        path,
        code,
        message,
        owned: None,
    };
    let floor_errors = model_build_floor(&invalid[0], static_error).err().unwrap();
    assert_eq!(ours_errors.len(), floor_errors.len());
    for (ours, floor) in ours_errors.iter().zip(&floor_errors) {
        assert_eq!(
            (ours.path().to_string().as_str(), ours.code()),
            (floor.path, floor.code)
        );
    }
    let [ours, floor] = measure([cycle(&sids, |s| is_sid(s, "UG")), cycle(&sids, |s| sid_floor(s))]);
    let sid = FloorRow {
        name: "is_sid, 4 valid SIDs",
        floor_name: "branch-free fold over the 32 digits, prefix fixed",
        ours,
        floor,
        target: Some(1.5),
    };
    let [ours, floor] = measure([
        subject(|| invalid[0].validate().is_err()),
        subject(|| model_build_floor(&invalid[0], static_error).is_err()),
    ]);
    let static_errors = FloorRow {
        name: "ModelBuild, every field invalid",
        floor_name: "hand-written checks, static errors, one Vec",
        ours,
        floor,
        target: Some(1.2),
    };
    let [ours, floor] = measure([
        subject(|| invalid[0].validate().is_err()),
        subject(|| model_build_floor(&invalid[0], droppable_error).is_err()),
    ]);
    let droppable_errors = FloorRow {
        name: "ModelBuild, every field invalid",
        floor_name: "the same, with an error type that needs dropping",
        ours,
        floor,
        target: None,
    };
    vec![sid, static_errors, droppable_errors]
}

pub fn print(rows: &[FloorRow]) {
    println!();
    println!("| check | modelbuild | floor | floor is | modelbuild / floor | target | allocations per call (modelbuild / floor) |");
    println!("|---|---:|---:|---|---:|---|---|");
    for row in rows {
        let ratio = ratio(&row.ours, &row.floor);
        let verdict = row
            .target
            .map_or_else(|| "—".to_owned(), |target| verdict(ratio, target));
        println!(
            "| {} | {:.1} ns | {:.1} ns | {} | {ratio:.2}× | {verdict} | {} / {} |",
            row.name,
            row.ours.median_ns,
            row.floor.median_ns,
            row.floor_name,
            row.ours.allocations,
            row.floor.allocations,
        );
    }
}
