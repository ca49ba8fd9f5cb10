//! Parsing and validating in one step (`modelbuild::json::from_slice`,
//! `modelbuild::form::from_bytes`) against doing it in two: serde's own parse, then
//! `validate()`. On valid input the one step must cost no more (target ≤ 1.10×); on
//! invalid input it reads the document again to find every error, and its time is
//! reported beside serde's, which stops at the first.

use modelbuild::{form, json, CreateModelBuild, ModelBuild, ModelBuildPage, PageMeta, Validate};
use serde_json::Value;

use crate::data::{self, Rng};
use crate::harness::{measure, ratio, subject, verdict, Figures};

pub struct ParseRow {
    name: String,
    bytes: usize,
    ours: Figures,
    two_steps: Figures,
    target: Option<f64>,
    errors: usize,
}

/// A page of `n` valid builds, as the list operation answers.
fn page(rng: &mut Rng, n: usize) -> ModelBuildPage {
    let url = "https://autopilot.twilio.com/v1/Assistants/UA0123456789abcdef0123456789abcdef/ModelBuilds";
    ModelBuildPage {
        model_builds: (0..n).map(|_| data::valid_build(rng)).collect(),
        meta: PageMeta {
            first_page_url: Some(format!("{url}?PageSize={n}&Page=0")),
            key: Some("model_builds".into()),
            next_page_url: None,
            page: Some(0),
            page_size: Some(n as i64),
            previous_page_url: None,
            url: Some(format!("{url}?PageSize={n}&Page=0")),
        },
    }
}

/// The page's JSON with `k` values of the wrong type: SIDs given as numbers, one build
/// after another.
fn broken_page(rng: &mut Rng, k: usize) -> Vec<u8> {
    let mut value = serde_json::to_value(page(rng, 100)).unwrap();
    for i in 0..k {
        let field = ["sid", "account_sid", "assistant_sid", "unique_name", "url"][i % 5];
        value["model_builds"][i / 5][field] = Value::from(i);
    }
    serde_json::to_vec(&value).unwrap()
}

fn json_row<T>(name: &str, bytes: &[u8], target: Option<f64>) -> ParseRow
where
    T: for<'de> serde::Deserialize<'de> + Validate,
{
    let errors = json::from_slice::<T>(bytes).err().map_or(0, |e| e.len());
    let [ours, two_steps] = measure([
        subject(|| json::from_slice::<T>(bytes).is_ok()),
        subject(|| {
            serde_json::from_slice::<T>(bytes)
                .map(|value| value.validate().is_ok())
                .unwrap_or(false)
        }),
    ]);
    ParseRow {
        name: name.to_owned(),
        bytes: bytes.len(),
        ours,
        two_steps,
        target,
        errors,
    }
}

pub fn rows() -> Vec<ParseRow> {
    let mut rng = Rng::new(0x9a55);
    let build = serde_json::to_vec(&data::valid_build(&mut rng)).unwrap();
    let hundred = serde_json::to_vec(&page(&mut rng, 100)).unwrap();
    let create = data::valid_create().to_form();
    let create = create.as_bytes();
    let form_errors = form::from_bytes::<CreateModelBuild>(create)
        .err()
        .map_or(0, |e| e.len());
    let [form_ours, form_two] = measure([
        subject(|| form::from_bytes::<CreateModelBuild>(create).is_ok()),
        subject(|| {
            serde_urlencoded::from_bytes::<CreateModelBuild>(create)
                .map(|value| value.validate().is_ok())
                .unwrap_or(false)
        }),
    ]);
    let mut rows = vec![
        json_row::<ModelBuild>("valid ModelBuild (JSON)", &build, Some(1.10)),
        json_row::<ModelBuildPage>("valid page of 100 ModelBuilds (JSON)", &hundred, Some(1.10)),
        ParseRow {
            name: "valid create request (form)".into(),
            bytes: create.len(),
            ours: form_ours,
            two_steps: form_two,
            target: Some(1.10),
            errors: form_errors,
        },
    ];
    for k in [1, 5, 50] {
        let broken = broken_page(&mut rng, k);
        rows.push(json_row::<ModelBuildPage>(
            &format!(
                "page of 100 with {k} wrong {} (JSON)",
                if k == 1 { "type" } else { "types" }
            ),
            &broken,
            None,
        ));
    }
    rows
}

pub fn print(rows: &[ParseRow]) {
    println!();
    println!(
        "| input | bytes | one step (json/form::from_*) | serde, then validate() | one step / two | target | errors found (one step) | allocations per call (one step / two) |"
    );
    println!("|---|---:|---:|---:|---:|---|---:|---|");
    for row in rows {
        let ratio = ratio(&row.ours, &row.two_steps);
        let target = row
            .target
            .map_or_else(|| "—".to_owned(), |ceiling| verdict(ratio, ceiling));
        println!(
            "| {} | {} | {} | {} | {ratio:.2}× | {target} | {} | {} / {} |",
            row.name,
            row.bytes,
            time(row.ours.median_ns),
            time(row.two_steps.median_ns),
            row.errors,
            row.ours.allocations,
            row.two_steps.allocations,
        );
    }
}

/// A time in the unit that reads best.
fn time(ns: f64) -> String {
    match ns {
        ns if ns >= 1_000_000.0 => format!("{:.2} ms", ns / 1_000_000.0),
        ns if ns >= 1_000.0 => format!("{:.2} µs", ns / 1_000.0),
        ns => format!("{ns:.1} ns"),
    }
}
