//! Stopping: the signal every task can wait for, the operating system's signals that
//! raise it, and a way to wait for the first of two futures (tokio's `select!` is in
//! its proc-macro feature, which the emulator does without).

use std::future::{poll_fn, Future};
use std::pin::pin;
use std::task::Poll;

use tokio::sync::watch;

/// Which of two futures finished first.
pub enum First<A, B> {
    /// The first one given.
    Left(A),
    /// The second one given.
    Right(B),
}

/// Waits for whichever of `left` and `right` finishes first, polling `left` first;
/// the other is dropped.
pub async fn first<A: Future, B: Future>(left: A, right: B) -> First<A::Output, B::Output> {
    let (mut left, mut right) = (pin!(left), pin!(right));
    poll_fn(|cx| {
        if let Poll::Ready(out) = left.as_mut().poll(cx) {
            return Poll::Ready(First::Left(out));
        }
        right.as_mut().poll(cx).map(First::Right)
    })
    .await
}

/// The stop signal, raised once and seen by every clone.
#[derive(Debug, Clone)]
pub struct Stop {
    raised: watch::Sender<bool>,
}

impl Default for Stop {
    fn default() -> Self {
        Stop {
            raised: watch::Sender::new(false),
        }
    }
}

impl Stop {
    /// Raises the signal.
    pub fn raise(&self) {
        self.raised.send_replace(true);
    }

    /// Waits until it is raised.
    pub async fn wait(&self) {
        let mut seen = self.raised.subscribe();
        // The sender lives in `self`, so this ends only when the signal is raised.
        let _ = seen.wait_for(|raised| *raised).await;
    }
}

/// Waits for Ctrl-C (SIGINT) or, on Unix, SIGTERM, and names it: what the binary
/// stops on. A signal whose handler cannot be installed is not waited for.
pub async fn os_signal() -> &'static str {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
        "Ctrl-C"
    };
    match first(ctrl_c, terminate()).await {
        First::Left(name) | First::Right(name) => name,
    }
}

#[cfg(unix)]
async fn terminate() -> &'static str {
    use tokio::signal::unix::{signal, SignalKind};
    match signal(SignalKind::terminate()) {
        Ok(mut sigterm) => {
            sigterm.recv().await;
            "SIGTERM"
        }
        Err(_) => std::future::pending().await,
    }
}

#[cfg(not(unix))]
async fn terminate() -> &'static str {
    std::future::pending().await
}
