//! detente's event database: analysed documents in, relations over time and
//! the field's exchange formats out.
//!
//! ```text
//! Analysis ──write──▶ documents ─┬─ events (one per who-did-what-to-whom-when,
//!                                │          NumMentions/NumSources/NumArticles)
//!                                ├─ mentions (each sentence reporting an event)
//!                                ├─ quotes, entities
//!                                └─ full-text index (FTS5 | tsvector)
//! ```
//!
//! One schema, two engines: an SQLite file (the default, nothing to install)
//! or PostgreSQL, through sqlx's `Any` driver with runtime queries, so every
//! query is written once. Documents are keyed by a content hash ([`hash`]),
//! written one transaction each ([`write`]), so ingest is idempotent and
//! resumable; wire copies are clustered by MinHash ([`minhash`]) and repeated
//! events merged into one ([`record`]). [`query`] answers questions about
//! relations over time; [`export`] writes GDELT and PLOVER layouts.

pub mod error;
pub mod export;
pub mod hash;
pub mod ingest;
pub mod minhash;
pub mod query;
pub mod record;
mod schema;
mod store;
pub mod url;
pub mod write;

pub use error::{Result, StoreError};
pub use hash::ContentHash;
pub use store::{Access, Store};
pub use url::{Backend, DbUrl};
pub use write::{NewDocument, Written};

/// The database `detente ingest` and `detente query` use when none is given.
pub const DEFAULT_DB: &str = "detente.db";
