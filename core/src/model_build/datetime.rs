//! Twilio's dates: read as RFC 3339 / ISO 8601 (any offset) or RFC 2822, written as
//! RFC 3339 in UTC with a `Z`.
//!
//! The spec's prose says RFC 2822, but the API sends `2015-07-30T20:00:00Z`, and
//! Twilio's own client libraries parse only that form; so both are read, and only
//! the `Z` form is written.

use serde::{Deserialize, Deserializer, Serializer};
use time::format_description::well_known::{Iso8601, Rfc2822, Rfc3339};
use time::{OffsetDateTime, UtcOffset};

/// Parses an RFC 3339, ISO 8601 or RFC 2822 date-time with an offset.
///
/// ```
/// use modelbuild::model_build::datetime::{format, parse};
///
/// let iso = parse("2015-07-30T22:00:00+02:00").unwrap();
/// let rfc2822 = parse("Thu, 30 Jul 2015 20:00:00 +0000").unwrap();
/// assert_eq!(iso, rfc2822);
/// assert_eq!(format(iso), "2015-07-30T20:00:00Z");
/// assert!(parse("yesterday").is_err());
/// ```
pub fn parse(text: &str) -> Result<OffsetDateTime, time::error::Parse> {
    OffsetDateTime::parse(text, &Rfc3339)
        .or_else(|_| OffsetDateTime::parse(text, &Iso8601::DEFAULT))
        .or_else(|_| OffsetDateTime::parse(text, &Rfc2822))
}

/// Formats as RFC 3339 in UTC with a `Z`, with fractional seconds only when non-zero.
pub fn format(value: OffsetDateTime) -> String {
    let utc = value.to_offset(UtcOffset::UTC);
    // Formatting into a String with a well-known format only fails for years
    // outside 0..=9999, which RFC 3339 cannot express; fall back to ISO 8601's
    // extended-year form rather than lose the value.
    utc.format(&Rfc3339)
        .or_else(|_| utc.format(&Iso8601::DEFAULT))
        .unwrap_or_else(|_| utc.to_string())
}

/// The current time in UTC, in whole seconds: the stamp a server should give
/// `date_created` and `date_updated`, as Twilio does.
///
/// Twilio's Python client parses only `2015-07-30T20:00:00Z`, so a date written with
/// fractional seconds would reach its users as a string. A date *read* with fractions
/// keeps them; only stamps made here are whole.
///
/// ```
/// use modelbuild::model_build::datetime::{format, now, parse};
///
/// let stamp = now();
/// assert_eq!(stamp.nanosecond(), 0);
/// assert!(!format(stamp).contains('.'));
/// // A date that came with fractions is written back with them.
/// assert_eq!(format(parse("2015-07-30T20:00:00.25Z").unwrap()), "2015-07-30T20:00:00.25Z");
/// ```
pub fn now() -> OffsetDateTime {
    whole_seconds(OffsetDateTime::now_utc())
}

/// `value` without its fraction of a second.
pub fn whole_seconds(value: OffsetDateTime) -> OffsetDateTime {
    // Zero is a valid nanosecond for every instant, so this cannot fail.
    value.replace_nanosecond(0).unwrap_or(value)
}

/// `#[serde(with = "...")]` for `Option<OffsetDateTime>`: null or absent is `None`.
pub mod option {
    use super::*;

    /// Writes `None` as null and a date as RFC 3339 UTC.
    pub fn serialize<S: Serializer>(
        value: &Option<OffsetDateTime>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => serializer.serialize_str(&format(*value)),
            None => serializer.serialize_none(),
        }
    }

    /// Reads null as `None` and a string in any accepted form as a date.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<OffsetDateTime>, D::Error> {
        let text: Option<String> = Option::deserialize(deserializer)?;
        text.map(|text| {
            parse(&text).map_err(|error| {
                serde::de::Error::custom(format_args!(
                    "invalid date-time {text:?}: expected RFC 3339 (2015-07-30T20:00:00Z) or RFC 2822: {error}"
                ))
            })
        })
        .transpose()
    }
}

/// The schema of a date as the models write it: `type: string, format: date-time`
/// (RFC 3339), what the spec states. Named in `#[schemars(with = ..)]`, since the
/// fields hold `time::OffsetDateTime`, which schemars does not know.
#[cfg(feature = "schemars")]
pub struct DateTimeSchema;

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for DateTimeSchema {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DateTime".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "string", "format": "date-time"})
    }
}
