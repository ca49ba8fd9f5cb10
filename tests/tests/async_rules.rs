//! Async rules (`custom(function = f, async)`) through the public API: the order they
//! run in, what they are skipped for, the order of their errors, how many run at once,
//! cancellation, and the executors they run under.

use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::pin::{pin, Pin};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

use modelbuild::{RuleError, Valid, Validate, ValidateAsync, ValidationErrors};

/// What the rules look things up in, and what the tests read afterwards: the names
/// taken, every call in order, and how many lookups ran at once at most.
#[derive(Default)]
struct Directory {
    taken: Vec<&'static str>,
    /// How many times each lookup gives way before it answers, as one waiting on a
    /// database would.
    waits: usize,
    calls: Mutex<Vec<String>>,
    running: AtomicUsize,
    peak: AtomicUsize,
    finished: AtomicUsize,
    dropped: AtomicUsize,
}

impl Directory {
    fn taking(taken: &[&'static str]) -> Directory {
        Directory {
            taken: taken.to_vec(),
            waits: 3,
            ..Directory::default()
        }
    }

    fn log(&self, call: String) {
        self.calls.lock().unwrap().push(call);
    }

    fn calls(&self) -> Vec<String> {
        self.calls.lock().unwrap().clone()
    }

    fn peak(&self) -> usize {
        self.peak.load(Ordering::SeqCst)
    }

    /// An async lookup of `name`: logged, counted while it runs, and failed when taken.
    async fn lookup(&self, name: &str) -> Result<(), RuleError> {
        self.log(format!("async {name}"));
        let _running = Running::enter(self);
        GiveWay(self.waits).await;
        self.finished.fetch_add(1, Ordering::SeqCst);
        match self.taken.contains(&name) {
            true => Err(RuleError::new("taken", "is taken").with_param("name", name.to_owned())),
            false => Ok(()),
        }
    }
}

/// A lookup in progress: counted in `running` until it is dropped, finished or not.
struct Running<'d>(&'d Directory);

impl<'d> Running<'d> {
    fn enter(directory: &'d Directory) -> Self {
        let now = directory.running.fetch_add(1, Ordering::SeqCst) + 1;
        directory.peak.fetch_max(now, Ordering::SeqCst);
        Running(directory)
    }
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.running.fetch_sub(1, Ordering::SeqCst);
        self.0.dropped.fetch_add(1, Ordering::SeqCst);
    }
}

/// Pending `n` times, waking its task each time: a lookup that is not ready at once.
struct GiveWay(usize);

impl Future for GiveWay {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 == 0 {
            return Poll::Ready(());
        }
        self.0 -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

/// The plainest executor: polls on this thread, parks between wake-ups.
fn block_on<F: Future>(future: F) -> F::Output {
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut future = pin!(future);
    loop {
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(output) => return output,
            Poll::Pending => std::thread::park(),
        }
    }
}

fn paths(errors: &ValidationErrors) -> Vec<String> {
    errors
        .iter()
        .map(|error| format!("{} {}", error.path(), error.code()))
        .collect()
}

async fn unique(name: &str, directory: &Directory) -> Result<(), RuleError> {
    directory.lookup(name).await
}

fn no_spaces(name: &str, directory: &Directory) -> Result<(), RuleError> {
    directory.log(format!("sync {name}"));
    match name.contains(' ') {
        true => Err(RuleError::new("spaces", "has spaces")),
        false => Ok(()),
    }
}

async fn invited(signup: &Signup, directory: &Directory) -> Result<(), RuleError> {
    directory.log("async signup".to_owned());
    match signup.invite.as_deref() {
        Some("welcome") => Ok(()),
        _ => Err(RuleError::new("not_invited", "needs an invitation").at("invite")),
    }
}

#[derive(Debug, Validate, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[validate(context = Directory, custom(function = invited, async))]
struct Signup {
    #[validate(length(max = 12), custom = no_spaces, custom(function = unique, async))]
    user_name: String,
    #[validate(length(max = 12), custom = no_spaces, custom(function = unique, async))]
    display_name: String,
    #[validate(length(min = 1))]
    invite: Option<String>,
}

