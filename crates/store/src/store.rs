//! An open database: the connection pool, the runtime that drives it, and
//! the checks made on opening (file permissions, server reachable, schema).
//!
//! The rest of detente is synchronous (rayon threads), so [`Store`] owns a
//! small tokio runtime and every public method blocks on it. SQLite runs in
//! WAL mode with `synchronous=NORMAL`: readers query while an ingest writes,
//! and a commit survives a killed process (a power cut may lose the last
//! commits, never half a document).

use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{AnyPool, ConnectOptions, Executor};
use tokio::runtime::Runtime;

use crate::error::{Result, StoreError};
use crate::schema;
use crate::url::{Backend, DbUrl};

/// Whether a store is opened to write (created and migrated as needed) or
/// only to read (it must exist and hold detente's schema).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    ReadWrite,
    ReadOnly,
}

/// An open detente database.
pub struct Store {
    pub(crate) rt: Runtime,
    pub(crate) pool: AnyPool,
    pub(crate) backend: Backend,
    /// The address as shown in messages.
    pub(crate) name: String,
}

const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
    PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; \
    PRAGMA wal_autocheckpoint = 8192";

impl Store {
    /// Opens the database at `url` (a file path, `sqlite:PATH` or `postgres://...`).
    pub fn open(url: &str, access: Access) -> Result<Store> {
        let url = DbUrl::parse(url)?;
        let name = url.display();
        let options = connect_options(&url, access)?;
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        sqlx::any::install_default_drivers();
        let backend = url.backend();
        let pool = rt
            .block_on(pool_options(backend).connect_with(options))
            .map_err(|source| StoreError::Connect {
                db: name.clone(),
                source,
            })?;
        let store = Store {
            rt,
            pool,
            backend,
            name,
        };
        store.check_schema(access)?;
        Ok(store)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The address as shown in messages (no password).
    pub fn name(&self) -> &str {
        &self.name
    }

    fn check_schema(&self, access: Access) -> Result<()> {
        let version = match access {
            Access::ReadWrite => {
                self.rt
                    .block_on(schema::migrate(&self.pool, self.backend, &self.name))?
            }
            Access::ReadOnly => self.rt.block_on(schema::version(&self.pool, &self.name))?,
        };
        if version == 0 {
            return Err(StoreError::Missing {
                path: self.name.clone(),
            });
        }
        if version > schema::latest() {
            return Err(StoreError::SchemaTooNew {
                db: self.name.clone(),
                found: version,
                known: schema::latest(),
            });
        }
        Ok(())
    }

    pub(crate) fn err(&self, what: &'static str) -> impl FnOnce(sqlx::Error) -> StoreError + '_ {
        move |source| StoreError::query(&self.name, what, source)
    }
}

/// Closing the pool closes each connection properly: on SQLite the last one
/// to close folds the write-ahead log into the database file, so a finished
/// `detente.db` is whole on its own (copy it without `-wal` and nothing is lost).
impl Drop for Store {
    fn drop(&mut self) {
        self.rt.block_on(self.pool.close());
    }
}

fn pool_options(backend: Backend) -> AnyPoolOptions {
    let options = AnyPoolOptions::new()
        .max_connections(4)
        .acquire_timeout(Duration::from_secs(15));
    match backend {
        Backend::Postgres => options,
        Backend::Sqlite => options.after_connect(|conn, _| {
            Box::pin(async move {
                conn.execute(SQLITE_PRAGMAS).await?;
                Ok(())
            })
        }),
    }
}

/// The driver options for `url`, after the checks that give a clearer
/// message than the driver would.
fn connect_options(url: &DbUrl, access: Access) -> Result<AnyConnectOptions> {
    let path = match url {
        DbUrl::Sqlite(path) => path,
        DbUrl::Postgres(s) => {
            return s.parse().map_err(|e: sqlx::Error| StoreError::BadUrl {
                url: url.display(),
                reason: e.to_string(),
            });
        }
    };
    let shown = path.display().to_string();
    match (std::fs::metadata(path), access) {
        (Err(_), Access::ReadOnly) => return Err(StoreError::Missing { path: shown }),
        (Ok(m), Access::ReadWrite) if m.permissions().readonly() => {
            return Err(StoreError::ReadOnly { path: shown });
        }
        _ => {}
    }
    let sqlite = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(access == Access::ReadWrite)
        .read_only(access == Access::ReadOnly);
    AnyConnectOptions::from_url(&sqlite.to_url_lossy()).map_err(|e| StoreError::BadUrl {
        url: shown,
        reason: e.to_string(),
    })
}
