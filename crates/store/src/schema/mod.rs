//! The versioned schema and the runner that brings a database up to date.
//!
//! `detente_schema` records each version applied. Opening a database for
//! writing applies, in order, every migration it lacks, each in its own
//! transaction with its version row, so a crash mid-way leaves the previous
//! version intact. Both backends have the same versions with the same
//! tables and columns, written once (`migrations`); only types and full-text
//! search differ.

mod migrations;

use sqlx::AnyPool;

use crate::error::{Result, StoreError};
use crate::url::Backend;

use migrations::MIGRATIONS;

/// The newest schema version this build knows.
pub fn latest() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

const VERSION_TABLE: &str = "CREATE TABLE IF NOT EXISTS detente_schema (
    version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)";

/// The version a database is at; 0 for one without detente's tables.
pub async fn version(pool: &AnyPool, db: &str) -> Result<i64> {
    let exists: Option<(i64,)> =
        sqlx::query_as("SELECT COUNT(*) FROM detente_schema WHERE version > 0")
            .fetch_optional(pool)
            .await
            .ok()
            .flatten();
    if exists.is_none() {
        return Ok(0);
    }
    let (v,): (Option<i64>,) = sqlx::query_as("SELECT MAX(version) FROM detente_schema")
        .fetch_one(pool)
        .await
        .map_err(|source| query(db, "reading the schema version", source))?;
    Ok(v.unwrap_or(0))
}

/// Applies every migration newer than the database's version.
pub async fn migrate(pool: &AnyPool, backend: Backend, db: &str) -> Result<i64> {
    sqlx::raw_sql(VERSION_TABLE)
        .execute(pool)
        .await
        .map_err(|source| query(db, "creating the schema table", source))?;
    let current = version(pool, db).await?;
    if current > latest() {
        return Err(StoreError::SchemaTooNew {
            db: db.to_string(),
            found: current,
            known: latest(),
        });
    }
    for m in MIGRATIONS.iter().filter(|m| m.version > current) {
        let mut tx = pool
            .begin()
            .await
            .map_err(|source| query(db, "starting a migration", source))?;
        // Built only from the constants in `migrations`, never from input.
        sqlx::raw_sql(sqlx::AssertSqlSafe(m.sql(backend)))
            .execute(&mut *tx)
            .await
            .map_err(|source| query(db, "applying a schema migration", source))?;
        sqlx::query("INSERT INTO detente_schema (version, name, applied) VALUES ($1, $2, $3)")
            .bind(m.version)
            .bind(m.name)
            .bind(chrono::Utc::now().to_rfc3339())
            .execute(&mut *tx)
            .await
            .map_err(|source| query(db, "recording a schema migration", source))?;
        tx.commit()
            .await
            .map_err(|source| query(db, "committing a schema migration", source))?;
    }
    Ok(latest())
}

fn query(db: &str, what: &'static str, source: sqlx::Error) -> StoreError {
    StoreError::query(db, what, source)
}