fn signup(user_name: &str, display_name: &str) -> Signup {
    Signup {
        user_name: user_name.into(),
        display_name: display_name.into(),
        invite: Some("welcome".into()),
    }
}

#[test]
fn every_sync_rule_runs_before_any_async_rule() {
    let directory = Directory::taking(&[]);
    block_on(signup("ada", "lovelace").validate_async_with(&directory)).unwrap();
    assert_eq!(
        directory.calls(),
        [
            "sync ada",
            "sync lovelace",
            "async ada",
            "async lovelace",
            "async signup"
        ]
    );
}

#[test]
fn no_lookup_for_a_value_that_failed_its_sync_rules() {
    let directory = Directory::taking(&[]);
    let errors =
        block_on(signup("ada lovelace", "a much too long name").validate_async_with(&directory)).unwrap_err();
    assert_eq!(
        paths(&errors),
        ["userName spaces", "displayName length", "displayName spaces"]
    );
    // Every sync rule ran; no lookup did, and the rule on the whole value did not
    // either: fields failed.
    assert_eq!(
        directory.calls(),
        ["sync ada lovelace", "sync a much too long name"]
    );
}

#[test]
fn a_rule_on_the_whole_value_runs_when_no_field_failed_and_names_its_field() {
    let directory = Directory::taking(&[]);
    let mut uninvited = signup("ada", "lovelace");
    uninvited.invite = Some("hello".into());
    let errors = block_on(uninvited.validate_async_with(&directory)).unwrap_err();
    assert_eq!(paths(&errors), ["invite not_invited"]);
    assert_eq!(errors.iter().next().unwrap().path().to_json_pointer(), "/invite");

    // A lookup failed but no sync rule did: the rule on the whole value still runs.
    let directory = Directory::taking(&["ada"]);
    let errors = block_on(uninvited.validate_async_with(&directory)).unwrap_err();
    assert_eq!(paths(&errors), ["userName taken", "invite not_invited"]);
}

#[test]
fn a_taken_name_is_reported_with_its_rule_params_and_message() {
    let directory = Directory::taking(&["ada"]);
    let errors = block_on(signup("ada", "lovelace").validate_async_with(&directory)).unwrap_err();
    let json = serde_json::to_value(&errors).unwrap();
    assert_eq!(
        json,
        serde_json::json!([{
            "path": "userName",
            "pointer": "/userName",
            "code": "taken",
            "message": "is taken",
            "params": { "name": "ada" }
        }])
    );
}

// The same rules, sync and async: the errors must come out alike.
fn free(name: &str) -> Result<(), RuleError> {
    match name {
        "taken" => Err(RuleError::new("taken", "is taken")),
        _ => Ok(()),
    }
}

async fn free_later(name: &str) -> Result<(), RuleError> {
    GiveWay(2).await;
    free(name)
}

fn both_free(pair: &SyncTeam) -> Result<(), RuleError> {
    match pair.lead == pair.second {
        true => Err(RuleError::new("same", "lead and second are the same").at("second")),
        false => Ok(()),
    }
}

async fn both_free_later(pair: &AsyncTeam) -> Result<(), RuleError> {
    match pair.lead == pair.second {
        true => Err(RuleError::new("same", "lead and second are the same").at("second")),
        false => Ok(()),
    }
}

#[derive(Validate)]
#[validate(custom = both_free)]
struct SyncTeam {
    #[validate(length(max = 5))]
    name: String,
    #[validate(custom = free)]
    lead: String,
    #[validate(length(max = 5), custom = free)]
    second: String,
    #[validate(each(length(max = 5), custom = free))]
    members: Vec<String>,
    #[validate(keys(custom = free))]
    roles: BTreeMap<String, u8>,
    #[validate(nested)]
    sub: Vec<SyncTeam>,
}

#[derive(Validate)]
#[validate(custom(function = both_free_later, async))]
struct AsyncTeam {
    #[validate(length(max = 5))]
    name: String,
    #[validate(custom(function = free_later, async))]
    lead: String,
    #[validate(length(max = 5), custom(function = free_later, async))]
    second: String,
    #[validate(each(length(max = 5), custom(function = free_later, async)))]
    members: Vec<String>,
    #[validate(keys(custom(function = free_later, async)))]
    roles: BTreeMap<String, u8>,
    #[validate(nested)]
    sub: Vec<AsyncTeam>,
}

