//! A local emulator of Twilio's Autopilot v1 ModelBuild API, built on modelbuild's
//! types: `cargo run -p modelbuild-emulator -- --port 0`, or `cargo install --path
//! emulator` and `modelbuild-emulator --port 0`. As a library, it lets a test start
//! the emulator on an ephemeral port of its own ([`Emulator::bind`]).
//!
//! It serves the five operations at the definition's paths, behind HTTP Basic auth
//! (the account SID and its auth token), checks every input with modelbuild's types
//! (forms and queries decoded and validated in one step, every bad parameter named in
//! one error), answers with their JSON, and
//! fails as Twilio does: `20404` (404) for what does not exist, `20422` (400) for an
//! invalid parameter, `20003` (401) for missing or wrong credentials (every error is
//! listed below). A created build goes enqueued → building → completed, one step
//! apart, and its `StatusCallback` receives a form POST signed with the auth token
//! (`X-Twilio-Signature`) at each change.
//!
//! **The state lives in memory**: builds are lost when the emulator stops. The
//! emulator has no assistants of its own: any `UA` SID, or any unique name, names one.
//! Callbacks go over plain HTTP only.
//!
//! A build is addressed by its SID or its unique name; a unique name that looks like
//! a build SID (`UG` and 32 hexadecimal digits), or an empty one, is refused. Fetch,
//! update and delete cost the same however many builds there are, a page its size
//! (see [`Store`]); a page token names a position, so pages stay put when builds are
//! deleted.
//!
//! # Errors
//!
//! Every error is Twilio's body, `{code, message, more_info, status}`:
//!
//! | status | code | when |
//! |---|---|---|
//! | 400 | 20422 | an invalid parameter: form, query, rule, `StatusCallback` the emulator cannot send to (user information, a port outside 1–65535), a path with a bad percent-escape or not UTF-8 |
//! | 400 | 20400 | a request hyper cannot parse (request line, header syntax) |
//! | 401 | 20003 | missing or wrong credentials |
//! | 404 | 20404 | nothing at that path |
//! | 405 | 20004 | a method the path does not take; `Allow` lists those it does |
//! | 408 | 20408 | a request not complete within the request timeout |
//! | 413 | 20413 | a body over [`BODY_LIMIT`] |
//! | 414, 431 | 20414, 20431 | a request target or head too long (64 KiB for the head) |
//! | 415 | 20415 | a create or update body that is not a form (JSON, say) |
//! | 500 | 20500 | a bug: a handler panicked (the log says where) |
//!
//! The codes are Twilio's where it has one, otherwise 20000 plus the status, as
//! Twilio numbers its own. Echoed input (a key, a value, a path) is cut to 64
//! characters. hyper answers 400, 414 and 431 itself, before any handler runs, with
//! an empty body; the emulator rewrites that answer as it is written. A header
//! timeout is the one failure with no answer: the connection is closed.
//!
//! # Limits, timeouts and shutdown
//!
//! All in [`Config`], with flags of the binary:
//!
//! - **Connections**: at most [`Config::max_connections`] (512) are served at once.
//!   Past it the emulator stops accepting: new connections wait in the system's
//!   accept queue, holding none of the process's file descriptors, until one closes.
//!   An accept error (out of file descriptors, say) is logged and retried every
//!   100 ms; it never ends the process.
//! - **Header timeout** ([`Config::header_timeout`], 30 s): the time to send a
//!   request's line and headers, which is also how long a keep-alive connection may
//!   sit idle; past it the connection is closed.
//! - **Request timeout** ([`Config::request_timeout`], 30 s): the time for the rest
//!   of a request, its body included; past it, 408 and the connection is closed.
//! - **Callbacks** are sent in the background, in order for each build; a receiver
//!   has 10 s to answer and never delays the build's next status.
//! - **Shutdown** ([`Emulator::serve_until`]; SIGTERM or Ctrl-C for the binary): the
//!   emulator stops accepting, builds stop changing, requests in flight have
//!   [`Config::shutdown_timeout`] (5 s) to finish, idle connections close at once,
//!   and callbacks not yet delivered are abandoned (their connections closed) and
//!   counted in the log. The binary then exits 0.
//!
//! # Logs
//!
//! The binary's first line on stdout is `listening on http://127.0.0.1:PORT`, then a
//! few lines for people; stdout is written by a thread of its own, and a closed or
//! full stdout is ignored. Everything else goes to stderr through [`Log::stderr`],
//! filtered by `--log-level` (error, warn, info, debug; default info): a bounded
//! queue and a writer thread, so a slow, full or closed stderr drops lines rather
//! than block or fail a request.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod body;
mod callback_url;
mod callbacks;
mod config;
mod errors;
mod guard;
mod lifecycle;
mod log;
mod parse_errors;
mod positions;
mod routes;
mod serve;
mod shutdown;
mod store;

use std::future::Future;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use modelbuild::model_build::paths;
use modelbuild::signature::AuthToken;
use tokio::net::TcpListener;

pub use callbacks::Callbacks;
pub use config::{Config, BODY_LIMIT, DEFAULT_PORT, DEMO_ACCOUNT_SID, DEMO_AUTH_TOKEN, USAGE};
pub use log::{Log, LogLevel};
pub use routes::router;
pub use shutdown::os_signal;
pub use store::{BadToken, PageStart, Refusal, Slice, Store};

