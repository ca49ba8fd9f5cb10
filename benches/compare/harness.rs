//! A small timing harness: calibrate each implementation's batch to a few
//! milliseconds, then time the implementations of one row interleaved, a batch of
//! each in turn per sample; report each one's median time per call, its allocations
//! per call, and ratios taken sample by sample.
//!
//! Why interleaved: on a shared host, noise comes in bursts that last seconds. Timed
//! one after the other, a burst lands on one implementation and not its peer, and the
//! ratio swings from run to run. Timed in turn, every sample of every implementation
//! sees the same machine within a few milliseconds, so a burst slows them alike.

use std::hint::black_box;
use std::time::{Duration, Instant};

use crate::counting_alloc::allocations;

/// One implementation's figures for one row.
pub struct Figures {
    pub median_ns: f64,
    pub allocations: f64,
    /// Time per call of each sample, in sample order: sample `i` of every
    /// implementation of a row was taken at the same moment.
    samples: Vec<f64>,
}

/// One implementation, warmed up, its allocations counted, its batch calibrated;
/// ready to be timed by [`measure`].
pub struct Subject<'a> {
    /// Times one batch. Boxed so that one row's implementations, each its own closure
    /// type, can be timed in turn; the call through the box is one per batch, and
    /// inside it `op` is called directly, in a loop the compiler sees whole.
    run_batch: Box<dyn FnMut() -> Duration + 'a>,
    batch: u64,
    allocations: f64,
}

const SAMPLES: usize = 31;
const BATCH_TIME: Duration = Duration::from_millis(3);

/// How a ratio stands against its ceiling: `≤ 0.5× met` or `≤ 0.5× MISSED`.
pub fn verdict(ratio: f64, ceiling: f64) -> String {
    let outcome = if ratio <= ceiling { "met" } else { "MISSED" };
    format!("≤ {ceiling}× {outcome}")
}

/// Prepares `op`, which is called once per operation, for [`measure`].
pub fn subject<'a, R: 'a>(mut op: impl FnMut() -> R + 'a) -> Subject<'a> {
    // Warm up: lazily built state (compiled regexes) is not part of a call's cost.
    for _ in 0..1_000 {
        black_box(op());
    }
    // Counted here, outside any timed loop, so the count costs the timings nothing.
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
    Subject {
        run_batch: Box::new(move || time(&mut op, batch)),
        batch,
        allocations,
    }
}

/// Times the implementations of one row interleaved: each sample times one batch of
/// each, starting one further along each time so that none always goes first (the one
/// after a switch may pay for caches the others evicted).
pub fn measure<const N: usize>(mut subjects: [Subject<'_>; N]) -> [Figures; N] {
    let mut samples = [(); N].map(|()| Vec::with_capacity(SAMPLES));
    for sample in 0..SAMPLES {
        for turn in 0..N {
            let i = (sample + turn) % N;
            let subject = &mut subjects[i];
            let elapsed = (subject.run_batch)();
            samples[i].push(elapsed.as_nanos() as f64 / subject.batch as f64);
        }
    }
    let mut subjects = subjects.into_iter();
    samples.map(|samples| Figures {
        median_ns: median(samples.clone()),
        allocations: subjects.next().unwrap().allocations,
        samples,
    })
}

/// `ours`'s time over `theirs`'s: the median of the per-sample ratios. Each ratio
/// compares two batches timed milliseconds apart, so noise that slows both cancels
/// out of it, and the median drops the samples that noise hit between the two.
pub fn ratio(ours: &Figures, theirs: &Figures) -> f64 {
    let ratios = (ours.samples.iter().zip(&theirs.samples)).map(|(o, t)| o / t);
    median(ratios.collect())
}

/// Of `peers`, the one with the least median time.
pub fn fastest<'a>(peers: impl IntoIterator<Item = &'a Figures>) -> &'a Figures {
    (peers.into_iter())
        .min_by(|a, b| a.median_ns.total_cmp(&b.median_ns))
        .expect("at least one peer")
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn time<R>(op: &mut impl FnMut() -> R, batch: u64) -> Duration {
    let start = Instant::now();
    for _ in 0..batch {
        black_box(op());
    }
    start.elapsed()
}