fn teams(
    name: &str,
    lead: &str,
    second: &str,
    members: &[&str],
    roles: &[&str],
    sub: Vec<(SyncTeam, AsyncTeam)>,
) -> (SyncTeam, AsyncTeam) {
    let members: Vec<String> = members.iter().map(|m| m.to_string()).collect();
    let roles: BTreeMap<String, u8> = roles.iter().map(|r| (r.to_string(), 1)).collect();
    let (sync_sub, async_sub) = sub.into_iter().unzip();
    (
        SyncTeam {
            name: name.into(),
            lead: lead.into(),
            second: second.into(),
            members: members.clone(),
            roles: roles.clone(),
            sub: sync_sub,
        },
        AsyncTeam {
            name: name.into(),
            lead: lead.into(),
            second: second.into(),
            members,
            roles,
            sub: async_sub,
        },
    )
}

/// The same checks, made sync and async, give the same list. (Except for a rule on the
/// whole value, which, async, is skipped when a field failed: no case here has both.)
#[test]
fn errors_come_out_in_field_order_exactly_like_sync_errors() {
    let cases = vec![
        teams("ok", "ada", "bob", &[], &[], vec![]),
        teams("too long", "taken", "bob", &[], &[], vec![]),
        teams(
            "ok",
            "taken",
            "bob",
            &["taken", "too long", "ok", "taken"],
            &["taken", "x"],
            vec![],
        ),
        teams("ok", "ada", "ada", &[], &[], vec![]),
        teams(
            "too long",
            "taken",
            "ok",
            &["taken"],
            &[],
            vec![
                teams("ok", "taken", "toolong", &["taken"], &["taken"], vec![]),
                teams("ok", "same", "same", &[], &[], vec![]),
                teams(
                    "ok",
                    "a",
                    "b",
                    &[],
                    &[],
                    vec![teams("x", "taken", "b", &[], &[], vec![])],
                ),
            ],
        ),
    ];
    for (sync, asynchronous) in cases {
        let expected = sync
            .validate()
            .map_err(|errors| serde_json::to_value(errors).unwrap());
        let got =
            block_on(asynchronous.validate_async()).map_err(|errors| serde_json::to_value(errors).unwrap());
        assert_eq!(got, expected);
    }
}

#[derive(Validate)]
#[validate(context = Directory)]
struct Batch {
    #[validate(each(custom(function = unique, async)))]
    names: Vec<String>,
    #[validate(nested)]
    signups: Vec<Signup>,
    #[validate(nested)]
    by_team: HashMap<String, Signup>,
}

fn batch(size: usize) -> Batch {
    Batch {
        names: (0..size).map(|n| format!("name{n}")).collect(),
        signups: (0..size)
            .map(|n| signup(&format!("u{n}"), &format!("d{n}")))
            .collect(),
        by_team: [("core".to_owned(), signup("lead", "the_lead"))].into(),
    }
}

#[test]
fn every_async_rule_of_the_value_runs_at_once_in_the_callers_task() {
    let directory = Directory::taking(&["name3", "u7", "lead"]);
    let value = batch(20);
    let errors = block_on(value.validate_async_with(&directory)).unwrap_err();
    // 20 names, 20 × 2 names in signups and the team's lead's 2: all waiting together.
    assert_eq!(directory.peak(), 20 + 40 + 2);
    assert_eq!(directory.finished.load(Ordering::SeqCst), 62);
    assert_eq!(
        paths(&errors),
        [
            "names[3] taken",
            "signups[7].userName taken",
            "by_team[core].userName taken"
        ]
    );
}

/// Waits `value % 10` polls, then fails a value of 100 or more: elements given fewer
/// waits finish before the ones ahead of them.
async fn settles(value: &u32) -> Result<(), RuleError> {
    GiveWay((*value % 10) as usize).await;
    match *value >= 100 {
        true => Err(RuleError::new("too_big", "is too big")),
        false => Ok(()),
    }
}

#[derive(Validate)]
#[validate(async)]
struct Readings {
    #[validate(each(range(max = 500), custom(function = settles, async)))]
    values: Vec<u32>,
}

