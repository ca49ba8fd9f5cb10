//! modelbuild against `validator` and `garde`, validating the same ModelBuild-shaped
//! data in one run. Prints the median time per call, the ratio to the faster peer and
//! the allocations per call; then each newer rule on its own against the peers' rule
//! of the same meaning; then modelbuild against hand-written floors; then `is_uri`
//! against the URI parsers; then parsing and validating in one step against serde's
//! parse and `validate()`; then async rules against the same rules sync; then
//! modelbuild-validator against validator itself. The implementations of each row are timed interleaved,
//! and a ratio is the median of per-sample ratios (see `harness`), so that the noise
//! of a shared host slows both sides of a ratio alike.
//!
//! Run with `cargo bench -p modelbuild-benches --bench compare`; `-- <section>...`
//! runs only the named sections (`peers`, `rules`, `floors`, `uri`, `parsing`, `async`,
//! `compat`).

mod async_rules;
mod compat;
mod counting_alloc;
mod data;
mod floors;
mod harness;
mod parsing;
mod peers;
mod rules;

use std::hint::black_box;

use harness::{measure, Figures, Subject};
use modelbuild::Validate;
use peers::{GardeCreate, GardeModelBuild, ValidatorCreate, ValidatorModelBuild};

#[global_allocator]
static GLOBAL: counting_alloc::Counting = counting_alloc::Counting;

/// One scenario: our figures, the peers', and the ratio targets the issues set.
struct Row {
    name: &'static str,
    ours: Figures,
    validator: Figures,
    garde: Figures,
    targets: &'static [f64],
}

fn scenario<M: Validate, V: validator::Validate, G: garde::Validate<Context = ()>>(
    name: &'static str,
    targets: &'static [f64],
    ours: &[M],
    theirs_v: &[V],
    theirs_g: &[G],
) -> Row {
    let [ours, validator, garde] = measure([
        cycle(ours, |m| m.validate().is_ok()),
        cycle(theirs_v, |v| validator::Validate::validate(v).is_ok()),
        cycle(theirs_g, |g| garde::Validate::validate(g).is_ok()),
    ]);
    Row {
        name,
        ours,
        validator,
        garde,
        targets,
    }
}

/// Prepares `op` to be measured on each input in turn, so distinct inputs are not
/// served from cache any more than real traffic would be.
fn cycle<'a, T>(inputs: &'a [T], mut op: impl FnMut(&T) -> bool + 'a) -> Subject<'a> {
    let mut next = 0;
    harness::subject(move || {
        let input = &inputs[next];
        next = (next + 1) % inputs.len();
        op(black_box(input))
    })
}

fn main() {
    // Cargo passes `--bench` to a harness-less bench; section names are the rest.
    let asked: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with('-'))
        .collect();
    let runs = |section: &str| asked.is_empty() || asked.iter().any(|name| name == section);
    if runs("peers") {
        print_peers();
    }
    if runs("rules") {
        rules::print(&rules::rows());
    }
    if runs("floors") {
        floors::print(&floors::rows());
    }
    if runs("uri") {
        print_uri_comparison();
    }
    if runs("parsing") {
        parsing::print(&parsing::rows());
    }
    if runs("async") {
        async_rules::print(&async_rules::rows());
    }
    if runs("compat") {
        compat::print(&compat::rows());
    }
}

/// modelbuild against validator and garde on ModelBuild-shaped data.
fn print_peers() {
    let mut rng = data::Rng::new(0x5eed);
    let one_valid = vec![data::valid_build(&mut rng)];
    let one_invalid = vec![data::invalid_build()];
    let many: Vec<_> = (0..10_000).map(|_| data::valid_build(&mut rng)).collect();
    let create_valid = vec![data::valid_create()];
    let create_invalid = vec![data::invalid_create()];
    assert!(one_valid[0].validate().is_ok() && many.iter().all(|b| b.validate().is_ok()));
    assert_eq!(one_invalid[0].validate().unwrap_err().len(), 6);

    let rows = [
        builds("valid ModelBuild", &[0.5, 0.12], &one_valid),
        builds("ModelBuild, every field invalid", &[0.2], &one_invalid),
        builds("10,000 distinct valid ModelBuilds, per instance", &[0.35], &many),
        creates("create request, valid", &[], &create_valid),
        creates("create request, invalid", &[], &create_invalid),
    ];
    print_rows(&rows);
}

fn builds(name: &'static str, targets: &'static [f64], ours: &[modelbuild::ModelBuild]) -> Row {
    let v: Vec<ValidatorModelBuild> = ours.iter().map(Into::into).collect();
    let g: Vec<GardeModelBuild> = ours.iter().map(Into::into).collect();
    scenario(name, targets, ours, &v, &g)
}

