//! What can go wrong with the database, said so a person can act on it.
//!
//! Every error names the database (without its password) and the operation
//! that failed; the driver's own message follows.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("bad database address {url:?}: {reason}")]
    BadUrl { url: String, reason: String },
    #[error(
        "the database file {path} is read-only: ingest needs to write to it (check its permissions, or pass another --db)"
    )]
    ReadOnly { path: String },
    #[error("no detente database at {path}: run `detente ingest` first")]
    Missing { path: String },
    #[error("cannot connect to {db}: {source}")]
    Connect {
        db: String,
        #[source]
        source: sqlx::Error,
    },
    #[error(
        "{db}: schema version {found} is newer than this detente knows ({known}); upgrade detente"
    )]
    SchemaTooNew { db: String, found: i64, known: i64 },
    #[error(
        "{db}: {what} failed: the disk is full or refused the write ({source}). Free some space and run the same command again: what was stored is kept, and stored documents are skipped"
    )]
    NoSpace {
        db: String,
        what: &'static str,
        #[source]
        source: sqlx::Error,
    },
    #[error("{db}: {what} failed: {source}")]
    Query {
        db: String,
        what: &'static str,
        #[source]
        source: sqlx::Error,
    },
    #[error("{db}: stored analysis of document {document} is unreadable: {reason}")]
    Corrupt {
        db: String,
        document: i64,
        reason: String,
    },
    #[error("cannot start the database runtime: {0}")]
    Runtime(#[from] std::io::Error),
    #[error("writing the export failed: {0}")]
    Write(std::io::Error),
}

impl StoreError {
    /// The error for a failed statement on `db`, told apart when the cause is
    /// a disk that cannot take more data, since the cure is then the user's.
    pub(crate) fn query(db: &str, what: &'static str, source: sqlx::Error) -> StoreError {
        let db = db.to_string();
        if is_out_of_space(&source) {
            StoreError::NoSpace { db, what, source }
        } else {
            StoreError::Query { db, what, source }
        }
    }
}

/// SQLite's SQLITE_FULL (13) and SQLITE_IOERR_WRITE (778: a short write, as
/// when the file may not grow), PostgreSQL's disk_full (53100), and the
/// operating system's "no space" and "file too large".
fn is_out_of_space(e: &sqlx::Error) -> bool {
    const ENOSPC: i32 = 28;
    const EFBIG: i32 = 27;
    match e {
        sqlx::Error::Database(d) => matches!(d.code().as_deref(), Some("13" | "778" | "53100")),
        sqlx::Error::Io(io) => matches!(io.raw_os_error(), Some(ENOSPC | EFBIG)),
        _ => false,
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
