//! A small signup service on axum and SQLite, whose async rules ask the database.
//!
//! `POST /signups` takes `{"username", "email", "invite_code"}` as JSON and extracts it
//! with [`ValidWith<Json<Signup>, Db>`](modelbuild::axum::ValidWith): every sync rule
//! first (the name's length and characters, the address), then, at once, a lookup of
//! each field whose sync rules passed (is the name free? is the code an invitation?),
//! the database taken from the router's state through `FromRef`. One 422 problem
//! lists every error, in field order. A valid signup is inserted and answered 201.
//!
//! A lookup that found the name free is no promise: another signup of the same name
//! may pass its lookup at the same moment. The `users` table's primary key settles it;
//! the signup whose INSERT it refuses gets the same 422 as one the lookup refused,
//! `taken` at `/username` ([`register`]).
//!
//! SQLite is built in (rusqlite's `bundled`), the database is in memory, made at start
//! with a few [`INVITATIONS`] and one user, [`FIRST_USER`]. Run it with `cargo run -p
//! modelbuild-example-signup` (`-- --port N` for a port of your choice), then:
//!
//! ```text
//! curl -i localhost:PORT/signups -H 'content-type: application/json' \
//!     -d '{"username": "grace", "email": "grace@example.com", "invite_code": "WELCOME"}'
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod db;
mod signup;

use axum::extract::FromRef;
use axum::routing::post;
use axum::Router;
use tokio::net::TcpListener;

pub use db::{Db, DbError, Inserted, Queries, User, FIRST_USER, INVITATIONS};
pub use signup::{register, Signup, SignupError, TAKEN, UNAVAILABLE};

/// What the handlers share. The database alone for now; the rules take it from here
/// through `FromRef`, so what else a service keeps here changes none of them.
#[derive(Clone)]
struct AppState {
    db: Db,
}

// What axum's `#[derive(FromRef)]` writes; its `macros` feature would add a
// proc-macro crate to the build for these four lines.
impl FromRef<AppState> for Db {
    fn from_ref(state: &AppState) -> Db {
        state.db.clone()
    }
}

/// The service's routes, on `db`.
pub fn app(db: Db) -> Router {
    Router::new()
        .route("/signups", post(signup::create))
        .with_state(AppState { db })
}

/// Serves [`app`] on `listener` until the listener fails.
pub async fn serve(listener: TcpListener, db: Db) -> std::io::Result<()> {
    axum::serve(listener, app(db)).await
}
