//! A small timing harness: calibrate a batch to a few milliseconds, time many
//! batches, report the median time per call and the allocations per call.

use std::hint::black_box;
use std::time::{Duration, Instant};

use crate::counting_alloc::allocations;

/// One implementation's figures for one scenario.
#[derive(Clone, Copy)]
pub struct Figures {
    pub median_ns: f64,
    pub allocations: f64,
}

const SAMPLES: usize = 31;
const BATCH_TIME: Duration = Duration::from_millis(3);

/// How a ratio stands against its ceiling: `≤ 0.5× met` or `≤ 0.5× MISSED`.
pub fn verdict(ratio: f64, ceiling: f64) -> String {
    let outcome = if ratio <= ceiling { "met" } else { "MISSED" };
    format!("≤ {ceiling}× {outcome}")
}

/// Measures `op`, which is called once per operation.
pub fn measure<R>(mut op: impl FnMut() -> R) -> Figures {
    // Warm up: lazily built state (compiled regexes) is not part of a call's cost.
    for _ in 0..1_000 {
        black_box(op());
    }
    let before = allocations();
    const COUNTED: u64 = 1_000;
    for _ in 0..COUNTED {
        black_box(op());
    }
    let allocations = (allocations() - before) as f64 / COUNTED as f64;

    let mut batch = 1u64;
    while time(&mut op, batch) < BATCH_TIME {
        batch *= 2;
    }
    let mut per_op: Vec<f64> = (0..SAMPLES)
        .map(|_| time(&mut op, batch).as_nanos() as f64 / batch as f64)
        .collect();
    per_op.sort_by(f64::total_cmp);
    Figures {
        median_ns: per_op[SAMPLES / 2],
        allocations,
    }
}

fn time<R>(op: &mut impl FnMut() -> R, batch: u64) -> Duration {
    let start = Instant::now();
    for _ in 0..batch {
        black_box(op());
    }
    start.elapsed()
}