use shutdown::Stop;

/// The emulator's shared state, handed to every handler.
#[derive(Clone)]
pub struct App {
    inner: Arc<Inner>,
}

struct Inner {
    config: Config,
    base_url: String,
    store: Mutex<Store>,
    callbacks: Callbacks,
    log: Log,
    /// Raised on shutdown: stop accepting, finish what is in flight.
    stop: Stop,
    /// Raised when the shutdown timeout is over: close whatever is still open.
    halt: Stop,
    /// Callbacks queued or in flight.
    undelivered: AtomicUsize,
}

impl App {
    /// The state of an emulator reached at `base_url` (`http://127.0.0.1:4010`).
    pub fn new(config: Config, base_url: String, log: Log) -> Self {
        let callbacks = Callbacks::new(AuthToken::new(&config.auth_token));
        App {
            inner: Arc::new(Inner {
                config,
                base_url,
                store: Mutex::new(Store::default()),
                callbacks,
                log,
                stop: Stop::default(),
                halt: Stop::default(),
                undelivered: AtomicUsize::new(0),
            }),
        }
    }

    /// The settings.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The scheme, host and port clients reach the emulator at.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The builds. A handler that panicked while holding them left nothing half
    /// written that a reader could trip on, so a poisoned lock is taken as it is.
    pub fn store(&self) -> MutexGuard<'_, Store> {
        self.inner
            .store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The log.
    pub fn log(&self) -> &Log {
        &self.inner.log
    }

    fn callbacks(&self) -> &Callbacks {
        &self.inner.callbacks
    }

    fn stop(&self) -> &Stop {
        &self.inner.stop
    }

    fn halt(&self) -> &Stop {
        &self.inner.halt
    }

    fn undelivered(&self, count: usize) {
        self.inner.undelivered.fetch_add(count, Ordering::Relaxed);
    }

    fn delivered(&self, count: usize) {
        self.inner.undelivered.fetch_sub(count, Ordering::Relaxed);
    }

    fn undelivered_count(&self) -> usize {
        self.inner.undelivered.load(Ordering::Relaxed)
    }

    /// Whether Basic auth's `user` and `password` are the account's; the password is
    /// compared without an early exit.
    fn accepts(&self, user: &str, password: &str) -> bool {
        let expected = self.config().auth_token.as_bytes();
        let given = password.as_bytes();
        let same_token = expected.len() == given.len()
            && expected
                .iter()
                .zip(given)
                .fold(0u8, |differ, (a, b)| differ | (a ^ b))
                == 0;
        user == self.config().account_sid && same_token
    }

    /// The absolute URL of a build, as its `url` field gives it.
    fn url_of(&self, assistant_sid: &str, sid: &str) -> String {
        paths::fetch(assistant_sid, sid)
            .map(|endpoint| endpoint.url_on(self.base_url()))
            .unwrap_or_default()
    }
}

/// An emulator bound to its port, not yet serving.
pub struct Emulator {
    listener: TcpListener,
    address: SocketAddr,
    config: Config,
}

impl Emulator {
    /// Binds 127.0.0.1 on the configured port (0: any free one).
    pub async fn bind(config: Config) -> io::Result<Emulator> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, config.port)).await?;
        let address = listener.local_addr()?;
        Ok(Emulator {
            listener,
            address,
            config,
        })
    }

    /// The address it listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// What the binary prints at start; the first line is `listening on <base URL>`.
    /// The auth token is not printed: the demo one is in `--help`, and whoever gave
    /// their own knows it.
    pub fn banner(&self) -> Vec<String> {
        let config = &self.config;
        let account = if config.demo_account {
            format!(
                "account {} with the demo auth token (see --help); set --account-sid and \
                 --auth-token, or TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN, for yours",
                config.account_sid
            )
        } else {
            format!("account {} with the auth token given", config.account_sid)
        };
        let base = self.base_url();
        vec![
            format!("listening on {base}"),
            account,
            "the builds live in memory only: they are gone when the emulator stops".into(),
            format!(
                "a build changes status every {} ms; callbacks are signed with the auth token",
                config.step.as_millis()
            ),
            format!(
                "at most {} connections at once; headers within {} ms; requests within {} ms",
                config.max_connections,
                config.header_timeout.as_millis(),
                config.request_timeout.as_millis()
            ),
            format!(
                "try: curl -u {}:\"$AUTH_TOKEN\" -d UniqueName=first {base}/v1/Assistants/my-assistant/ModelBuilds",
                config.account_sid
            ),
        ]
    }

    /// Serves until the process ends, logging to `log`; see [`Emulator::serve_until`].
    pub async fn serve(self, log: Log) {
        self.serve_until(log, std::future::pending()).await
    }

    /// Serves until `shutdown` finishes, then stops as the crate's documentation
    /// says, and returns: each connection on a task of its own, HTTP/1.1 with
    /// keep-alive, within the configured limits.
    pub async fn serve_until(self, log: Log, shutdown: impl Future<Output = ()>) {
        let base_url = self.base_url();
        log.info(format_args!("listening on {base_url}"));
        let app = App::new(self.config, base_url, log);
        serve::serve(self.listener, app, shutdown).await
    }
}
