//! One rule at a time: the same valid values, each in a one-field struct under each
//! crate's derive with that crate's rule of the same meaning. A peer that has no such
//! rule is left out of its row.

use garde::Validate as _;
use modelbuild::Validate as _;
use validator::Validate as _;

use crate::cycle;
use crate::harness::{fastest, measure, ratio, verdict, Figures};

pub const EMAILS: [&str; 6] = [
    "ada@example.com",
    "first.last+tag@mail.example.co.uk",
    "x@y.io",
    "build-bot@autopilot.twilio.com",
    "o'brien@example.ie",
    "a.very.long.local.part.for.testing@subdomain.of.a.rather.long.domain.example",
];
pub const IPS: [&str; 6] = [
    "192.168.0.1",
    "10.0.0.254",
    "2001:db8::1",
    "fe80::1ff:fe23:4567:890a",
    "::ffff:192.0.2.128",
    "255.255.255.255",
];
pub const TAGS: [&str; 4] = [
    "UG-build-ok",
    "UG-nightly-2023-ok",
    "UG-a-ok",
    "UG-release-candidate-ok",
];
pub const URLS: [&str; 5] = [
    "https://autopilot.twilio.com/v1/Assistants/UA0123456789abcdef0123456789abcdef/ModelBuilds",
    "https://example.com/",
    "http://localhost:8080/status?build=42",
    "https://user@example.com/path#top",
    "https://[2001:db8::1]:443/",
];
pub const CARDS: [&str; 4] = [
    "4111111111111111",
    "5500005555555559",
    "340000000000009",
    "6011000000000004",
];

/// A rule's row: our figures and whichever peers have the rule.
pub struct RuleRow {
    pub name: &'static str,
    pub ours: Figures,
    pub validator: Option<Figures>,
    pub garde: Option<Figures>,
}

macro_rules! one_field {
    ($ours:ident, $v:ident, $g:ident, [$($ours_rule:tt)*], [$($v_rule:tt)*], [$($g_rule:tt)*]) => {
        #[derive(modelbuild::Validate)]
        struct $ours {
            #[validate($($ours_rule)*)]
            value: &'static str,
        }
        #[derive(validator::Validate)]
        struct $v {
            #[validate($($v_rule)*)]
            value: &'static str,
        }
        #[derive(garde::Validate)]
        struct $g {
            #[garde($($g_rule)*)]
            value: &'static str,
        }
    };
}

one_field!(OurEmail, VEmail, GEmail, [email], [email], [email]);
one_field!(OurIp, VIp, GIp, [ip], [ip], [ip]);
one_field!(OurUrl, VUrl, GUrl, [url], [url], [url]);
one_field!(OurCard, VCard, GCard, [credit_card], [credit_card], [credit_card]);
one_field!(
    OurContains,
    VContains,
    GContains,
    [contains = "-"],
    [contains(pattern = "-")],
    [contains("-")]
);

#[derive(modelbuild::Validate)]
struct OurAffixes {
    #[validate(prefix = "UG", suffix = "ok")]
    value: &'static str,
}

#[derive(garde::Validate)]
struct GAffixes {
    #[garde(prefix("UG"), suffix("ok"))]
    value: &'static str,
}

/// Times each side on every value, in turn; every value must pass on every side. The
/// second form is for a rule validator does not have.
macro_rules! row {
    ($name:expr, $values:expr, $ours:ident, $v:ident, $g:ident) => {{
        let ours = values!($name, $values, $ours);
        let v = values!($name, $values, $v);
        let g = values!($name, $values, $g);
        let [ours, validator, garde] = measure([
            cycle(&ours, |x| x.validate().is_ok()),
            cycle(&v, |x| x.validate().is_ok()),
            cycle(&g, |x| x.validate().is_ok()),
        ]);
        RuleRow {
            name: $name,
            ours,
            validator: Some(validator),
            garde: Some(garde),
        }
    }};
    ($name:expr, $values:expr, $ours:ident, $g:ident) => {{
        let ours = values!($name, $values, $ours);
        let g = values!($name, $values, $g);
        let [ours, garde] = measure([
            cycle(&ours, |x| x.validate().is_ok()),
            cycle(&g, |x| x.validate().is_ok()),
        ]);
        RuleRow {
            name: $name,
            ours,
            validator: None,
            garde: Some(garde),
        }
    }};
}

/// `$values`, each in the one-field struct `$ty`, checked to pass.
macro_rules! values {
    ($name:expr, $values:expr, $ty:ident) => {{
        let values: Vec<$ty> = $values.iter().map(|&value| $ty { value }).collect();
        let passes = values.iter().all(|x| x.validate().is_ok());
        assert!(passes, "{}: {}", $name, stringify!($ty));
        values
    }};
}

pub fn rows() -> Vec<RuleRow> {
    vec![
        row!("email", EMAILS, OurEmail, VEmail, GEmail),
        row!("ip", IPS, OurIp, VIp, GIp),
        row!("contains", TAGS, OurContains, VContains, GContains),
        row!("prefix + suffix", TAGS, OurAffixes, GAffixes),
        row!("url", URLS, OurUrl, VUrl, GUrl),
        row!("credit_card", CARDS, OurCard, VCard, GCard),
    ]
}

pub fn print(rows: &[RuleRow]) {
    let show = |f: &Option<Figures>| {
        f.as_ref()
            .map_or("—".to_owned(), |f| format!("{:.1} ns", f.median_ns))
    };
    let allocations = |f: &Option<Figures>| {
        f.as_ref()
            .map_or("—".to_owned(), |f| format!("{}", f.allocations))
    };
    println!();
    println!(
        "| rule, valid input | modelbuild | validator 0.21 | garde 0.23 | modelbuild / faster peer | target | allocations per call (modelbuild / validator / garde) |"
    );
    println!("|---|---:|---:|---:|---:|---|---|");
    for row in rows {
        let ratio = ratio(&row.ours, fastest(row.validator.iter().chain(&row.garde)));
        let verdict = verdict(ratio, 0.5);
        println!(
            "| {} | {:.1} ns | {} | {} | {ratio:.3}× | {verdict} | {} / {} / {} |",
            row.name,
            row.ours.median_ns,
            show(&row.validator),
            show(&row.garde),
            row.ours.allocations,
            allocations(&row.validator),
            allocations(&row.garde),
        );
    }
}
