//! [`Signed`] and [`require_signature`]: refuse a request Twilio did not sign, 403.

use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRef, FromRequest, Request, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::Problem;
use crate::signature::{AuthToken, SignatureError, HEADER};

/// What a signature is checked with: the account's auth token, and how to rebuild the
/// URL Twilio requested, which a server sees only as a path and query.
///
/// Behind a proxy or a tunnel, the scheme, host and port the server sees are not the
/// ones Twilio used, so give the public origin: [`TwilioWebhook::new`]. When the server
/// is reached directly, [`TwilioWebhook::from_host`] takes the host from the request.
/// Put it in the router's state (or a field of it, through [`FromRef`]).
#[derive(Debug, Clone)]
pub struct TwilioWebhook {
    token: AuthToken,
    origin: Origin,
}

#[derive(Debug, Clone)]
enum Origin {
    Fixed(String),
    FromHost { scheme: String },
}

impl TwilioWebhook {
    /// Checks requests as sent to `public_origin`: scheme, host, port if any, and a
    /// path prefix that a proxy removes (`https://hooks.example.com`,
    /// `https://example.com/twilio`), to which each request's path and query are added.
    pub fn new(token: AuthToken, public_origin: impl Into<String>) -> Self {
        let mut origin = public_origin.into();
        while origin.ends_with('/') {
            origin.pop();
        }
        TwilioWebhook {
            token,
            origin: Origin::Fixed(origin),
        }
    }

    /// Checks requests as sent to `scheme://` and the request's own `Host` (or, over
    /// HTTP/2, its authority).
    pub fn from_host(token: AuthToken, scheme: impl Into<String>) -> Self {
        TwilioWebhook {
            token,
            origin: Origin::FromHost {
                scheme: scheme.into(),
            },
        }
    }

    /// The URL Twilio requested, rebuilt: the origin, then the path and query exactly
    /// as they arrived (a signature covers their bytes, so nothing is re-encoded).
    pub fn url(&self, parts: &Parts) -> Option<String> {
        let path_and_query = parts.uri.path_and_query().map_or("/", |p| p.as_str());
        match &self.origin {
            Origin::Fixed(origin) => Some(format!("{origin}{path_and_query}")),
            Origin::FromHost { scheme } => {
                let host = match parts.uri.authority() {
                    Some(authority) => authority.as_str(),
                    None => parts.headers.get(axum::http::header::HOST)?.to_str().ok()?,
                };
                Some(format!("{scheme}://{host}{path_and_query}"))
            }
        }
    }

    /// Checks the signature of a request whose head is `parts` and body `body`.
    /// A request whose URL cannot be rebuilt (no `Host`) fails as a mismatch.
    pub fn verify(&self, parts: &Parts, body: &[u8]) -> Result<(), SignatureError> {
        let signature = parts.headers.get(HEADER).ok_or(SignatureError::Missing)?;
        let signature = signature.to_str().map_err(|_| SignatureError::Malformed)?;
        let url = self.url(parts).ok_or(SignatureError::Mismatch)?;
        self.token.verify_body(&url, body, signature)
    }
}

/// Extracts `E` from a request whose `X-Twilio-Signature` is right, and refuses any
/// other with `403 Forbidden` (a problem document saying what was wrong). The body is
/// read once, within axum's body limit, checked, and handed to `E`.
///
/// ```
/// use axum::routing::post;
/// use axum::{Form, Router};
/// use modelbuild::axum::{Signed, TwilioWebhook};
/// use modelbuild::signature::AuthToken;
///
/// #[derive(serde::Deserialize)]
/// struct StatusCallback {
///     #[serde(rename = "Status")]
///     status: String,
/// }
///
/// async fn callback(Signed(Form(update)): Signed<Form<StatusCallback>>) -> String {
///     update.status
/// }
///
/// let webhook = TwilioWebhook::new(AuthToken::new("your auth token"), "https://hooks.example.com");
/// let app: Router = Router::new().route("/callback", post(callback)).with_state(webhook);
/// ```
#[derive(Debug, Clone)]
pub struct Signed<E>(pub E);

/// Why [`Signed`] refused a request.
#[derive(Debug)]
pub enum SignedRejection<E> {
    /// The signature is missing or wrong: `403`.
    Signature(SignatureError),
    /// The body could not be read (too large, or the connection failed).
    Body(BytesRejection),
    /// The inner extractor's rejection.
    Extract(E),
}

impl<E: IntoResponse> IntoResponse for SignedRejection<E> {
    fn into_response(self) -> Response {
        match self {
            SignedRejection::Signature(error) => forbidden(&error),
            SignedRejection::Body(rejection) => rejection.into_response(),
            SignedRejection::Extract(rejection) => rejection.into_response(),
        }
    }
}

fn forbidden(error: &SignatureError) -> Response {
    Problem::status(StatusCode::FORBIDDEN, error.to_string()).into_response()
}

impl<S, E> FromRequest<S> for Signed<E>
where
    S: Send + Sync,
    TwilioWebhook: FromRef<S>,
    E: FromRequest<S>,
{
    type Rejection = SignedRejection<E::Rejection>;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let webhook = TwilioWebhook::from_ref(state);
        let request = checked(&webhook, request, state).await?;
        E::from_request(request, state)
            .await
            .map(Signed)
            .map_err(SignedRejection::Extract)
    }
}

/// Reads the body, checks the signature, and gives the request back whole.
async fn checked<S: Send + Sync, E>(
    webhook: &TwilioWebhook,
    request: Request,
    state: &S,
) -> Result<Request, SignedRejection<E>> {
    let (parts, body) = request.into_parts();
    let bytes = Bytes::from_request(Request::from_parts(parts.clone(), body), state)
        .await
        .map_err(SignedRejection::Body)?;
    webhook
        .verify(&parts, &bytes)
        .map_err(SignedRejection::Signature)?;
    Ok(Request::from_parts(parts, Body::from(bytes)))
}

/// Middleware that refuses, `403`, every request of the routes it wraps that Twilio
/// did not sign:
/// `router.layer(axum::middleware::from_fn_with_state(webhook, require_signature))`.
///
/// ```
/// use axum::middleware::from_fn_with_state;
/// use axum::routing::post;
/// use axum::Router;
/// use modelbuild::axum::{require_signature, TwilioWebhook};
/// use modelbuild::signature::AuthToken;
///
/// let webhook = TwilioWebhook::from_host(AuthToken::new("your auth token"), "https");
/// let app: Router = Router::new()
///     .route("/callback", post(|| async { "ok" }))
///     .layer(from_fn_with_state(webhook, require_signature));
/// ```
pub async fn require_signature(
    State(webhook): State<TwilioWebhook>,
    request: Request,
    next: Next,
) -> Response {
    match checked::<(), ()>(&webhook, request, &()).await {
        Ok(request) => next.run(request).await,
        Err(rejection) => rejection.into_response(),
    }
}
