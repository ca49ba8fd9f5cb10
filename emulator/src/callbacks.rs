//! A build's life on a timer, and the signed StatusCallback POST at each change.

use std::time::Duration;

use axum::body::Bytes;
use axum::http::{header, Request, StatusCode, Uri};
use http_body_util::Full;
use hyper::client::conn::http1;
use hyper_util::rt::TokioIo;
use modelbuild::model_build::datetime;
use modelbuild::signature::{AuthToken, HEADER};
use modelbuild::{form, ModelBuild};
use tokio::net::TcpStream;

use super::store::next_status;
use super::App;

/// How long a callback receiver has to answer.
const CALLBACK_TIMEOUT: Duration = Duration::from_secs(10);

/// Sends StatusCallback requests, signed with the account's auth token.
#[derive(Debug, Clone)]
pub struct Callbacks {
    token: AuthToken,
}

impl Callbacks {
    /// A sender signing with `token`.
    pub fn new(token: AuthToken) -> Self {
        Callbacks { token }
    }

    /// POSTs `build`'s state to `url` as a form, with `X-Twilio-Signature`, and says
    /// how it went, for the log.
    pub async fn send(&self, url: &str, build: &ModelBuild) -> String {
        if !url
            .get(..7)
            .is_some_and(|scheme| scheme.eq_ignore_ascii_case("http://"))
        {
            return format!("not sent to {url}: the emulator sends callbacks over plain HTTP only");
        }
        let body = form::to_string(&parameters(build)).unwrap_or_default();
        let Ok(signature) = self.token.sign_form_body(url, body.as_bytes()) else {
            return format!("not sent to {url}: the body could not be signed");
        };
        match tokio::time::timeout(CALLBACK_TIMEOUT, post(url, body, signature)).await {
            Ok(Ok(status)) => format!("POST {url}: {status}"),
            Ok(Err(error)) => format!("POST {url} failed: {error}"),
            Err(_) => format!("POST {url}: no answer within {}s", CALLBACK_TIMEOUT.as_secs()),
        }
    }
}

/// One POST over a connection of its own: callbacks are few and far between.
async fn post(url: &str, body: String, signature: String) -> Result<StatusCode, String> {
    let uri: Uri = url.parse().map_err(|error| format!("{error}"))?;
    let host = uri.host().ok_or("the URL has no host")?;
    let port = uri.port_u16().unwrap_or(80);
    let authority = uri.authority().map_or(host, |a| a.as_str()).to_owned();
    // Only the address: a `[...]` IPv6 host is connected to without its brackets.
    let address = host.trim_start_matches('[').trim_end_matches(']');
    let stream = TcpStream::connect((address, port))
        .await
        .map_err(|e| e.to_string())?;
    let (mut sender, connection) = http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| e.to_string())?;
    tokio::spawn(connection);
    let target = uri.path_and_query().map_or("/", |p| p.as_str());
    let request = Request::post(target)
        .header(header::HOST, authority)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::USER_AGENT, "TwilioProxy/1.1 (modelbuild emulator)")
        .header(HEADER, signature)
        .body(Full::new(Bytes::from(body)))
        .map_err(|e| e.to_string())?;
    let response = sender.send_request(request).await.map_err(|e| e.to_string())?;
    Ok(response.status())
}

/// The callback's parameters: the build's fields under Twilio's PascalCase names,
/// those without a value left out. (The definition does not list a ModelBuild
/// callback's parameters; these are the resource's own.)
fn parameters(build: &ModelBuild) -> Vec<(&'static str, String)> {
    let mut pairs = Vec::new();
    let mut push = |name: &'static str, value: Option<String>| {
        if let Some(value) = value {
            pairs.push((name, value));
        }
    };
    push("AccountSid", build.account_sid.clone());
    push("AssistantSid", build.assistant_sid.clone());
    push("ModelBuildSid", build.sid.clone());
    push("UniqueName", build.unique_name.clone());
    push("Status", build.status.as_ref().map(|s| s.as_str().to_owned()));
    push("BuildDuration", build.build_duration.map(|d| d.to_string()));
    push("ErrorCode", build.error_code.map(|c| c.to_string()));
    push("DateUpdated", build.date_updated.map(datetime::format));
    pairs
}

/// Moves the build `sid` through its statuses, one step apart, POSTing to its
/// StatusCallback after each change; stops early if the build is deleted.
pub async fn run_lifecycle(app: App, assistant: String, sid: String, status_callback: Option<String>) {
    loop {
        tokio::time::sleep(app.config().step).await;
        let Some(changed) = app.store().advance(&assistant, &sid, datetime::now()) else {
            return;
        };
        let status = changed.status.as_ref().map_or("", |s| s.as_str());
        app.log(format!("{sid} is {status}"));
        if let Some(url) = &status_callback {
            let outcome = app.callbacks().send(url, &changed).await;
            app.log(format!("  callback: {outcome}"));
        }
        if changed.status.as_ref().and_then(next_status).is_none() {
            return;
        }
    }
}
