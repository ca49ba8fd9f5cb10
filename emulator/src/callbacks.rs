//! The signed StatusCallback POST.

use std::time::Duration;

use axum::body::Bytes;
use axum::http::{header, Request, StatusCode};
use http_body_util::Full;
use hyper::client::conn::http1;
use hyper_util::rt::TokioIo;
use modelbuild::model_build::datetime;
use modelbuild::signature::{AuthToken, HEADER};
use modelbuild::{form, ModelBuild};
use tokio::net::TcpStream;

use crate::callback_url::CallbackUrl;

/// How long a callback receiver has to answer.
pub const CALLBACK_TIMEOUT: Duration = Duration::from_secs(10);

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
    /// how it went, for the log. The URL is checked and normalized first (see
    /// `CallbackUrl`); the one signed is the one the request reproduces.
    pub async fn send(&self, url: &str, build: &ModelBuild) -> String {
        match CallbackUrl::parse(url) {
            Ok(url) => self.send_to(&url, build).await.unwrap_or_else(|failed| failed),
            Err(why) => format!("not sent: {why}"),
        }
    }

    /// As `send`, to a URL checked already: `Ok` when the receiver answered (with
    /// any status), `Err` when it could not be reached or did not answer in time.
    pub(crate) async fn send_to(&self, url: &CallbackUrl, build: &ModelBuild) -> Result<String, String> {
        if url.scheme() != "http" {
            return Err(format!(
                "not sent to {url}: the emulator sends callbacks over plain HTTP only"
            ));
        }
        let signed = url.to_string();
        let body = form::to_string(&parameters(build)).unwrap_or_default();
        let Ok(signature) = self.token.sign_form_body(&signed, body.as_bytes()) else {
            return Err(format!("not sent to {signed}: the body could not be signed"));
        };
        match tokio::time::timeout(CALLBACK_TIMEOUT, post(url, body, signature)).await {
            Ok(Ok(status)) => Ok(format!("POST {signed}: {status}")),
            Ok(Err(error)) => Err(format!("POST {signed} failed: {error}")),
            Err(_) => Err(format!(
                "POST {signed}: no answer within {}s",
                CALLBACK_TIMEOUT.as_secs()
            )),
        }
    }
}

/// One POST over a connection of its own: callbacks are few and far between.
async fn post(url: &CallbackUrl, body: String, signature: String) -> Result<StatusCode, String> {
    let stream = TcpStream::connect((url.address(), url.port()))
        .await
        .map_err(|e| e.to_string())?;
    let (mut sender, connection) = http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| e.to_string())?;
    // The connection is driven beside the request, and ends with it: when this
    // future is dropped (a timeout, a shutdown) the sender goes and so does the task.
    tokio::spawn(connection);
    let request = Request::post(url.target())
        .header(header::HOST, url.authority())
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
