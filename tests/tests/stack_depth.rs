//! Reporting an error must not cost stack per level of nesting: a chain of `nested`
//! boxes that validates at some depth on a 2 MiB thread must still validate, with an
//! error at the bottom, at nine tenths of that depth.
//!
//! A stack overflow aborts the process, so each depth is tried in a child process:
//! this test binary run again with `MODELBUILD_STACK_PROBE=<valid|error>:<depth>`.

use std::process::Command;

use modelbuild::Validate;

#[derive(Validate)]
struct Link {
    #[validate(range(min = 0))]
    weight: i64,
    #[validate(nested)]
    next: Option<Box<Link>>,
}

/// A chain `depth` links long whose last link's weight is `bottom`.
fn chain(depth: usize, bottom: i64) -> Link {
    let mut link = Link {
        weight: bottom,
        next: None,
    };
    for _ in 1..depth {
        link = Link {
            weight: 1,
            next: Some(Box::new(link)),
        };
    }
    link
}

/// Drops the chain link by link: the derived drop would recurse once per link.
fn unchain(mut link: Link) {
    while let Some(next) = link.next.take() {
        link = *next;
    }
}

const PROBE: &str = "MODELBUILD_STACK_PROBE";
const STACK: usize = 2 << 20;

/// The child's work: validates a chain on a 2 MiB thread and exits 0 when it fits.
fn probe(spec: &str) {
    let (kind, depth) = spec.split_once(':').expect("kind:depth");
    let depth: usize = depth.parse().expect("a depth");
    let error = kind == "error";
    let bottom = if error { -1 } else { 1 };
    let value = chain(depth, bottom);
    let value = std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || {
            let result = value.validate();
            match (error, result) {
                (false, Ok(())) => {}
                (true, Err(errors)) => {
                    assert_eq!(errors.len(), 1);
                    let path = errors.iter().next().unwrap().path().to_string();
                    assert_eq!(path.matches("next").count(), depth - 1);
                }
                (error, result) => panic!("error at the bottom: {error}; unexpected {result:?}"),
            }
            value
        })
        .expect("a thread")
        .join()
        .expect("the probe's thread");
    unchain(value);
}

/// Whether a chain `depth` deep validates in a child process without overflowing.
fn fits(kind: &str, depth: usize) -> bool {
    let status = Command::new(std::env::current_exe().expect("the test binary"))
        .args([
            "--exact",
            "deep_errors_need_no_more_stack_than_deep_valid_data",
            "--nocapture",
        ])
        .env(PROBE, format!("{kind}:{depth}"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("the child runs");
    status.success()
}

/// The greatest depth in `1..limit` that fits, by bisection (fitting is monotonic).
fn deepest(kind: &str, limit: usize) -> usize {
    let (mut fits_at, mut fails_at) = (1, limit);
    assert!(fits(kind, fits_at), "{kind}: a chain of one link must fit");
    while fails_at - fits_at > 1 {
        let middle = fits_at + (fails_at - fits_at) / 2;
        match fits(kind, middle) {
            true => fits_at = middle,
            false => fails_at = middle,
        }
    }
    fits_at
}

#[test]
fn deep_errors_need_no_more_stack_than_deep_valid_data() {
    if let Ok(spec) = std::env::var(PROBE) {
        probe(&spec);
        return;
    }
    // A 2 MiB stack holds at most this many links of any frame size worth testing.
    const LIMIT: usize = 1 << 17;
    let valid = deepest("valid", LIMIT);
    assert!(
        valid < LIMIT - 1,
        "no overflow below {LIMIT}: the probe measures nothing"
    );
    let error = deepest("error", LIMIT);
    println!("deepest chain on a 2 MiB thread: {valid} valid, {error} with an error at the bottom");
    assert!(
        error as f64 >= 0.9 * valid as f64,
        "an error at the bottom: {error} links, valid data: {valid}"
    );
}
