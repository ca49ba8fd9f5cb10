//! How validation time grows with input size: 1 KB, 100 KB and 10 MB inputs for each
//! place a large string can reach. Linear growth shows as a flat ns/byte column.
//!
//! Run with `cargo bench -p modelbuild-benches --bench scaling`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use modelbuild::rules::{has_length, is_uri, LengthUnit};
use modelbuild::{CreateModelBuild, ModelBuild, Validate};

const SIZES: [(usize, &str); 3] = [(1 << 10, "1 KB"), (100 << 10, "100 KB"), (10 << 20, "10 MB")];

/// The median time of one call, from enough calls to fill about a quarter second.
fn median_ns(mut op: impl FnMut() -> bool) -> f64 {
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < 5 || (start.elapsed() < Duration::from_millis(250) && times.len() < 1001) {
        let call = Instant::now();
        black_box(op());
        times.push(call.elapsed().as_nanos() as f64);
    }
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

struct Case {
    name: &'static str,
    run: fn(&Input) -> bool,
}

/// The inputs of one size, built before timing.
struct Input {
    uri: String,
    accented: String,
    build: ModelBuild,
    form: Vec<u8>,
    json: Vec<u8>,
}

impl Input {
    fn new(bytes: usize) -> Input {
        let accented = "é".repeat(bytes / 2);
        let build = ModelBuild {
            unique_name: Some(accented.clone()),
            url: Some(format!("https://autopilot.twilio.com/{}", "a".repeat(bytes))),
            sid: Some("UG".repeat(bytes / 2)),
            ..ModelBuild::default()
        };
        Input {
            uri: format!("https://example.com/{}", "a/b".repeat(bytes / 3)),
            form: format!("UniqueName={}", "%C3%A9".repeat(bytes / 6)).into_bytes(),
            json: serde_json::to_vec(&build).unwrap(),
            accented,
            build,
        }
    }
}

const CASES: &[Case] = &[
    Case {
        name: "is_uri, valid (whole string scanned)",
        run: |i| is_uri(&i.uri),
    },
    Case {
        name: "length in chars, counted (min = byte length)",
        run: |i| has_length(&i.accented, LengthUnit::Chars, Some(i.accented.len()), None),
    },
    Case {
        name: "length in UTF-16 units, counted",
        run: |i| has_length(&i.accented, LengthUnit::Utf16, Some(i.accented.len()), None),
    },
    Case {
        name: "ModelBuild::validate, huge url, name and sid",
        run: |i| i.build.validate().is_ok(),
    },
    Case {
        name: "form decode of a create body",
        run: |i| CreateModelBuild::from_form(&i.form).is_ok(),
    },
    Case {
        name: "JSON parse + validate of a ModelBuild",
        run: |i| {
            serde_json::from_slice::<ModelBuild>(&i.json)
                .map(|b| b.validate().is_ok())
                .unwrap_or(false)
        },
    },
];

fn main() {
    let inputs: Vec<(usize, &str, Input)> = SIZES
        .iter()
        .map(|&(n, label)| (n, label, Input::new(n)))
        .collect();
    print!("| case |");
    for (_, label, _) in &inputs {
        print!(" {label} | ns/byte |");
    }
    println!("\n|---|{}", "---:|---:|".repeat(inputs.len()));
    for case in CASES {
        print!("| {} |", case.name);
        for (bytes, _, input) in &inputs {
            let ns = median_ns(|| (case.run)(input));
            print!(" {} | {:.2} |", human(ns), ns / *bytes as f64);
        }
        println!();
    }
}

fn human(ns: f64) -> String {
    match ns {
        ns if ns >= 1e6 => format!("{:.2} ms", ns / 1e6),
        ns if ns >= 1e3 => format!("{:.2} µs", ns / 1e3),
        ns => format!("{ns:.0} ns"),
    }
}
