//! The same ModelBuild and create request, written for `validator` 0.21 and `garde`
//! 0.23 with each crate's nearest rules: a regex for the SID, its URL rule, its length
//! and range rules. Dates are not validated by anyone, so the peers keep them as text.

use std::sync::LazyLock;

use regex::Regex;

// The SIDs' regexes, shared with `compat`, whose structs are these, source for source.
pub(crate) static AC: LazyLock<Regex> = LazyLock::new(|| Regex::new("^AC[0-9a-fA-F]{32}$").unwrap());
pub(crate) static UA: LazyLock<Regex> = LazyLock::new(|| Regex::new("^UA[0-9a-fA-F]{32}$").unwrap());
pub(crate) static UG: LazyLock<Regex> = LazyLock::new(|| Regex::new("^UG[0-9a-fA-F]{32}$").unwrap());

// The unvalidated fields are carried, never read, so every library walks a value of
// the same size and shape.
#[allow(dead_code)]
#[derive(validator::Validate)]
pub struct ValidatorModelBuild {
    #[validate(regex(path = *AC))]
    pub account_sid: Option<String>,
    pub date_created: Option<String>,
    pub date_updated: Option<String>,
    #[validate(regex(path = *UA))]
    pub assistant_sid: Option<String>,
    #[validate(regex(path = *UG))]
    pub sid: Option<String>,
    pub status: Option<String>,
    #[validate(length(max = 64))]
    pub unique_name: Option<String>,
    #[validate(url)]
    pub url: Option<String>,
    #[validate(range(min = 0))]
    pub build_duration: Option<i64>,
    pub error_code: Option<i64>,
}

#[derive(validator::Validate)]
pub struct ValidatorCreate {
    #[validate(url)]
    pub status_callback: Option<String>,
    #[validate(length(max = 64))]
    pub unique_name: Option<String>,
}

#[allow(dead_code)] // as above
#[derive(garde::Validate)]
pub struct GardeModelBuild {
    #[garde(pattern(r"^AC[0-9a-fA-F]{32}$"))]
    pub account_sid: Option<String>,
    #[garde(skip)]
    pub date_created: Option<String>,
    #[garde(skip)]
    pub date_updated: Option<String>,
    #[garde(pattern(r"^UA[0-9a-fA-F]{32}$"))]
    pub assistant_sid: Option<String>,
    #[garde(pattern(r"^UG[0-9a-fA-F]{32}$"))]
    pub sid: Option<String>,
    #[garde(skip)]
    pub status: Option<String>,
    #[garde(length(chars, max = 64))]
    pub unique_name: Option<String>,
    #[garde(url)]
    pub url: Option<String>,
    #[garde(range(min = 0))]
    pub build_duration: Option<i64>,
    #[garde(skip)]
    pub error_code: Option<i64>,
}

#[derive(garde::Validate)]
pub struct GardeCreate {
    #[garde(url)]
    pub status_callback: Option<String>,
    #[garde(length(chars, max = 64))]
    pub unique_name: Option<String>,
}

fn date(value: &Option<modelbuild::time::OffsetDateTime>) -> Option<String> {
    value.map(modelbuild::model_build::datetime::format)
}

/// Both peers' ModelBuilds hold the same fields, converted the same way.
macro_rules! from_model_build {
    ($($peer:ident),*) => {$(
        impl From<&modelbuild::ModelBuild> for $peer {
            fn from(b: &modelbuild::ModelBuild) -> Self {
                $peer {
                    account_sid: b.account_sid.clone(),
                    date_created: date(&b.date_created),
                    date_updated: date(&b.date_updated),
                    assistant_sid: b.assistant_sid.clone(),
                    sid: b.sid.clone(),
                    status: b.status.as_ref().map(ToString::to_string),
                    unique_name: b.unique_name.clone(),
                    url: b.url.clone(),
                    build_duration: b.build_duration,
                    error_code: b.error_code,
                }
            }
        }
    )*};
}

from_model_build!(ValidatorModelBuild, GardeModelBuild);

impl From<&modelbuild::CreateModelBuild> for ValidatorCreate {
    fn from(r: &modelbuild::CreateModelBuild) -> Self {
        ValidatorCreate {
            status_callback: r.status_callback.clone(),
            unique_name: r.unique_name.clone(),
        }
    }
}

impl From<&modelbuild::CreateModelBuild> for GardeCreate {
    fn from(r: &modelbuild::CreateModelBuild) -> Self {
        GardeCreate {
            status_callback: r.status_callback.clone(),
            unique_name: r.unique_name.clone(),
        }
    }
}
