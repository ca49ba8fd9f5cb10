//! The five operations on model builds: method, path and the status of success.

use std::fmt;
use std::fmt::Write as _;

use super::list::ListModelBuilds;
use crate::{Validate, ValidationErrors};

/// Where the Autopilot v1 API is served.
pub const BASE_URL: &str = "https://autopilot.twilio.com";

/// An HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `DELETE`
    Delete,
}

impl Method {
    /// The method's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One request's method and path, with the status the API answers on success.
///
/// ```
/// use modelbuild::model_build::paths::{self, Method};
///
/// let endpoint = paths::fetch("my assistant", "UG0123456789abcdef0123456789abcdef").unwrap();
/// assert_eq!(endpoint.method, Method::Get);
/// assert_eq!(endpoint.path, "/v1/Assistants/my%20assistant/ModelBuilds/UG0123456789abcdef0123456789abcdef");
/// assert_eq!(endpoint.success_status, 200);
/// assert!(endpoint.url().starts_with("https://autopilot.twilio.com/v1/"));
/// // The same request to an emulator or a recorded-response server:
/// assert_eq!(
///     endpoint.url_on("http://127.0.0.1:8080/"),
///     "http://127.0.0.1:8080/v1/Assistants/my%20assistant/ModelBuilds/UG0123456789abcdef0123456789abcdef",
/// );
///
/// let errors = paths::fetch("", &"x".repeat(65)).unwrap_err();
/// assert_eq!(errors.to_string(), "AssistantSid: must be between 1 and 64 characters long\n\
///                                 Sid: must be between 1 and 64 characters long");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// The HTTP method.
    pub method: Method,
    /// The path from the root, with its query string when there is one.
    pub path: String,
    /// The status of a successful response: 201 for create, 204 for delete, else 200.
    pub success_status: u16,
}

impl Endpoint {
    /// The full URL on Twilio's host: [`BASE_URL`] and the path.
    pub fn url(&self) -> String {
        self.url_on(BASE_URL)
    }

    /// The full URL on another server, such as an emulator: `base` (scheme, host, port,
    /// and a path prefix if the API is mounted under one) and the path. A trailing `/`
    /// on `base` is not doubled.
    pub fn url_on(&self, base: &str) -> String {
        format!("{}{}", base.trim_end_matches('/'), self.path)
    }
}

/// The path parameters. Each takes a SID or a unique name, so neither is checked as
/// a SID: only that it is there and no longer than a unique name may be.
#[derive(Validate)]
struct PathParams<'a> {
    #[validate(rename = "AssistantSid", length(min = 1, max = 64))]
    assistant: &'a str,
    #[validate(rename = "Sid", length(min = 1, max = 64))]
    sid: Option<&'a str>,
}

fn build(
    method: Method,
    success_status: u16,
    assistant: &str,
    sid: Option<&str>,
    query: Option<&ListModelBuilds>,
) -> Result<Endpoint, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    if let Err(found) = (PathParams { assistant, sid }).validate() {
        errors.extend(found);
    }
    if let Some(Err(found)) = query.map(Validate::validate) {
        errors.extend(found);
    }
    errors.into_result()?;
    let mut path = String::from("/v1/Assistants/");
    push_segment(&mut path, assistant);
    path.push_str("/ModelBuilds");
    if let Some(sid) = sid {
        path.push('/');
        push_segment(&mut path, sid);
    }
    if let Some(query) = query.map(ListModelBuilds::to_query).filter(|q| !q.is_empty()) {
        path.push('?');
        path.push_str(&query);
    }
    Ok(Endpoint {
        method,
        path,
        success_status,
    })
}

/// Percent-encodes everything but RFC 3986's unreserved characters, so a unique
/// name with `/`, `?`, spaces or non-ASCII stays one segment.
fn push_segment(path: &mut String, segment: &str) {
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            path.push(char::from(byte));
        } else {
            let _ = write!(path, "%{byte:02X}");
        }
    }
}

/// `CreateModelBuild`: `POST /v1/Assistants/{AssistantSid}/ModelBuilds`, answered 201.
pub fn create(assistant: &str) -> Result<Endpoint, ValidationErrors> {
    build(Method::Post, 201, assistant, None, None)
}

/// `FetchModelBuild`: `GET /v1/Assistants/{AssistantSid}/ModelBuilds/{Sid}`.
pub fn fetch(assistant: &str, sid: &str) -> Result<Endpoint, ValidationErrors> {
    build(Method::Get, 200, assistant, Some(sid), None)
}

/// `ListModelBuild`: `GET /v1/Assistants/{AssistantSid}/ModelBuilds?...`; the query is
/// validated too.
pub fn list(assistant: &str, query: &ListModelBuilds) -> Result<Endpoint, ValidationErrors> {
    build(Method::Get, 200, assistant, None, Some(query))
}

/// `UpdateModelBuild`: `POST /v1/Assistants/{AssistantSid}/ModelBuilds/{Sid}`.
pub fn update(assistant: &str, sid: &str) -> Result<Endpoint, ValidationErrors> {
    build(Method::Post, 200, assistant, Some(sid), None)
}

/// `DeleteModelBuild`: `DELETE /v1/Assistants/{AssistantSid}/ModelBuilds/{Sid}`, answered 204.
pub fn delete(assistant: &str, sid: &str) -> Result<Endpoint, ValidationErrors> {
    build(Method::Delete, 204, assistant, Some(sid), None)
}
