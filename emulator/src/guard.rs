//! What every request goes through before and after its handler: the path checked,
//! the request timed, a panic caught, and any error made Twilio's body.

use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use modelbuild::TwilioError;

use crate::errors::{self, clip, clip_path};
use crate::log::LogLevel;
use crate::App;

/// The outermost layer of the router.
pub async fn guard(State(app): State<App>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = match check_path(&path) {
        Err(error) => error.into_response(),
        Ok(()) => run(&app, request, next).await,
    };
    let response = errors::as_twilio_body(response).await;
    if app.log().enabled(LogLevel::Debug) {
        app.log().debug(format_args!(
            "{method} {} {} in {:.1} ms",
            clip_path(&path),
            response.status().as_u16(),
            started.elapsed().as_secs_f64() * 1e3
        ));
    }
    response
}

/// The handler, within the request timeout, its panic (a bug) answered 500.
async fn run(app: &App, request: Request, next: Next) -> Response {
    let limit = app.config().request_timeout;
    match tokio::time::timeout(limit, CatchPanic(Box::pin(next.run(request)))).await {
        Ok(Ok(response)) => response,
        Ok(Err(panic)) => {
            app.log().error(format_args!("a handler panicked: {panic}"));
            errors::error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Internal server error: the emulator failed on this request (its log says why)",
            )
            .into_response()
        }
        Err(_) => {
            app.log().warn(format_args!(
                "a request was not complete within {} ms",
                limit.as_millis()
            ));
            errors::closing(errors::error(
                StatusCode::REQUEST_TIMEOUT,
                format!(
                    "Request timeout: the request was not complete within {} ms",
                    limit.as_millis()
                ),
            ))
        }
    }
}

/// A path is read as percent-encoded UTF-8, strictly, as the form decoder reads a
/// body: a bad escape or a segment that decodes to something other than UTF-8 is a
/// 20422 that says so, rather than a lookup of something else or a text reply.
fn check_path(path: &str) -> Result<(), TwilioError> {
    let bytes = path.as_bytes();
    let mut segment = Vec::new();
    let mut at = 0;
    while at <= bytes.len() {
        match bytes.get(at) {
            Some(b'%') => {
                let hex = bytes
                    .get(at + 1..at + 3)
                    .filter(|pair| pair.iter().all(u8::is_ascii_hexdigit))
                    .and_then(|pair| std::str::from_utf8(pair).ok());
                let Some(byte) = hex.and_then(|hex| u8::from_str_radix(hex, 16).ok()) else {
                    return Err(errors::invalid(format_args!(
                        "the path has a bad percent-escape at byte {at}: `%` must be followed by two hexadecimal digits"
                    )));
                };
                segment.push(byte);
                at += 3;
                continue;
            }
            Some(b'/') | None => {
                if std::str::from_utf8(&segment).is_err() {
                    let text = String::from_utf8_lossy(&segment);
                    return Err(errors::invalid(format_args!(
                        "the path segment {:?} is not UTF-8 once percent-decoded",
                        clip(&text)
                    )));
                }
                segment.clear();
            }
            Some(&byte) => segment.push(byte),
        }
        at += 1;
    }
    Ok(())
}

/// A future whose panic is caught and given as its message.
struct CatchPanic(Pin<Box<dyn Future<Output = Response> + Send>>);

impl Future for CatchPanic {
    type Output = Result<Response, String>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let inner = &mut self.0;
        match catch_unwind(AssertUnwindSafe(|| inner.as_mut().poll(cx))) {
            Ok(poll) => poll.map(Ok),
            Err(payload) => {
                let message = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a panic".into());
                Poll::Ready(Err(message))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_caught_with_its_message() {
        let panicking: Pin<Box<dyn Future<Output = Response> + Send>> = Box::pin(async {
            if std::hint::black_box(true) {
                panic!("a bug in a handler");
            }
            StatusCode::OK.into_response()
        });
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let caught = runtime.block_on(CatchPanic(panicking));
        assert_eq!(caught.unwrap_err(), "a bug in a handler");
    }

    #[test]
    fn paths_are_strict_percent_encoded_utf8() {
        for good in ["/", "/v1/Assistants/a%20b/ModelBuilds", "/%C3%A9", "/a%2Fb", ""] {
            assert!(check_path(good).is_ok(), "{good}");
        }
        for (bad, why) in [
            ("/v1/%zz", "bad percent-escape at byte 4"),
            ("/v1/%4", "bad percent-escape at byte 4"),
            ("/v1/%+f", "bad percent-escape at byte 4"),
            ("/v1/a%", "bad percent-escape at byte 5"),
            ("/v1/%FF/x", "the path segment \"\u{fffd}\" is not UTF-8"),
            ("/%C3", "is not UTF-8"),
        ] {
            let error = check_path(bad).unwrap_err();
            assert_eq!((error.code, error.status), (20422, 400));
            assert!(error.message.contains(why), "{bad}: {}", error.message);
        }
    }
}
