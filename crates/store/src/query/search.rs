//! Full-text search over titles and bodies: FTS5 on SQLite, a tsvector with
//! English stemming on PostgreSQL. All words must occur; results best first.

use serde::Serialize;

use crate::error::Result;
use crate::store::Store;
use crate::url::Backend;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub document: i64,
    pub date: Option<String>,
    pub title: Option<String>,
    pub input: String,
    /// The best passage, matched words in [brackets].
    pub snippet: String,
    /// Relevance, higher is better (bm25 on SQLite, ts_rank on PostgreSQL:
    /// comparable within one result list only).
    pub score: f64,
}

/// id, date, title, input, snippet, score.
type HitRow = (i64, Option<String>, Option<String>, String, String, f64);

const SQLITE: &str = "SELECT d.id, d.date, d.title, d.input, \
    snippet(documents_fts, 1, '[', ']', '...', 16), -bm25(documents_fts) \
    FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid \
    WHERE documents_fts MATCH $1 ORDER BY bm25(documents_fts) LIMIT $2";

const POSTGRES: &str = "SELECT d.id, d.date, d.title, d.input, \
    ts_headline('english', d.body, q, 'StartSel=[, StopSel=], MaxWords=24, MinWords=10'), \
    CAST(ts_rank(d.tsv, q) AS DOUBLE PRECISION) \
    FROM documents d, plainto_tsquery('english', $1) q \
    WHERE d.tsv @@ q ORDER BY 6 DESC LIMIT $2";

impl Store {
    /// Documents containing every word of `words`.
    pub fn search(&self, words: &str, limit: u32) -> Result<Vec<SearchHit>> {
        let (sql, query) = match self.backend {
            Backend::Sqlite => (SQLITE, fts5_query(words)),
            Backend::Postgres => (POSTGRES, words.to_string()),
        };
        if query.trim().is_empty() {
            return Ok(Vec::new());
        }
        let rows: Vec<HitRow> = self
            .rt
            .block_on(
                sqlx::query_as(sql)
                    .bind(query)
                    .bind(i64::from(limit.max(1)))
                    .fetch_all(&self.pool),
            )
            .map_err(self.err("searching the documents"))?;
        Ok(rows
            .into_iter()
            .map(|(document, date, title, input, snippet, score)| SearchHit {
                document,
                date,
                title,
                input,
                snippet: snippet.split_whitespace().collect::<Vec<_>>().join(" "),
                score: (score * 1e6).round() / 1e6,
            })
            .collect())
    }
}

/// The words of a person's query as FTS5 terms: each quoted, so no word is
/// read as FTS5 syntax (`AND`, `NEAR`, `-`, `*`), all required.
fn fts5_query(words: &str) -> String {
    words
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn query_words_are_quoted() {
        assert_eq!(
            super::fts5_query("sanctions  Crimea"),
            "\"sanctions\" \"Crimea\""
        );
        assert_eq!(
            super::fts5_query("NEAR(a -b) \"x"),
            "\"NEAR\" \"a\" \"b\" \"x\""
        );
        assert_eq!(super::fts5_query("--"), "");
    }
}