#[test]
fn a_collections_errors_keep_its_order_whatever_order_its_rules_finish_in() {
    // 21 elements, later ones waiting less; failures on both sides of every eighth.
    let failing = [0, 7, 8, 15, 16, 20];
    let values = (0..21)
        .map(|index| match index {
            10 => 600,
            _ if failing.contains(&index) => 100 + (9 - index % 10),
            _ => 9 - index % 10,
        })
        .collect();
    let errors = block_on(Readings { values }.validate_async()).unwrap_err();
    assert_eq!(
        paths(&errors),
        [
            "values[0] too_big",
            "values[7] too_big",
            "values[8] too_big",
            "values[10] range",
            "values[15] too_big",
            "values[16] too_big",
            "values[20] too_big",
        ]
    );
}

#[test]
fn max_concurrency_bounds_how_many_run_at_once() {
    for limit in [1, 4, 25] {
        let directory = Directory::taking(&["name3", "u7"]);
        let errors = block_on(batch(20).validate_async_limited(&directory, limit)).unwrap_err();
        assert_eq!(directory.peak(), limit, "limit {limit}");
        assert_eq!(directory.finished.load(Ordering::SeqCst), 62);
        assert_eq!(paths(&errors), ["names[3] taken", "signups[7].userName taken"]);
    }
    // Zero is taken as one: a limit that let nothing run would never end.
    let directory = Directory::taking(&[]);
    block_on(batch(3).validate_async_limited(&directory, 0)).unwrap();
    assert_eq!(directory.peak(), 1);
}

#[test]
fn dropping_the_future_drops_every_lookup() {
    let directory = Directory::taking(&[]);
    let value = batch(10);
    {
        let mut future = pin!(value.validate_async_with(&directory));
        let mut cx = Context::from_waker(Waker::noop());
        assert!(future.as_mut().poll(&mut cx).is_pending());
        assert_eq!(directory.running.load(Ordering::SeqCst), 32);
    }
    assert_eq!(directory.running.load(Ordering::SeqCst), 0);
    assert_eq!(directory.dropped.load(Ordering::SeqCst), 32);
    assert_eq!(directory.finished.load(Ordering::SeqCst), 0);
}

async fn slow_unique(name: &str, directory: &Directory) -> Result<(), RuleError> {
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    directory.lookup(name).await
}

#[derive(Validate)]
#[validate(context = Directory)]
struct Slow {
    #[validate(each(custom(function = slow_unique, async)))]
    names: Vec<String>,
}

#[test]
fn runs_under_tokio_smol_and_a_plain_block_on() {
    let check = |errors: Result<(), ValidationErrors>| {
        assert_eq!(paths(&errors.unwrap_err()), ["names[1] taken"]);
    };
    let value = Slow {
        names: (0..50).map(|n| format!("name{n}")).collect(),
    };
    let directory = Directory::taking(&["name1"]);

    // Tokio's current-thread runtime, with its timer: 50 sleeps of 20 ms at once take
    // about 20 ms, not a second.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    check(runtime.block_on(value.validate_async_with(&directory)));
    assert!(
        started.elapsed() < std::time::Duration::from_millis(900),
        "the sleeps overlapped"
    );
    assert_eq!(directory.peak(), 50);

    // The multi-thread runtime: the future is `Send`, so it can be spawned.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_time()
        .build()
        .unwrap();
    let shared = Arc::new((value, Directory::taking(&["name1"])));
    let task = runtime.spawn({
        let shared = shared.clone();
        async move { shared.0.validate_async_with(&shared.1).await }
    });
    check(runtime.block_on(task).unwrap());

    // smol's executor (`smol::block_on` is this one) and the plainest one, with rules
    // that need no runtime.
    let directory = Directory::taking(&["name3"]);
    let batch = batch(5);
    let expected = ["names[3] taken"];
    assert_eq!(
        paths(&futures_lite::future::block_on(batch.validate_async_with(&directory)).unwrap_err()),
        expected
    );
    assert_eq!(
        paths(&block_on(batch.validate_async_with(&directory)).unwrap_err()),
        expected
    );
}

