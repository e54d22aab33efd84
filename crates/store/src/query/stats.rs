//! What the database holds, in one look.

use serde::Serialize;

use crate::error::Result;
use crate::store::Store;
use crate::url::Backend;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub database: String,
    pub backend: String,
    pub schema_version: i64,
    pub documents: i64,
    /// Near-duplicate clusters: distinct stories once wire copies collapse.
    pub stories: i64,
    pub events: i64,
    /// Events reported by more than one article.
    pub repeated_events: i64,
    pub mentions: i64,
    pub quotes: i64,
    pub entities: i64,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// Events per quad class 1-4.
    pub quad_classes: [i64; 4],
}

const COUNTS: [(&str, &str); 7] = [
    ("documents", "SELECT COUNT(*) FROM documents"),
    (
        "stories",
        "SELECT COUNT(DISTINCT COALESCE(cluster, id)) FROM documents",
    ),
    ("events", "SELECT COUNT(*) FROM events"),
    (
        "repeated",
        "SELECT COUNT(*) FROM events WHERE num_articles > 1",
    ),
    ("mentions", "SELECT COUNT(*) FROM mentions"),
    ("quotes", "SELECT COUNT(*) FROM quotes"),
    ("entities", "SELECT COUNT(*) FROM entities"),
];

impl Store {
    pub fn stats(&self) -> Result<Stats> {
        self.rt.block_on(async {
            let mut n = [0i64; 7];
            for (slot, (_, sql)) in n.iter_mut().zip(COUNTS) {
                let (v,): (i64,) = sqlx::query_as(sql)
                    .fetch_one(&self.pool)
                    .await
                    .map_err(self.err("counting rows"))?;
                *slot = v;
            }
            let (first_date, last_date): (Option<String>, Option<String>) =
                sqlx::query_as("SELECT MIN(date), MAX(date) FROM documents")
                    .fetch_one(&self.pool)
                    .await
                    .map_err(self.err("reading the date range"))?;
            let quads: Vec<(i64, i64)> =
                sqlx::query_as("SELECT quad, COUNT(*) FROM events GROUP BY quad")
                    .fetch_all(&self.pool)
                    .await
                    .map_err(self.err("counting quad classes"))?;
            let mut quad_classes = [0; 4];
            for (q, c) in quads {
                if let Some(slot) = quad_classes.get_mut((q - 1).clamp(0, 3) as usize) {
                    *slot += c;
                }
            }
            let schema_version = crate::schema::version(&self.pool, &self.name).await?;
            Ok(Stats {
                database: self.name.clone(),
                backend: match self.backend {
                    Backend::Sqlite => "sqlite",
                    Backend::Postgres => "postgres",
                }
                .to_string(),
                schema_version,
                documents: n[0],
                stories: n[1],
                events: n[2],
                repeated_events: n[3],
                mentions: n[4],
                quotes: n[5],
                entities: n[6],
                first_date,
                last_date,
                quad_classes,
            })
        })
    }
}
