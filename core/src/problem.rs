//! What the validating extractors of every web framework answer with: [`Rejection`]
//! and the RFC 9457 [`Problem`]. Each framework's module turns them into its own
//! response type (`axum::response::IntoResponse`, `actix_web::ResponseError`), so the
//! document a client reads is the same whichever framework serves it.

use std::fmt;

use serde::Serialize;

use crate::ValidationErrors;

/// Why a validating extractor refused a request: the inner extractor could not read
/// it, or what it read breaks rules.
#[derive(Debug)]
pub enum Rejection<E> {
    /// The inner extractor's own rejection, answered as it would answer.
    Extract(E),
    /// Every broken rule, answered `422` with a [`Problem`].
    Invalid(ValidationErrors),
}

impl<E: fmt::Display> fmt::Display for Rejection<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::Extract(rejection) => rejection.fmt(f),
            Rejection::Invalid(errors) => errors.fmt(f),
        }
    }
}

impl<E: fmt::Debug + fmt::Display> std::error::Error for Rejection<E> {}

/// An RFC 9457 problem document, sent as `application/problem+json`.
///
/// `type` is `about:blank`, so `title` is the status's reason phrase, as the RFC
/// asks; `errors`, an extension member, lists every broken rule with its JSON Pointer.
///
/// ```
/// # #[cfg(feature = "axum")]
/// use modelbuild::axum::Problem;
/// # #[cfg(all(feature = "actix", not(feature = "axum")))]
/// # use modelbuild::actix::Problem;
/// use modelbuild::Validate;
///
/// #[derive(Validate)]
/// struct Rename {
///     #[validate(rename = "UniqueName", length(max = 64))]
///     unique_name: String,
/// }
///
/// let request = Rename { unique_name: "x".repeat(65) };
/// let problem = Problem::invalid(request.validate().unwrap_err());
/// let json = serde_json::to_value(&problem).unwrap();
/// assert_eq!(json["status"], 422);
/// assert_eq!(json["title"], "Unprocessable Content");
/// assert_eq!(json["errors"][0]["pointer"], "/UniqueName");
/// assert_eq!(json["errors"][0]["params"]["max"], 64);
/// ```
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    /// A URI naming the kind of problem; `about:blank` when the status says it all.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short summary of the kind of problem.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// What went wrong with this request, for people.
    pub detail: String,
    /// Every broken rule; left out when there are none.
    #[serde(skip_serializing_if = "ValidationErrors::is_empty")]
    pub errors: ValidationErrors,
}

impl Problem {
    /// The media type of the document, RFC 9457's.
    pub const CONTENT_TYPE: &'static str = "application/problem+json";

    /// `422 Unprocessable Content`, listing every broken rule.
    pub fn invalid(errors: ValidationErrors) -> Self {
        let count = errors.len();
        let rules = if count == 1 { "rule" } else { "rules" };
        Problem {
            kind: "about:blank".into(),
            title: "Unprocessable Content".into(),
            status: 422,
            detail: format!("the request breaks {count} {rules}; `errors` lists each"),
            errors,
        }
    }

    /// The document as JSON bytes.
    #[cfg(feature = "actix")]
    pub(crate) fn to_vec(&self) -> Vec<u8> {
        // Strings, numbers and the errors' own Serialize: serde_json cannot fail on them.
        serde_json::to_vec(self).unwrap_or_default()
    }
}

/// What each member of the document means, in the words of every schema that
/// describes it (schemars' and utoipa's), so that the two documents say the same.
#[cfg(feature = "schemars")]
pub(crate) mod describe {
    pub(crate) const DOCUMENT: &str = "An RFC 9457 problem document (`application/problem+json`).";
    pub(crate) const KIND: &str = "a URI naming the kind of problem: `about:blank`";
    pub(crate) const TITLE: &str = "the status's reason phrase";
    pub(crate) const STATUS: &str = "the HTTP status";
    pub(crate) const DETAIL: &str = "what went wrong with this request";
    pub(crate) const ERRORS: &str = "every broken rule, in the order of the request";
    pub(crate) const PATH: &str = "where the value is, in the request's own names: `steps[1].sid`";
    pub(crate) const POINTER: &str = "the same place as a JSON Pointer (RFC 6901): `/steps/1/sid`";
    pub(crate) const CODE: &str = "the rule broken, or what was wrong with the value: `length`, `type`";
    pub(crate) const MESSAGE: &str = "what was wrong, for people";
    pub(crate) const PARAMS: &str = "the rule's parameters, by name";
}