fn creates(name: &'static str, targets: &'static [f64], ours: &[modelbuild::CreateModelBuild]) -> Row {
    let v: Vec<ValidatorCreate> = ours.iter().map(Into::into).collect();
    let g: Vec<GardeCreate> = ours.iter().map(Into::into).collect();
    scenario(name, targets, ours, &v, &g)
}

fn print_rows(rows: &[Row]) {
    println!(
        "| scenario | modelbuild | validator 0.21 | garde 0.23 | modelbuild / faster peer | target | allocations per call (modelbuild / validator / garde) |"
    );
    println!("|---|---:|---:|---:|---:|---|---|");
    for row in rows {
        let ratio = harness::ratio(&row.ours, harness::fastest([&row.validator, &row.garde]));
        let verdicts: Vec<String> = (row.targets.iter())
            .map(|&target| harness::verdict(ratio, target))
            .collect();
        let target = match verdicts.is_empty() {
            true => "—".to_owned(),
            false => verdicts.join("; "),
        };
        println!(
            "| {} | {:.1} ns | {:.1} ns | {:.1} ns | {ratio:.3}× | {target} | {} / {} / {} |",
            row.name,
            row.ours.median_ns,
            row.validator.median_ns,
            row.garde.median_ns,
            row.ours.allocations,
            row.validator.allocations,
            row.garde.allocations,
        );
    }
}

/// What a row of the URI table is held to.
enum UriTarget {
    /// Faster than fluent-uri.
    FasterThanFluent,
    /// At most this ratio to fluent-uri.
    FluentRatio(f64),
    /// At least this many times faster than url, allocating nothing.
    UrlSpeedup(f64),
}

/// `is_uri` against the strict RFC 3986 parsers (fluent-uri, iri-string) and the
/// WHATWG one (url): one URI of each class, all of them in turn, and the URIs this
/// API's clients meet.
fn print_uri_comparison() {
    use iri_string::spec::UriSpec;
    let fluent = |u: &str| fluent_uri::Uri::parse(u).is_ok();
    let iri = |u: &str| iri_string::validate::iri::<UriSpec>(u).is_ok();
    let whatwg = |u: &str| url::Url::parse(u).is_ok();
    let classes: Vec<&str> = data::URI_CLASSES.iter().map(|(_, uri)| *uri).collect();
    for uri in classes.iter().chain(data::URIS) {
        assert!(modelbuild::rules::is_uri(uri) && fluent(uri) && iri(uri), "{uri}");
    }
    println!();
    println!(
        "| URI | is_uri | fluent-uri 0.4 | iri-string 0.7 | url 2 | is_uri / fluent-uri | target | allocations per call (is_uri / fluent-uri / iri-string / url) |"
    );
    println!("|---|---:|---:|---:|---:|---:|---|---|");
    let row = |name: &str, inputs: &[&str], target: UriTarget| {
        let [ours, f, i, w] = measure([
            cycle(inputs, |u| modelbuild::rules::is_uri(u)),
            cycle(inputs, |u| fluent(u)),
            cycle(inputs, |u| iri(u)),
            // url rejects IPvFuture hosts: its time is then the time to say no.
            cycle(inputs, |u| whatwg(u)),
        ]);
        let ratio = harness::ratio(&ours, &f);
        let verdict = match target {
            UriTarget::FasterThanFluent if ratio < 1.0 => "faster: met".to_owned(),
            UriTarget::FasterThanFluent => "faster: MISSED".to_owned(),
            UriTarget::FluentRatio(ceiling) => harness::verdict(ratio, ceiling),
            UriTarget::UrlSpeedup(floor) => {
                let speedup = harness::ratio(&w, &ours);
                let met = speedup >= floor && ours.allocations == 0.0;
                let outcome = if met { "met" } else { "MISSED" };
                format!("{speedup:.1}× faster than url (≥ {floor}×, no allocation): {outcome}")
            }
        };
        let url_note = if inputs.iter().all(|u| whatwg(u)) {
            ""
        } else {
            " (rejects)"
        };
        println!(
            "| {name} | {:.1} ns | {:.1} ns | {:.1} ns | {:.1} ns{url_note} | {ratio:.2}× | {verdict} | {} / {} / {} / {} |",
            ours.median_ns, f.median_ns, i.median_ns, w.median_ns, ours.allocations, f.allocations, i.allocations, w.allocations,
        );
    };
    for (class, uri) in data::URI_CLASSES {
        row(class, &[uri], UriTarget::FasterThanFluent);
    }
    let all = format!("all {}, in turn, per URI", classes.len());
    row(&all, &classes, UriTarget::FluentRatio(0.5));
    let clients = format!("the {} URIs of this API's clients, per URI", data::URIS.len());
    row(&clients, data::URIS, UriTarget::UrlSpeedup(5.0));
}
