//! Validating valid data allocates nothing; failures allocate only for their errors.
//!
//! The counting allocator forwards every call to the system allocator unchanged and
//! counts, per thread, how often `alloc` was called. That forwarding is the only
//! `unsafe` in the workspace, and it lives in this test binary alone.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use modelbuild::Validate;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every method forwards to `System` with the caller's own arguments.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_in(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[derive(Validate)]
struct Build {
    #[validate(sid(prefix = "UG"))]
    sid: Option<String>,
    #[validate(length(min = 1, max = 64))]
    unique_name: String,
    #[validate(uri(schemes = ["https"]))]
    url: String,
    #[validate(pattern = "^[a-z_]+$")]
    slug: String,
    #[validate(range(min = 0))]
    build_duration: Option<i64>,
    #[validate(required)]
    status: Option<String>,
    #[validate(nested)]
    steps: Vec<Step>,
}

#[derive(Validate)]
struct Step {
    #[validate(sid(prefix = "UA"))]
    assistant_sid: String,
}

fn build(sid: &str) -> Build {
    Build {
        sid: Some(sid.into()),
        unique_name: "nightly".into(),
        url: "https://autopilot.twilio.com/v1/Assistants".into(),
        slug: "model_build".into(),
        build_duration: Some(3),
        status: Some("completed".into()),
        steps: vec![
            Step {
                assistant_sid: "UA0123456789abcdef0123456789abcdef".into()
            };
            3
        ],
    }
}

impl Clone for Step {
    fn clone(&self) -> Self {
        Step {
            assistant_sid: self.assistant_sid.clone(),
        }
    }
}

#[test]
fn valid_data_costs_no_allocation_and_errors_cost_little() {
    let valid = build("UG0123456789abcdef0123456789ABCDEF");
    // The first call compiles the pattern once for its call site; after it, none.
    assert!(valid.validate().is_ok());
    assert_eq!(allocations_in(|| assert!(valid.validate().is_ok())), 0);

    let invalid = build("UG");
    // The first failure makes the call site's message once.
    assert_eq!(invalid.validate().unwrap_err().len(), 1);
    let count = allocations_in(|| assert_eq!(invalid.validate().unwrap_err().len(), 1));
    // Only the error vector: a top-level field's path is kept inline and the message
    // is the call site's, made once.
    assert_eq!(count, 1, "{count} allocations for one error");

    let mut nested = build("UG0123456789abcdef0123456789ABCDEF");
    nested.steps[1].assistant_sid = "UA".into();
    assert!(nested.validate().is_err());
    let count = allocations_in(|| assert_eq!(nested.validate().unwrap_err().len(), 1));
    // The vector and the nested path's segments.
    assert_eq!(count, 2, "{count} allocations for one nested error");
}

#[derive(Validate)]
struct Callback {
    #[validate(required)]
    status_callback: Option<String>,
    #[validate(uri(message = "is not a callback URL"))]
    fallback: String,
}

#[test]
fn required_and_plain_messages_cost_only_the_error_vector() {
    let invalid = Callback {
        status_callback: None,
        fallback: "/relative".into(),
    };
    // The first failure of each call site makes its report once.
    assert_eq!(invalid.validate().unwrap_err().len(), 2);
    let count = allocations_in(|| assert_eq!(invalid.validate().unwrap_err().len(), 2));
    assert_eq!(count, 1, "{count} allocations for two errors");
}

// Async rules: the walk, the futures it makes, the join and the wait allocate nothing
// for a value's own rules, its nested values and its variants; the user's futures
// (here, ready at once) are theirs.
async fn known(sid: &str) -> Result<(), modelbuild::RuleError> {
    match sid.ends_with("ff") {
        true => Err(modelbuild::RuleError::new("unknown", "is not a known assistant")),
        false => Ok(()),
    }
}

#[derive(Validate)]
#[validate(custom(function = whole_known, async))]
struct AsyncBuild {
    #[validate(nested)]
    build: Build,
    #[validate(sid(prefix = "UA"), custom(function = known, async))]
    assistant_sid: String,
    #[validate(nested)]
    target: Target,
}

async fn whole_known(build: &AsyncBuild) -> Result<(), modelbuild::RuleError> {
    known(&build.assistant_sid).await
}

