//! The database: SQLite in memory, one connection behind a mutex, every query on
//! tokio's blocking pool.

use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use rusqlite::{ffi, params, Connection};
use serde::Serialize;

/// The invitation codes the database starts with.
pub const INVITATIONS: [&str; 3] = ["WELCOME", "FRIENDS-2026", "EARLY-BIRD"];

/// The user the database starts with, so that a taken name can be tried at once.
pub const FIRST_USER: &str = "ada";

// `NOT NULL` beside `PRIMARY KEY`: SQLite lets a text primary key be NULL otherwise.
// STRICT: a value of another type is an error, not converted.
const SCHEMA: &str = "
    CREATE TABLE invitations (code TEXT PRIMARY KEY NOT NULL) STRICT;
    CREATE TABLE users (
        username TEXT PRIMARY KEY NOT NULL,
        email TEXT NOT NULL,
        invite_code TEXT NOT NULL
    ) STRICT;
";

/// A user: a row of `users`, and what `POST /signups` answers with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    /// The name, the table's primary key.
    pub username: String,
    /// Where to write to the user.
    pub email: String,
    /// The invitation the user signed up with.
    pub invite_code: String,
}

/// What an INSERT of a user did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    /// The row is there.
    Created,
    /// The primary key refused it: another user has the name.
    Taken,
}

/// The database, cheap to clone: every clone is the same database.
#[derive(Clone)]
pub struct Db(Arc<Shared>);

struct Shared {
    // One connection: an in-memory database is seen by its own connection alone (the
    // shared-cache mode that would let a pool share it answers SQLITE_LOCKED under
    // contention instead of waiting), and SQLite runs one write at a time anyway. The
    // lock is held for one statement, a few microseconds.
    connection: Mutex<Connection>,
    username_lookups: AtomicUsize,
    invitation_lookups: AtomicUsize,
    inserts: AtomicUsize,
}

/// How many queries of each kind the database has been asked: what the tests read to
/// show that a lookup was skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Queries {
    /// `SELECT`s of a username.
    pub username_lookups: usize,
    /// `SELECT`s of an invitation code.
    pub invitation_lookups: usize,
    /// `INSERT`s of a user, refused ones included.
    pub inserts: usize,
}

impl Db {
    /// A new database in memory: the tables, the [`INVITATIONS`] and the
    /// [`FIRST_USER`]. It lives as long as a clone of it does.
    pub fn open() -> Result<Db, DbError> {
        let connection = Connection::open_in_memory()?;
        connection.execute_batch(SCHEMA)?;
        for code in INVITATIONS {
            connection.execute("INSERT INTO invitations (code) VALUES (?1)", [code])?;
        }
        connection.execute(
            "INSERT INTO users (username, email, invite_code) VALUES (?1, ?2, ?3)",
            [FIRST_USER, "ada@example.com", INVITATIONS[0]],
        )?;
        Ok(Db::on(connection))
    }

    /// A database on `connection`, as it is.
    pub(crate) fn on(connection: Connection) -> Db {
        Db(Arc::new(Shared {
            connection: Mutex::new(connection),
            username_lookups: AtomicUsize::new(0),
            invitation_lookups: AtomicUsize::new(0),
            inserts: AtomicUsize::new(0),
        }))
    }

    /// Whether a user has the name `username`.
    pub async fn username_taken(&self, username: &str) -> Result<bool, DbError> {
        self.0.username_lookups.fetch_add(1, Ordering::Relaxed);
        let username = username.to_owned();
        self.run(move |connection| {
            let sql = "SELECT EXISTS (SELECT 1 FROM users WHERE username = ?1)";
            connection.query_row(sql, [username], |row| row.get(0))
        })
        .await
    }

    /// Whether `code` is an invitation code.
    pub async fn invitation_exists(&self, code: &str) -> Result<bool, DbError> {
        self.0.invitation_lookups.fetch_add(1, Ordering::Relaxed);
        let code = code.to_owned();
        self.run(move |connection| {
            let sql = "SELECT EXISTS (SELECT 1 FROM invitations WHERE code = ?1)";
            connection.query_row(sql, [code], |row| row.get(0))
        })
        .await
    }

    /// Inserts `user`, unless the name is taken: the primary key decides, so of two
    /// signups of one name, however close, one is created and the other is
    /// [`Inserted::Taken`].
    pub async fn insert_user(&self, user: User) -> Result<Inserted, DbError> {
        self.0.inserts.fetch_add(1, Ordering::Relaxed);
        self.run(move |connection| {
            let sql = "INSERT INTO users (username, email, invite_code) VALUES (?1, ?2, ?3)";
            match connection.execute(sql, params![user.username, user.email, user.invite_code]) {
                Ok(_) => Ok(Inserted::Created),
                Err(error) if is_primary_key_violation(&error) => Ok(Inserted::Taken),
                Err(error) => Err(error),
            }
        })
        .await
    }

    /// How many queries of each kind it has been asked so far.
    pub fn queries(&self) -> Queries {
        Queries {
            username_lookups: self.0.username_lookups.load(Ordering::Relaxed),
            invitation_lookups: self.0.invitation_lookups.load(Ordering::Relaxed),
            inserts: self.0.inserts.load(Ordering::Relaxed),
        }
    }

    /// Runs `query` on the blocking pool: rusqlite's calls block, and a worker thread of
    /// the runtime must never wait on a lock or on SQLite.
    async fn run<T, Q>(&self, query: Q) -> Result<T, DbError>
    where
        T: Send + 'static,
        Q: FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        let shared = Arc::clone(&self.0);
        let task = tokio::task::spawn_blocking(move || {
            // A query that panicked left no statement half done (each is atomic in
            // SQLite), so the connection is still good.
            let connection = shared.connection.lock().unwrap_or_else(PoisonError::into_inner);
            query(&connection)
        });
        // Dropping this future (a client gone) leaves the statement to finish on its
        // own thread: a blocking call cannot be interrupted, and it takes microseconds.
        task.await.map_err(DbError::Task)?.map_err(DbError::Sqlite)
    }
}

fn is_primary_key_violation(error: &rusqlite::Error) -> bool {
    error
        .sqlite_error()
        .is_some_and(|error| error.extended_code == ffi::SQLITE_CONSTRAINT_PRIMARYKEY)
}

/// The database could not answer: SQLite failed, or the task running the query did
/// not finish (it panicked, or the runtime is shutting down).
#[derive(Debug)]
pub enum DbError {
    /// SQLite's error.
    Sqlite(rusqlite::Error),
    /// The blocking task's.
    Task(tokio::task::JoinError),
}

impl From<rusqlite::Error> for DbError {
    fn from(error: rusqlite::Error) -> Self {
        DbError::Sqlite(error)
    }
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DbError::Sqlite(error) => write!(f, "SQLite: {error}"),
            DbError::Task(error) => write!(f, "the query's task: {error}"),
        }
    }
}

impl std::error::Error for DbError {}
