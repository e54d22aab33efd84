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

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
