//! The rows a group of documents adds beside their own rows and events:
//! search index, near-duplicate bands, mentions, quotes, entities. They are
//! collected while the group is written and inserted at its end, many rows
//! per statement: a handful of statements per group instead of several per
//! document.

use detente_core::{Analysis, QuoteKind};
use sqlx::any::AnyArguments;
use sqlx::{Any, AssertSqlSafe, Transaction};

use crate::error::Result;
use crate::minhash::Signature;
use crate::record::{EventGroup, is_root};
use crate::store::Store;
use crate::url::Backend;

/// Most rows in one INSERT. Statements carry 64, 32, ..., 1 rows, so each
/// table has at most seven statement texts and the prepared-statement cache
/// keeps them all.
const MAX_ROWS: usize = 64;

/// One value of a row.
#[derive(Debug, Clone)]
pub(super) enum Cell {
    Int(i64),
    Text(Option<String>),
}

/// Rows waiting for one table.
struct Table {
    /// `name (col, ...)`.
    target: &'static str,
    cols: usize,
    rows: Vec<Vec<Cell>>,
}

impl Table {
    fn new(target: &'static str, cols: usize) -> Self {
        Table {
            target,
            cols,
            rows: Vec::new(),
        }
    }
}

/// Everything a group adds besides documents and events.
pub(super) struct Pending {
    tables: Vec<Table>,
    /// The signatures of this group's documents (id, cluster): not in the
    /// band table yet, but a later document of the group may copy them.
    pub signatures: Vec<(i64, Option<i64>, Signature)>,
}

const FTS: usize = 0;
const BANDS: usize = 1;
const MENTIONS: usize = 2;
const QUOTES: usize = 3;
const ENTITIES: usize = 4;

impl Pending {
    pub fn new() -> Self {
        Pending {
            tables: vec![
                Table::new("documents_fts (rowid, title, body)", 3),
                Table::new("document_bands (band, document)", 2),
                Table::new(
                    "mentions (event, document, idx, sentence, is_root, modality, rule, evidence)",
                    8,
                ),
                Table::new(
                    "quotes (document, kind, speaker, speaker_actor, cue, text)",
                    6,
                ),
                Table::new("entities (document, kind, name, actor, start)", 5),
            ],
            signatures: Vec::new(),
        }
    }

    /// The rows of document `id` with analysis `a`.
    pub fn add(
        &mut self,
        backend: Backend,
        id: i64,
        a: &Analysis,
        groups: &[EventGroup<'_>],
        event_ids: &[i64],
    ) {
        let text = |s: &str| Cell::Text(Some(s.to_string()));
        let opt = |s: Option<String>| Cell::Text(s);
        if backend == Backend::Sqlite {
            let row = vec![
                Cell::Int(id),
                opt(a.article.title.clone()),
                text(&a.article.body),
            ];
            self.tables[FTS].rows.push(row);
        }
        for (g, &event) in groups.iter().zip(event_ids) {
            for &i in &g.mentions {
                let e = &a.events[i];
                self.tables[MENTIONS].rows.push(vec![
                    Cell::Int(event),
                    Cell::Int(id),
                    Cell::Int(i as i64),
                    Cell::Int(e.sentence as i64),
                    Cell::Int(i64::from(is_root(a, e))),
                    text(e.modality.as_str()),
                    text(&e.rule),
                    text(&e.evidence),
                ]);
            }
        }
        for q in &a.quotes {
            let kind = match q.kind {
                QuoteKind::Direct => "direct",
                QuoteKind::Indirect => "indirect",
            };
            self.tables[QUOTES].rows.push(vec![
                Cell::Int(id),
                text(kind),
                opt(q.speaker.clone()),
                opt(q.speaker_actor.map(|c| c.to_string())),
                opt(q.cue.clone()),
                text(&q.text),
            ]);
        }
        for e in &a.entities {
            self.tables[ENTITIES].rows.push(vec![
                Cell::Int(id),
                text(e.kind.as_str()),
                text(e.name()),
                opt(e.actor.map(|c| c.to_string())),
                Cell::Int(e.span.start as i64),
            ]);
        }
    }

    /// Notes the signature of document `id` for the band table and for the
    /// near-duplicate checks of the rest of the group.
    pub fn add_signature(&mut self, id: i64, cluster: Option<i64>, signature: Signature) {
        for key in signature.band_keys() {
            self.tables[BANDS]
                .rows
                .push(vec![Cell::Int(key), Cell::Int(id)]);
        }
        self.signatures.push((id, cluster, signature));
    }
}

impl Store {
    /// Inserts every pending row.
    pub(super) async fn flush(
        &self,
        tx: &mut Transaction<'static, Any>,
        pending: Pending,
    ) -> Result<()> {
        for table in pending.tables {
            let mut rows = table.rows.as_slice();
            while !rows.is_empty() {
                let n = chunk_len(rows.len());
                let sql = insert_sql(self.backend, table.target, table.cols, n);
                let mut q = sqlx::query_with::<Any, _>(AssertSqlSafe(sql), AnyArguments::default());
                for cell in rows[..n].iter().flatten() {
                    q = match cell {
                        Cell::Int(v) => q.bind(*v),
                        Cell::Text(v) => q.bind(v.clone()),
                    };
                }
                q.execute(&mut **tx)
                    .await
                    .map_err(self.err(what(table.target)))?;
                rows = &rows[n..];
            }
        }
        Ok(())
    }
}

/// The largest power of two at most `remaining` and [`MAX_ROWS`].
fn chunk_len(remaining: usize) -> usize {
    let n = remaining.min(MAX_ROWS);
    1 << (usize::BITS - 1 - n.leading_zeros())
}

fn what(target: &str) -> &'static str {
    match target.split(' ').next() {
        Some("documents_fts") => "indexing documents for search",
        Some("document_bands") => "indexing documents for near-duplicates",
        Some("mentions") => "storing event mentions",
        Some("quotes") => "storing quotes",
        _ => "storing entities",
    }
}

/// `INSERT INTO {target} VALUES (.., ..), (..)` for `rows` rows of `cols`
/// values. Placeholders are `$1, $2, ...` on PostgreSQL and `?` on SQLite,
/// where numbered ones cost a name lookup per value when bound.
pub(super) fn insert_sql(backend: Backend, target: &str, cols: usize, rows: usize) -> String {
    let mut sql = format!("INSERT INTO {target} VALUES ");
    for r in 0..rows {
        sql.push_str(if r == 0 { "(" } else { ", (" });
        for c in 0..cols {
            if c > 0 {
                sql.push_str(", ");
            }
            match backend {
                Backend::Sqlite => sql.push('?'),
                Backend::Postgres => sql.push_str(&format!("${}", r * cols + c + 1)),
            }
        }
        sql.push(')');
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements() {
        let pg = insert_sql(Backend::Postgres, "t (a, b)", 2, 2);
        assert_eq!(pg, "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)");
        let sqlite = insert_sql(Backend::Sqlite, "t (a, b)", 2, 2);
        assert_eq!(sqlite, "INSERT INTO t (a, b) VALUES (?, ?), (?, ?)");
        assert_eq!(
            [1, 2, 3, 63, 64, 65, 500].map(chunk_len),
            [1, 2, 2, 32, 64, 64, 64]
        );
    }
}
