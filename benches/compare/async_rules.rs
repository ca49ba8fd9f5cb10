//! Async rules against sync ones: a valid ModelBuild whose one extra rule is async,
//! its future ready at once (a cache hit, a lookup answered from memory), against the
//! same type with that rule sync. What is measured is the machinery: the walk, the
//! future made, the join and the wait (target ≤ 2×, and no allocation). Also a page of
//! 100 builds, each with its rule, where the futures of a collection are boxed.

use std::future::Future;
use std::hint::black_box;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use modelbuild::{ModelBuild, RuleError, Validate, ValidateAsync};

use crate::data::{self, Rng};
use crate::harness::{measure, ratio, subject, verdict, Figures};

/// The lookup: is the build's assistant one we know? Answered at once.
fn known(assistant_sid: Option<&str>) -> Result<(), RuleError> {
    match assistant_sid {
        Some(sid) if sid.ends_with("ffff") => Err(RuleError::new("unknown_assistant", "is not one of ours")),
        _ => Ok(()),
    }
}

fn known_sync(checked: &SyncBuild) -> Result<(), RuleError> {
    known(checked.build.assistant_sid.as_deref())
}

async fn known_async(checked: &AsyncBuild) -> Result<(), RuleError> {
    known(checked.build.assistant_sid.as_deref())
}

#[derive(Validate)]
#[validate(custom = known_sync)]
struct SyncBuild {
    #[validate(nested)]
    build: ModelBuild,
}

#[derive(Validate)]
#[validate(custom(function = known_async, async))]
struct AsyncBuild {
    #[validate(nested)]
    build: ModelBuild,
}

#[derive(Validate)]
struct SyncPage {
    #[validate(nested)]
    builds: Vec<SyncBuild>,
}

#[derive(Validate)]
#[validate(async)]
struct AsyncPage {
    #[validate(nested)]
    builds: Vec<AsyncBuild>,
}

/// Polls `future` once: every rule here is ready at once, so once is enough, and no
/// executor's own cost is measured.
fn now<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => output,
        Poll::Pending => unreachable!("every rule of the bench is ready at once"),
    }
}

pub struct AsyncRow {
    name: &'static str,
    asynchronous: Figures,
    synchronous: Figures,
    target: Option<f64>,
}

pub fn rows() -> Vec<AsyncRow> {
    let mut rng = Rng::new(0xa5c);
    let build = data::valid_build(&mut rng);
    let one_sync = SyncBuild { build: build.clone() };
    let one_async = AsyncBuild { build };
    assert!(one_sync.validate().is_ok() && now(one_async.validate_async()).is_ok());
    let [asynchronous, synchronous] = measure([
        subject(|| now(black_box(&one_async).validate_async()).is_ok()),
        subject(|| black_box(&one_sync).validate().is_ok()),
    ]);
    let mut rows = vec![AsyncRow {
        name: "valid ModelBuild, one async rule ready at once",
        asynchronous,
        synchronous,
        target: Some(2.0),
    }];

    let builds: Vec<ModelBuild> = (0..100).map(|_| data::valid_build(&mut rng)).collect();
    let page_sync = SyncPage {
        builds: builds
            .iter()
            .map(|build| SyncBuild { build: build.clone() })
            .collect(),
    };
    let page_async = AsyncPage {
        builds: builds.into_iter().map(|build| AsyncBuild { build }).collect(),
    };
    assert!(page_sync.validate().is_ok() && now(page_async.validate_async()).is_ok());
    let [asynchronous, synchronous] = measure([
        subject(|| now(black_box(&page_async).validate_async()).is_ok()),
        subject(|| black_box(&page_sync).validate().is_ok()),
    ]);
    rows.push(AsyncRow {
        name: "page of 100 valid ModelBuilds, each with its async rule",
        asynchronous,
        synchronous,
        target: None,
    });
    rows
}

pub fn print(rows: &[AsyncRow]) {
    println!();
    println!("| input | validate_async() | the same rule sync, validate() | async / sync | target | allocations per call (async / sync) |");
    println!("|---|---:|---:|---:|---|---|");
    for row in rows {
        let ratio = ratio(&row.asynchronous, &row.synchronous);
        let target = row
            .target
            .map_or_else(|| "—".to_owned(), |ceiling| verdict(ratio, ceiling));
        println!(
            "| {} | {:.1} ns | {:.1} ns | {ratio:.2}× | {target} | {} / {} |",
            row.name,
            row.asynchronous.median_ns,
            row.synchronous.median_ns,
            row.asynchronous.allocations,
            row.synchronous.allocations,
        );
    }
}