// Enums, options, boxes, keys and recursion.
async fn not_admin(name: &str) -> Result<(), RuleError> {
    GiveWay(1).await;
    match name {
        "admin" => Err(RuleError::new("reserved", "is reserved")),
        _ => Ok(()),
    }
}

#[derive(Debug, Validate, serde::Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Owner {
    User {
        #[validate(length(max = 8), custom(function = not_admin, async))]
        name: String,
    },
    Team {
        #[validate(keys(custom(function = not_admin, async)))]
        members: HashMap<String, u8>,
    },
    Nobody,
}

#[derive(Debug, Validate)]
#[validate(async)]
struct Folder {
    #[validate(length(max = 8))]
    name: String,
    #[validate(nested)]
    owner: Option<Owner>,
    #[validate(nested)]
    children: Vec<Folder>,
    #[validate(nested)]
    parent: Option<Box<Folder>>,
}

fn folder(name: &str, owner: Option<Owner>) -> Folder {
    Folder {
        name: name.into(),
        owner,
        children: Vec::new(),
        parent: None,
    }
}

#[test]
fn enums_options_boxes_and_recursive_types_are_walked() {
    let user = |name: &str| Some(Owner::User { name: name.into() });
    let mut root = folder("root", user("ann"));
    root.children = vec![
        folder("docs", user("admin")),
        folder("a very long name", user("admin")),
        folder(
            "team",
            Some(Owner::Team {
                members: [("admin".to_owned(), 1)].into(),
            }),
        ),
        folder("empty", Some(Owner::Nobody)),
        folder("none", None),
    ];
    root.parent = Some(Box::new(folder("up", user("admin"))));
    let errors = block_on(root.validate_async()).unwrap_err();
    assert_eq!(
        paths(&errors),
        [
            "children[0].owner.name reserved",
            "children[1].name length",
            "children[1].owner.name reserved",
            "children[2].owner.members[admin] reserved",
            "parent.owner.name reserved",
        ]
    );
    block_on(folder("ok", user("ann")).validate_async()).unwrap();
}

// A rule on a whole enum value, deep in a collection: its errors at the value, or at
// the field of the variant they name, exactly where its sync twin puts them.
fn payment_refused(payment: PaymentRef<'_>) -> Result<(), RuleError> {
    match payment {
        PaymentRef::Card("0000") => Err(RuleError::new("unknown_card", "is not a card we know").at("number")),
        PaymentRef::Cash => Err(RuleError::new("no_cash", "is not taken")),
        PaymentRef::Card(_) => Ok(()),
    }
}

enum PaymentRef<'p> {
    Card(&'p str),
    Cash,
}

async fn known_payment(payment: &Payment) -> Result<(), RuleError> {
    GiveWay(1).await;
    payment_refused(match payment {
        Payment::Card { number } => PaymentRef::Card(number),
        Payment::Cash => PaymentRef::Cash,
    })
}

fn known_payment_now(payment: &SyncPayment) -> Result<(), RuleError> {
    payment_refused(match payment {
        SyncPayment::Card { number } => PaymentRef::Card(number),
        SyncPayment::Cash => PaymentRef::Cash,
    })
}

#[derive(Validate)]
#[validate(custom(function = known_payment, async))]
enum Payment {
    Card {
        #[validate(length(min = 4))]
        number: String,
    },
    Cash,
}

#[derive(Validate)]
#[validate(custom = known_payment_now)]
enum SyncPayment {
    Card {
        #[validate(length(min = 4))]
        number: String,
    },
    Cash,
}

#[derive(Validate)]
#[validate(async)]
struct Order {
    #[validate(nested)]
    payments: BTreeMap<String, Vec<Payment>>,
}

#[derive(Validate)]
struct SyncOrder {
    #[validate(nested)]
    payments: BTreeMap<String, Vec<SyncPayment>>,
}

