//! A signup: its rules (the sync ones, and the two that ask the database), the
//! INSERT that has the last word, and the handler of `POST /signups`.

use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use modelbuild::axum::{Problem, Rejection, ValidWith};
use modelbuild::{FieldError, Path, RuleError, Segment, Validate, ValidationErrors};
use serde::Deserialize;

use crate::db::{Db, DbError, Inserted, User};

/// The body of `POST /signups`. Its sync rules run first; a field whose sync rules
/// passed is then looked up, both lookups at once.
#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[validate(context = Db)]
pub struct Signup {
    /// 3 to 32 characters: a lowercase letter, then lowercase letters, digits and `_`;
    /// and no user's yet.
    #[validate(
        length(min = 3, max = 32),
        custom = plain_name,
        custom(function = username_is_free, async)
    )]
    pub username: String,
    /// An e-mail address.
    #[validate(email)]
    pub email: String,
    /// An invitation code of the database's. The length comes first, so a megabyte
    /// of text is refused without a query.
    #[validate(length(min = 1, max = 64), custom(function = invitation_exists, async))]
    pub invite_code: String,
}

/// The code of a name taken, whether the lookup found it or the INSERT did.
pub const TAKEN: &str = "taken";
const TAKEN_MESSAGE: &str = "is already taken";

/// The code of a lookup the database could not answer; `POST /signups` answers 503
/// for it, never 422, as the signup itself may well be right.
pub const UNAVAILABLE: &str = "unavailable";

/// A lowercase ASCII letter, then lowercase ASCII letters, digits and `_`: a primary
/// key compares bytes, so `Ada` and `ada` would otherwise be two users.
fn plain_name(name: &str, _: &Db) -> Result<(), RuleError> {
    let mut bytes = name.bytes();
    let first = bytes.next().is_none_or(|b| b.is_ascii_lowercase());
    match first && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
        true => Ok(()),
        false => Err(RuleError::new(
            "plain_name",
            "must start with a lowercase letter and hold only lowercase letters, digits and _",
        )),
    }
}

async fn username_is_free(name: &str, db: &Db) -> Result<(), RuleError> {
    match db.username_taken(name).await {
        Ok(false) => Ok(()),
        Ok(true) => Err(RuleError::new(TAKEN, TAKEN_MESSAGE)),
        Err(error) => Err(unavailable(error)),
    }
}

async fn invitation_exists(code: &str, db: &Db) -> Result<(), RuleError> {
    match db.invitation_exists(code).await {
        Ok(true) => Ok(()),
        Ok(false) => Err(RuleError::new("unknown_invitation", "is not an invitation code")),
        Err(error) => Err(unavailable(error)),
    }
}

/// A rule's only way to fail is a `RuleError`: this one marks the lookup as not
/// made, for the handler to tell apart (`refused`).
fn unavailable(error: DbError) -> RuleError {
    eprintln!("a lookup failed: {error}");
    RuleError::new(UNAVAILABLE, "could not be checked")
}

/// Why a signup made no user.
#[derive(Debug)]
pub enum SignupError {
    /// Broken rules, as the client may fix them: answered 422.
    Invalid(ValidationErrors),
    /// The database did not answer: answered 503.
    Unavailable(DbError),
}

impl IntoResponse for SignupError {
    fn into_response(self) -> Response {
        match self {
            SignupError::Invalid(errors) => Problem::invalid(errors).into_response(),
            SignupError::Unavailable(error) => {
                eprintln!("an insert failed: {error}");
                service_unavailable()
            }
        }
    }
}

/// Creates the user of a signup whose rules passed. The lookup found the name free,
/// but another signup may have taken it since: the INSERT has the last word, and a
/// name taken in between is answered as the lookup answers it, `taken` at `/username`.
pub async fn register(db: &Db, signup: Signup) -> Result<User, SignupError> {
    let user = User {
        username: signup.username,
        email: signup.email,
        invite_code: signup.invite_code,
    };
    match db.insert_user(user.clone()).await {
        Ok(Inserted::Created) => Ok(user),
        Ok(Inserted::Taken) => Err(SignupError::Invalid(taken_at_username())),
        Err(error) => Err(SignupError::Unavailable(error)),
    }
}

/// The error the `username_is_free` rule reports, made by hand: the path is the
/// field's wire name, which `Signup` does not rename.
fn taken_at_username() -> ValidationErrors {
    let path = Path::from_segments(vec![Segment::Field("username".into())]);
    let mut errors = ValidationErrors::new();
    errors.push(FieldError::new(path, TAKEN, TAKEN_MESSAGE));
    errors
}

/// `POST /signups`: 201 and the user; 422 with every broken rule; 503 when the
/// database could not answer.
pub(crate) async fn create(
    State(db): State<Db>,
    body: Result<ValidWith<Json<Signup>, Db>, Rejection<JsonRejection>>,
) -> Response {
    let Json(signup) = match body {
        Ok(body) => body.into_inner(),
        Err(rejection) => return refused(rejection),
    };
    match register(&db, signup).await {
        Ok(user) => (StatusCode::CREATED, Json(user)).into_response(),
        Err(error) => error.into_response(),
    }
}

/// The extractor's answer, but for a lookup that could not be made: the rules did
/// not judge the signup, so it is the server's fault, not the client's.
fn refused(rejection: Rejection<JsonRejection>) -> Response {
    match rejection {
        Rejection::Invalid(errors) if errors.iter().any(|error| error.code() == UNAVAILABLE) => {
            service_unavailable()
        }
        rejection => rejection.into_response(),
    }
}

fn service_unavailable() -> Response {
    let detail = "the database could not answer; try again";
    Problem::status(StatusCode::SERVICE_UNAVAILABLE, detail).into_response()
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;

    /// A database without its tables: every query fails, as on a database that
    /// cannot answer. The signup may be right, so the answer is 503, not 422.
    #[test]
    fn a_lookup_or_insert_the_database_cannot_answer_is_a_503() {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let db = Db::on(Connection::open_in_memory().unwrap());
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let url = format!("http://{}/signups", listener.local_addr().unwrap());
            tokio::spawn(crate::serve(listener, db.clone()));
            let body = r#"{"username": "grace", "email": "grace@example.com", "invite_code": "WELCOME"}"#;
            let request = reqwest::Client::new()
                .post(url)
                .header("content-type", "application/json");
            let response = request.body(body).send().await.unwrap();
            assert_eq!(response.status(), 503);
            assert_eq!(response.headers()["content-type"], Problem::CONTENT_TYPE);

            let signup: Signup = serde_json::from_str(body).unwrap();
            let refused = register(&db, signup).await.unwrap_err();
            assert!(matches!(refused, SignupError::Unavailable(DbError::Sqlite(_))));
            assert_eq!(refused.into_response().status(), 503);
        });
    }
}