#[derive(Validate)]
#[allow(dead_code)] // the variant without rules is there to be matched
enum Target {
    Assistant(#[validate(custom(function = known, async))] String),
    None,
}

/// A level of nesting: seven of them put a rule deeper than any path a future could
/// keep inline; each level keeps only the step it adds, made into a path on failure.
#[derive(Validate)]
#[validate(async)]
struct Level<T> {
    #[validate(nested)]
    inner: T,
}

#[derive(Validate)]
struct Leaf {
    #[validate(custom(function = known, async))]
    assistant_sid: String,
}

type Deep = Level<Level<Level<Level<Level<Level<Level<Leaf>>>>>>>;

fn deep(assistant_sid: &str) -> Deep {
    let leaf = Leaf {
        assistant_sid: assistant_sid.into(),
    };
    fn level<T>(inner: T) -> Level<T> {
        Level { inner }
    }
    level(level(level(level(level(level(level(leaf)))))))
}

/// A collection whose elements have async rules: their futures are pinned eight to a
/// box, in one list.
#[derive(Validate)]
#[validate(async)]
struct Sids {
    #[validate(each(custom(function = known, async)))]
    sids: Vec<String>,
}

fn poll_once<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(output) => output,
        std::task::Poll::Pending => panic!("every rule here is ready at once"),
    }
}

#[test]
fn async_rules_allocate_nothing_for_valid_data() {
    use modelbuild::ValidateAsync;
    let valid = AsyncBuild {
        build: build("UG0123456789abcdef0123456789ABCDEF"),
        assistant_sid: "UA0123456789abcdef0123456789abcdee".into(),
        target: Target::Assistant("UA0123456789abcdef0123456789abcdee".into()),
    };
    assert!(poll_once(valid.validate_async()).is_ok());
    assert_eq!(
        allocations_in(|| assert!(poll_once(valid.validate_async()).is_ok())),
        0
    );
    let limited = || assert!(poll_once(valid.validate_async_limited(&(), 1)).is_ok());
    assert_eq!(allocations_in(limited), 0);

    let deep_valid = deep("UA0123456789abcdef0123456789abcdee");
    assert!(poll_once(deep_valid.validate_async()).is_ok());
    assert_eq!(
        allocations_in(|| assert!(poll_once(deep_valid.validate_async()).is_ok())),
        0
    );
    // 24 elements: three boxes of eight, and the list of them (its first capacity, four).
    let sids = Sids {
        sids: vec!["UA0123456789abcdef0123456789abcdee".to_owned(); 24],
    };
    assert!(poll_once(sids.validate_async()).is_ok());
    assert_eq!(
        allocations_in(|| assert!(poll_once(sids.validate_async()).is_ok())),
        4
    );

    let errors = poll_once(deep("UA0123456789abcdef0123456789abcdff").validate_async()).unwrap_err();
    let path = errors
        .iter()
        .map(|error| error.path().to_string())
        .collect::<Vec<_>>();
    assert_eq!(path, ["inner.inner.inner.inner.inner.inner.inner.assistant_sid"]);
}

/// `json::from_slice` and `form::from_bytes` parse valid input once, as serde would:
/// no allocation beyond serde's own parse (the form's keys are matched borrowed).
#[test]
fn parsing_in_one_step_allocates_no_more_than_serde_on_valid_input() {
    use modelbuild::{CreateModelBuild, ModelBuild};
    let json = include_bytes!("../../examples/data/model_build.json");
    let ours = allocations_in(|| drop(modelbuild::json::from_slice::<ModelBuild>(json).unwrap()));
    let serdes = allocations_in(|| {
        let build: ModelBuild = serde_json::from_slice(json).unwrap();
        build.validate().unwrap();
    });
    assert!(
        ours <= serdes,
        "json: {ours} allocations against serde's {serdes}"
    );

    let form = b"StatusCallback=https%3A%2F%2Fexample.com%2Fstatus%3Fbuild%3Dnightly&UniqueName=nightly-42";
    let ours = allocations_in(|| drop(modelbuild::form::from_bytes::<CreateModelBuild>(form).unwrap()));
    let serdes = allocations_in(|| {
        let create: CreateModelBuild = serde_urlencoded::from_bytes(form).unwrap();
        create.validate().unwrap();
    });
    assert!(
        ours <= serdes,
        "form: {ours} allocations against serde_urlencoded's {serdes}"
    );
}
