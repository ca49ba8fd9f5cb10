//! Reporting an error must not cost stack per level of nesting: a chain of `nested`
//! boxes that validates at some depth on a 2 MiB thread must still validate, with an
//! error at the bottom, at nine tenths of that depth.
//!
//! A stack overflow aborts the process, so each depth is tried in a child process:
//! this test binary run again with
//! `MODELBUILD_STACK_PROBE=<range|length>:<valid|error>:<depth>`.

use std::process::Command;

use modelbuild::Validate;

#[derive(Validate)]
struct Link {
    #[validate(range(min = 0))]
    weight: i64,
    #[validate(nested)]
    next: Option<Box<Link>>,
}

/// The same chain with a `length` rule, whose entry is inlined into the derived code
/// (`range`'s is not): what that costs each level's frame shows here.
#[derive(Validate)]
struct Labelled {
    #[validate(length(max = 1))]
    label: String,
    #[validate(nested)]
    next: Option<Box<Labelled>>,
}

/// A link of a chain: its rule broken or not, and what follows it.
trait Chain: Validate + Sized {
    fn link(broken: bool, next: Option<Box<Self>>) -> Self;
    fn take_next(&mut self) -> Option<Box<Self>>;
}

impl Chain for Link {
    fn link(broken: bool, next: Option<Box<Self>>) -> Self {
        let weight = if broken { -1 } else { 1 };
        Link { weight, next }
    }

    fn take_next(&mut self) -> Option<Box<Self>> {
        self.next.take()
    }
}

impl Chain for Labelled {
    fn link(broken: bool, next: Option<Box<Self>>) -> Self {
        let label = if broken { "too long" } else { "x" };
        Labelled {
            label: label.to_owned(),
            next,
        }
    }

    fn take_next(&mut self) -> Option<Box<Self>> {
        self.next.take()
    }
}

/// A chain `depth` links long whose last link breaks its rule when `broken`.
fn chain<C: Chain>(depth: usize, broken: bool) -> C {
    let mut link = C::link(broken, None);
    for _ in 1..depth {
        link = C::link(false, Some(Box::new(link)));
    }
    link
}

/// Drops the chain link by link: the derived drop would recurse once per link.
fn unchain<C: Chain>(mut link: C) {
    while let Some(next) = link.take_next() {
        link = *next;
    }
}

const PROBE: &str = "MODELBUILD_STACK_PROBE";
const STACK: usize = 2 << 20;

/// The child's work: validates a chain on a 2 MiB thread and exits 0 when it fits.
fn probe(spec: &str) {
    let mut parts = spec.split(':');
    let (shape, kind, depth) = (parts.next(), parts.next(), parts.next());
    let depth: usize = depth.expect("shape:kind:depth").parse().expect("a depth");
    let error = kind == Some("error");
    match shape {
        Some("range") => probe_chain::<Link>(depth, error),
        Some("length") => probe_chain::<Labelled>(depth, error),
        other => panic!("no chain of shape {other:?}"),
    }
}

fn probe_chain<C: Chain + Send + 'static>(depth: usize, error: bool) {
    let value = chain::<C>(depth, error);
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
fn fits(shape: &str, kind: &str, depth: usize) -> bool {
    let status = Command::new(std::env::current_exe().expect("the test binary"))
        .args([
            "--exact",
            "deep_errors_need_no_more_stack_than_deep_valid_data",
            "--nocapture",
        ])
        .env(PROBE, format!("{shape}:{kind}:{depth}"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("the child runs");
    status.success()
}

/// The greatest depth in `1..limit` that fits, by bisection (fitting is monotonic).
fn deepest(shape: &str, kind: &str, limit: usize) -> usize {
    let (mut fits_at, mut fails_at) = (1, limit);
    assert!(
        fits(shape, kind, fits_at),
        "{shape} {kind}: a chain of one link must fit"
    );
    while fails_at - fits_at > 1 {
        let middle = fits_at + (fails_at - fits_at) / 2;
        match fits(shape, kind, middle) {
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
    for shape in ["range", "length"] {
        let valid = deepest(shape, "valid", LIMIT);
        assert!(
            valid < LIMIT - 1,
            "{shape}: no overflow below {LIMIT}: the probe measures nothing"
        );
        let error = deepest(shape, "error", LIMIT);
        println!(
            "deepest chain with a {shape} rule on a 2 MiB thread: {valid} valid, {error} with an error at the bottom"
        );
        assert!(
            error as f64 >= 0.9 * valid as f64,
            "{shape}: an error at the bottom: {error} links, valid data: {valid}"
        );
    }
}
