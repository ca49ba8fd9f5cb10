//! The benchmark's inputs: valid and invalid ModelBuilds and create requests, and
//! many distinct valid builds with mixed-case hexadecimal SIDs.

use modelbuild::{CreateModelBuild, ModelBuild, ModelBuildStatus};

/// A small deterministic generator (xorshift64), so every run measures the same data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// `prefix` then 32 hex digits in mixed case.
    pub fn sid(&mut self, prefix: &str) -> String {
        const DIGITS: &[u8] = b"0123456789abcdefABCDEF";
        let mut sid = String::from(prefix);
        for _ in 0..32 {
            sid.push(char::from(DIGITS[(self.next() % DIGITS.len() as u64) as usize]));
        }
        sid
    }
}

pub fn valid_build(rng: &mut Rng) -> ModelBuild {
    let (assistant, sid) = (rng.sid("UA"), rng.sid("UG"));
    ModelBuild {
        account_sid: Some(rng.sid("AC")),
        date_created: Some(modelbuild::time::OffsetDateTime::UNIX_EPOCH),
        date_updated: Some(modelbuild::time::OffsetDateTime::UNIX_EPOCH),
        url: Some(format!(
            "https://autopilot.twilio.com/v1/Assistants/{assistant}/ModelBuilds/{sid}"
        )),
        assistant_sid: Some(assistant),
        sid: Some(sid),
        status: Some(ModelBuildStatus::Completed),
        unique_name: Some(format!("nightly-{}", rng.next() % 10_000)),
        build_duration: Some((rng.next() % 500) as i64),
        error_code: None,
    }
}

/// Every rule broken: three wrong SIDs, an over-long name, a relative URL and a
/// negative duration.
pub fn invalid_build() -> ModelBuild {
    ModelBuild {
        account_sid: Some("string".into()),
        assistant_sid: Some("UA0123456789abcdef0123456789abcdeg".into()),
        sid: Some("UG0123".into()),
        unique_name: Some("n".repeat(65)),
        url: Some("/v1/Assistants".into()),
        build_duration: Some(-1),
        ..ModelBuild::default()
    }
}

pub fn valid_create() -> CreateModelBuild {
    CreateModelBuild {
        status_callback: Some("https://example.com/autopilot/status?build=nightly".into()),
        unique_name: Some("nightly-2023-05-04".into()),
    }
}

pub fn invalid_create() -> CreateModelBuild {
    CreateModelBuild {
        status_callback: Some("example.com/status".into()),
        unique_name: Some("n".repeat(65)),
    }
}

/// URIs as a client or server of this API meets them.
pub const URIS: &[&str] = &[
    "https://autopilot.twilio.com/v1/Assistants/UA0123456789abcdef0123456789abcdef/ModelBuilds/UG0123456789abcdef0123456789ABCDEF",
    "https://autopilot.twilio.com/v1/Assistants/UA0123456789abcdef0123456789abcdef/ModelBuilds?PageSize=50&Page=0",
    "https://example.com/autopilot/status?build=nightly",
    "http://user:secret@[2001:db8::7]:8080/hooks/build#done",
    "http://192.0.2.16:80/",
];

/// One URI of each class the strict parsers are compared on.
pub const URI_CLASSES: &[(&str, &str)] = &[
    ("IPv6 host and port", "http://[2001:db8:85a3::8a2e:370:7334]:8080/hooks/build"),
    ("IPvFuture host", "http://[v7.fe80::a+en1]/status"),
    ("IPv4 host and port", "http://192.0.2.16:8080/autopilot/status"),
    ("percent-escapes", "https://example.com/caf%C3%A9/na%C3%AFve%20path?q=%E2%9C%93"),
    (
        "long query",
        "https://autopilot.twilio.com/v1/Assistants/UA0123456789abcdef0123456789abcdef/ModelBuilds?PageSize=50&Page=2&PageToken=PAUG0123456789abcdef0123456789abcdef&Status=completed",
    ),
    ("userinfo and fragment", "https://user:secret@example.com/hooks/build#done"),
    ("URN", "urn:oasis:names:specification:docbook:dtd:xml:4.1.2"),
    ("short", "https://a.co/"),
];
