//! The accept loop: each connection on a task of its own, HTTP/1.1 with keep-alive,
//! within the configured limits, until the stop signal; then a bounded drain.

use std::future::Future;
use std::io;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::parse_errors::{TwilioParseErrors, HEADER_LIMIT};
use crate::routes::router;
use crate::shutdown::{first, First};
use crate::App;

/// How long the loop waits after an accept error that is not one connection's own
/// (out of file descriptors, say) before it tries again.
const ACCEPT_PAUSE: Duration = Duration::from_millis(100);

/// Serves `listener` until `shutdown` finishes, then stops: see the crate's
/// documentation for what that means for connections and callbacks.
pub async fn serve(listener: TcpListener, app: App, shutdown: impl Future<Output = ()>) {
    let max = app
        .config()
        .max_connections
        .clamp(1, u32::MAX as usize)
        .min(Semaphore::MAX_PERMITS);
    let permits = Arc::new(Semaphore::new(max));
    // The listener goes with the loop: once it stops, new connections are refused
    // rather than left waiting.
    let accepting = accept(listener, &app, &permits);
    if let First::Left(()) = first(accepting, shutdown).await {
        // The loop ends only if the semaphore closes, which nothing does.
        app.log().error("the accept loop ended");
    }
    drain(&app, &permits, max).await;
}

/// Accepts connections while a permit is free; an accept error is logged and, unless
/// it concerns one connection only, retried after a pause: it never ends the loop.
async fn accept(listener: TcpListener, app: &App, permits: &Arc<Semaphore>) {
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(app.config().header_timeout)
        .max_header_size(HEADER_LIMIT)
        .writev(false);
    let service = TowerToHyperService::new(router(app.clone()));
    let mut failures = 0u64;
    loop {
        // Past the limit, new connections wait in the system's accept queue, holding
        // no file descriptor of this process, until a connection closes.
        let Ok(permit) = permits.clone().acquire_owned().await else {
            return;
        };
        match listener.accept().await {
            Ok((stream, _)) => {
                if failures > 0 {
                    app.log()
                        .info(format_args!("accepting again, after {failures} failed attempts"));
                    failures = 0;
                }
                let connection = builder.serve_connection(
                    TwilioParseErrors::new(TokioIo::new(stream_with_nodelay(stream))),
                    service.clone(),
                );
                tokio::spawn(run_connection(connection, app.clone(), permit));
            }
            Err(error) if is_one_connections(&error) => {
                app.log()
                    .debug(format_args!("a connection failed as it was accepted: {error}"));
            }
            Err(error) => {
                drop(permit);
                if failures == 0 {
                    app.log().warn(format_args!(
                        "accept failed: {error}; retrying every {} ms ({} connections open)",
                        ACCEPT_PAUSE.as_millis(),
                        app.config()
                            .max_connections
                            .saturating_sub(permits.available_permits())
                    ));
                }
                failures += 1;
                tokio::time::sleep(ACCEPT_PAUSE).await;
            }
        }
    }
}

/// Whether an accept error concerns the connection being accepted, not the process.
fn is_one_connections(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionAborted | io::ErrorKind::ConnectionReset | io::ErrorKind::ConnectionRefused
    )
}

fn stream_with_nodelay(stream: TcpStream) -> TcpStream {
    // An answer goes out as soon as it is written, not held back by Nagle's
    // algorithm until the client acknowledges the one before it.
    let _ = stream.set_nodelay(true);
    stream
}

/// hyper's connection, with the router as its service.
type Connection = http1::Connection<TwilioParseErrors<TokioIo<TcpStream>>, TowerToHyperService<Router>>;

/// Serves one connection, holding its permit; on the stop signal, lets the request
/// in flight finish and closes the connection, or drops it unfinished on the halt.
async fn run_connection(connection: Connection, app: App, permit: OwnedSemaphorePermit) {
    let mut connection = std::pin::pin!(connection);
    let ended = match first(connection.as_mut(), app.stop().wait()).await {
        First::Left(ended) => Some(ended),
        First::Right(()) => {
            connection.as_mut().graceful_shutdown();
            match first(connection, app.halt().wait()).await {
                First::Left(ended) => Some(ended),
                First::Right(()) => None,
            }
        }
    };
    if let Some(Err(error)) = ended {
        app.log().debug(format_args!("a connection ended: {error}"));
    }
    drop(permit);
}

/// After the stop signal: no more accepting; the open connections have the shutdown
/// timeout to finish their requests; callbacks not yet delivered are abandoned.
async fn drain(app: &App, permits: &Semaphore, max: usize) {
    // Counted before the signal, which the callbacks' tasks answer at once.
    let open = max - permits.available_permits();
    let undelivered = app.undelivered_count();
    app.stop().raise();
    let timeout = app.config().shutdown_timeout;
    app.log().info(format_args!(
        "stopping: no longer accepting; connections open: {open}, given {} ms to finish; \
         callbacks not yet delivered, abandoned: {undelivered}",
        timeout.as_millis()
    ));
    // `max` fits: `serve` clamps it.
    let all = u32::try_from(max).unwrap_or(u32::MAX);
    match tokio::time::timeout(timeout, permits.acquire_many(all)).await {
        Ok(_) => app.log().info("stopped: every connection is closed"),
        Err(_) => {
            app.log().warn(format_args!(
                "stopped: connections still open after {} ms, closed unfinished: {}",
                timeout.as_millis(),
                max - permits.available_permits()
            ));
            app.halt().raise();
        }
    }
}
