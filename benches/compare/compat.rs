//! modelbuild-validator against validator 0.21 itself: the same structs as `peers`'
//! validator ones, source for source, derived by each crate, on the same payloads.
//! What a program that switched with one line gains at run time; the errors are
//! validator's shape in both (each failure's `value` serialized to JSON, a map by
//! field), so the invalid rows measure that shape as much as the checks.

use crate::harness::{measure, ratio, Figures};
use crate::peers::{ValidatorCreate, ValidatorModelBuild, AC, UA, UG};
use crate::{cycle, data};

// `crate = ...` because this package names validator itself `validator`; a switched
// program names modelbuild-validator so and writes nothing of the kind.
#[allow(dead_code)] // as in `peers`: the unvalidated fields are carried, never read
#[derive(modelbuild_validator::Validate)]
#[validate(crate = "modelbuild_validator")]
pub struct CompatModelBuild {
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

#[derive(modelbuild_validator::Validate)]
#[validate(crate = "modelbuild_validator")]
pub struct CompatCreate {
    #[validate(url)]
    pub status_callback: Option<String>,
    #[validate(length(max = 64))]
    pub unique_name: Option<String>,
}

impl From<&ValidatorModelBuild> for CompatModelBuild {
    fn from(b: &ValidatorModelBuild) -> Self {
        CompatModelBuild {
            account_sid: b.account_sid.clone(),
            date_created: b.date_created.clone(),
            date_updated: b.date_updated.clone(),
            assistant_sid: b.assistant_sid.clone(),
            sid: b.sid.clone(),
            status: b.status.clone(),
            unique_name: b.unique_name.clone(),
            url: b.url.clone(),
            build_duration: b.build_duration,
            error_code: b.error_code,
        }
    }
}

impl From<&ValidatorCreate> for CompatCreate {
    fn from(r: &ValidatorCreate) -> Self {
        CompatCreate {
            status_callback: r.status_callback.clone(),
            unique_name: r.unique_name.clone(),
        }
    }
}

pub struct CompatRow {
    pub name: &'static str,
    pub compat: Figures,
    pub validator: Figures,
}

/// One scenario, both derives timed interleaved; `same` checks first that both give
/// the same errors, as JSON.
pub fn row<V: validator::Validate, C: modelbuild_validator::Validate>(
    name: &'static str,
    theirs: &[V],
    ours: &[C],
) -> CompatRow {
    for (v, c) in theirs.iter().zip(ours) {
        let v = v
            .validate()
            .err()
            .map(|errors| serde_json::to_value(errors).unwrap());
        let c = c
            .validate()
            .err()
            .map(|errors| serde_json::to_value(errors).unwrap());
        assert_eq!(v, c, "{name}: the errors differ");
    }
    let [compat, validator] = measure([
        cycle(ours, |c| c.validate().is_ok()),
        cycle(theirs, |v| v.validate().is_ok()),
    ]);
    CompatRow {
        name,
        compat,
        validator,
    }
}

/// The scenarios of the peers' table, on the same data.
pub fn rows() -> Vec<CompatRow> {
    let mut rng = data::Rng::new(0x5eed);
    let one_valid = vec![data::valid_build(&mut rng)];
    let one_invalid = vec![data::invalid_build()];
    let many: Vec<_> = (0..10_000).map(|_| data::valid_build(&mut rng)).collect();
    let builds = |name, ours: &[modelbuild::ModelBuild]| {
        let v: Vec<ValidatorModelBuild> = ours.iter().map(Into::into).collect();
        let c: Vec<CompatModelBuild> = v.iter().map(Into::into).collect();
        row(name, &v, &c)
    };
    let creates = |name, ours: modelbuild::CreateModelBuild| {
        let v = [ValidatorCreate::from(&ours)];
        row(name, &v, &[CompatCreate::from(&v[0])])
    };
    vec![
        builds("valid ModelBuild", &one_valid),
        builds("ModelBuild, every field invalid", &one_invalid),
        builds("10,000 distinct valid ModelBuilds, per instance", &many),
        creates("create request, valid", data::valid_create()),
        creates("create request, invalid", data::invalid_create()),
    ]
}

pub fn print(rows: &[CompatRow]) {
    println!();
    println!(
        "| scenario | modelbuild-validator | validator 0.21 | modelbuild-validator / validator | allocations per call (modelbuild-validator / validator) |"
    );
    println!("|---|---:|---:|---:|---|");
    for row in rows {
        println!(
            "| {} | {:.1} ns | {:.1} ns | {:.3}× | {} / {} |",
            row.name,
            row.compat.median_ns,
            row.validator.median_ns,
            ratio(&row.compat, &row.validator),
            row.compat.allocations,
            row.validator.allocations,
        );
    }
}
