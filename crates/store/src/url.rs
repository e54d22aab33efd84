//! Where the database is: an SQLite file (a plain path or `sqlite:PATH`) or
//! a PostgreSQL server (`postgres://` or `postgresql://`).
//!
//! A plain path is the common case (`detente.db`), so it needs no scheme.
//! The address shown in messages never contains a password.

use std::path::PathBuf;

use crate::error::{Result, StoreError};

/// The database engine behind an address; the schema and queries are the same
/// for both, except full-text search (FTS5 or tsvector).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A parsed database address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbUrl {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DbUrl {
    pub fn parse(s: &str) -> Result<Self> {
        let s = s.trim();
        if s.is_empty() {
            return Err(bad(s, "empty"));
        }
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            return Ok(DbUrl::Postgres(s.to_string()));
        }
        let path = s
            .strip_prefix("sqlite://")
            .or_else(|| s.strip_prefix("sqlite:"))
            .unwrap_or(s);
        if path.contains("://") {
            return Err(bad(
                s,
                "expected a file path, sqlite:PATH or postgres://...",
            ));
        }
        if path.is_empty() || path == ":memory:" {
            return Err(bad(s, "an SQLite database needs a file path"));
        }
        Ok(DbUrl::Sqlite(PathBuf::from(path)))
    }

    pub fn backend(&self) -> Backend {
        match self {
            DbUrl::Sqlite(_) => Backend::Sqlite,
            DbUrl::Postgres(_) => Backend::Postgres,
        }
    }

    /// The address to show a person: the path, or the URL without its password.
    pub fn display(&self) -> String {
        match self {
            DbUrl::Sqlite(p) => p.display().to_string(),
            DbUrl::Postgres(url) => hide_password(url),
        }
    }
}

fn bad(url: &str, reason: &str) -> StoreError {
    StoreError::BadUrl {
        url: hide_password(url),
        reason: reason.to_string(),
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
fn hide_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let Some((auth, host)) = rest.split_once('@') else {
        return url.to_string();
    };
    match auth.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_urls() {
        assert_eq!(
            DbUrl::parse("detente.db").unwrap(),
            DbUrl::Sqlite("detente.db".into())
        );
        assert_eq!(
            DbUrl::parse("sqlite:/tmp/x.db").unwrap(),
            DbUrl::Sqlite("/tmp/x.db".into())
        );
        assert_eq!(
            DbUrl::parse("sqlite:///tmp/x.db").unwrap(),
            DbUrl::Sqlite("/tmp/x.db".into())
        );
        let pg = DbUrl::parse("postgres://me:pw@localhost:5432/d").unwrap();
        assert_eq!(pg.backend(), Backend::Postgres);
        assert_eq!(pg.display(), "postgres://me:***@localhost:5432/d");
        assert!(DbUrl::parse("mysql://x").is_err());
        assert!(DbUrl::parse("").is_err());
        assert!(DbUrl::parse(":memory:").is_err());
    }
}