#[test]
fn a_rule_on_a_whole_enum_value_reports_where_its_sync_twin_does() {
    // A card's number, or cash.
    let paid = [Some("1234"), Some("0000"), Some("12"), None, Some("0000")];
    let order = Order {
        payments: [(
            "may".to_owned(),
            paid.iter().map(|paid| match paid {
                Some(number) => Payment::Card {
                    number: (*number).into(),
                },
                None => Payment::Cash,
            }),
        )]
        .into_iter()
        .map(|(month, payments)| (month, payments.collect()))
        .collect(),
    };
    let twin = SyncOrder {
        payments: [(
            "may".to_owned(),
            paid.iter().map(|paid| match paid {
                Some(number) => SyncPayment::Card {
                    number: (*number).into(),
                },
                None => SyncPayment::Cash,
            }),
        )]
        .into_iter()
        .map(|(month, payments)| (month, payments.collect()))
        .collect(),
    };
    let found = block_on(order.validate_async()).unwrap_err();
    let expected = twin.validate().unwrap_err();
    assert_eq!(paths(&found), paths(&expected));
    assert_eq!(
        paths(&found),
        [
            "payments[may][1].Card.number unknown_card",
            "payments[may][2].Card.number length",
            "payments[may][3] no_cash",
            "payments[may][4].Card.number unknown_card",
        ]
    );
}

// Arguments, code and message on an async rule; several errors from one.
async fn not_in(name: &str, banned: &[&str]) -> Result<(), Vec<RuleError>> {
    let errors: Vec<RuleError> = (banned.iter())
        .filter(|word| name.contains(**word))
        .map(|word| RuleError::new("banned", "contains a banned word").with_param("word", word.to_string()))
        .collect();
    match errors.is_empty() {
        true => Ok(()),
        false => Err(errors),
    }
}

const BANNED: &[&str] = &["foo", "bar"];

#[derive(Validate)]
struct Post {
    #[validate(custom(function = not_in, args(BANNED), async, code = "clean", message = "must be clean: {word}"))]
    title: String,
}

#[test]
fn async_rules_take_args_code_message_and_return_several_errors() {
    let errors = block_on(
        Post {
            title: "foobar".into(),
        }
        .validate_async(),
    )
    .unwrap_err();
    assert_eq!(
        errors.to_string(),
        "title: must be clean: foo\ntitle: must be clean: bar"
    );
    assert!(errors.iter().all(|error| error.code() == "clean"));
}

#[derive(Validate)]
struct Plain {
    #[validate(length(max = 3))]
    name: String,
}

fn short(name: &str, limit: &usize) -> Result<(), RuleError> {
    match name.len() <= *limit {
        true => Ok(()),
        false => Err(RuleError::new("short", "too long")),
    }
}

#[derive(Validate)]
#[validate(context = usize)]
struct PlainWith {
    #[validate(custom = short)]
    name: String,
}

#[test]
fn sync_types_are_validate_async_too_and_valid_has_async_constructors() {
    // Code written for async rules takes a type without any, checked at once.
    let errors = block_on(Plain { name: "long".into() }.validate_async()).unwrap_err();
    assert_eq!(paths(&errors), ["name length"]);
    let errors = block_on(PlainWith { name: "long".into() }.validate_async_with(&2)).unwrap_err();
    assert_eq!(paths(&errors), ["name short"]);

    let directory = Directory::taking(&["ada"]);
    let valid = block_on(Valid::new_async_with(signup("grace", "hopper"), &directory)).unwrap();
    assert_eq!(valid.user_name, "grace");
    let errors = block_on(Valid::new_async_with(signup("ada", "lovelace"), &directory)).unwrap_err();
    assert_eq!(paths(&errors), ["userName taken"]);
    let valid = block_on(Valid::new_async(folder("ok", None))).unwrap();
    assert_eq!(valid.name, "ok");
}

// Generic and borrowing types.
#[derive(Validate)]
#[validate(async)]
struct Page<T> {
    #[validate(nested)]
    items: Vec<T>,
    #[validate(range(max = 100))]
    size: u32,
}

#[derive(Validate)]
struct Borrowed<'a> {
    #[validate(custom(function = not_admin, async))]
    name: &'a str,
}

#[test]
fn generic_and_borrowing_types_have_async_rules_too() {
    let names = [String::from("ann"), String::from("admin")];
    let page = Page {
        items: names.iter().map(|name| Borrowed { name }).collect(),
        size: 500,
    };
    let errors = block_on(page.validate_async()).unwrap_err();
    assert_eq!(paths(&errors), ["items[1].name reserved", "size range"]);
}
