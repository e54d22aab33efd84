//! One page of stored documents with the events and mentions an export
//! writes along with them, read back into the core types the row writers take.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use detente_core::{Analysis, Event};
use detente_export::Context;

use super::ExportFormat;
use crate::error::{Result, StoreError};
use crate::store::Store;

pub struct StoredDoc {
    pub analysis: Analysis,
    pub context: Context,
}

pub struct StoredEvent {
    pub id: i64,
    pub first_document: i64,
    pub first_index: usize,
    pub mentions: u32,
    pub sources: u32,
    pub articles: u32,
    pub is_root: bool,
    pub tone: f64,
}

pub struct StoredMention {
    pub event: i64,
    pub document: i64,
    pub index: usize,
}

pub struct Page {
    pub last_id: i64,
    pub documents: BTreeMap<i64, StoredDoc>,
    pub events: Vec<StoredEvent>,
    pub mentions: Vec<StoredMention>,
}

impl Page {
    /// The document `id` and its `index`-th event, where both exist.
    pub fn event_at(&self, id: i64, index: usize) -> Option<(&StoredDoc, &Event)> {
        let doc = self.documents.get(&id)?;
        Some((doc, doc.analysis.events.get(index)?))
    }
}

type DocRow = (i64, String, String, String);
type EventRaw = (i64, i64, i64, i64, i64, i64, i64, f64);

const DOCS: &str =
    "SELECT id, analysis, body, added FROM documents WHERE id > $1 ORDER BY id LIMIT $2";
const DOCS_SINCE: &str = "SELECT id, analysis, body, added FROM documents WHERE id > $1 AND date >= $3 ORDER BY id LIMIT $2";
const EVENTS: &str = "SELECT id, first_document, first_index, num_mentions, num_sources, num_articles, is_root, \
    tone_sum / num_articles FROM events WHERE first_document >= $1 AND first_document <= $2 \
    AND (date >= $3 OR $3 = '') ORDER BY id";
const MENTIONS: &str = "SELECT m.event, m.document, m.idx FROM mentions m JOIN events e ON e.id = m.event \
    WHERE m.document >= $1 AND m.document <= $2 AND (e.date >= $3 OR $3 = '') ORDER BY m.id";

impl Store {
    /// The documents after `after` (at most `limit`) and what `format`
    /// writes with them; `None` when no document is left.
    pub(super) fn page(
        &self,
        after: i64,
        limit: i64,
        since: Option<&str>,
        format: ExportFormat,
    ) -> Result<Option<Page>> {
        self.rt.block_on(async {
            let by_date = matches!(format, ExportFormat::GdeltGkg | ExportFormat::Jsonl);
            let query = if by_date && since.is_some() {
                DOCS_SINCE
            } else {
                DOCS
            };
            let mut q = sqlx::query_as(query).bind(after).bind(limit);
            if query == DOCS_SINCE {
                q = q.bind(since.unwrap_or_default().to_string());
            }
            let rows: Vec<DocRow> = q
                .fetch_all(&self.pool)
                .await
                .map_err(self.err("reading documents to export"))?;
            let (Some(first), Some(last)) = (rows.first().map(|r| r.0), rows.last().map(|r| r.0))
            else {
                return Ok(None);
            };
            let mut documents = BTreeMap::new();
            for row in rows {
                documents.insert(row.0, self.stored_doc(row)?);
            }
            let since = since.unwrap_or_default().to_string();
            let mut page = Page {
                last_id: last,
                documents,
                events: Vec::new(),
                mentions: Vec::new(),
            };
            match format {
                ExportFormat::GdeltEvents | ExportFormat::Plover | ExportFormat::Csv => {
                    let rows: Vec<EventRaw> = sqlx::query_as(EVENTS)
                        .bind(first)
                        .bind(last)
                        .bind(since)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(self.err("reading events to export"))?;
                    page.events = rows.into_iter().map(stored_event).collect();
                }
                ExportFormat::GdeltMentions => {
                    let rows: Vec<(i64, i64, i64)> = sqlx::query_as(MENTIONS)
                        .bind(first)
                        .bind(last)
                        .bind(since)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(self.err("reading mentions to export"))?;
                    page.mentions = rows
                        .into_iter()
                        .map(|(event, document, index)| StoredMention {
                            event,
                            document,
                            index: index as usize,
                        })
                        .collect();
                }
                ExportFormat::GdeltGkg | ExportFormat::Jsonl => {}
            }
            Ok(Some(page))
        })
    }

    fn stored_doc(&self, (id, json, body, added): DocRow) -> Result<StoredDoc> {
        let corrupt = |reason: String| StoreError::Corrupt {
            db: self.name.clone(),
            document: id,
            reason,
        };
        let mut analysis: Analysis =
            serde_json::from_str(&json).map_err(|e| corrupt(e.to_string()))?;
        analysis.article.body = body;
        let added = NaiveDateTime::parse_from_str(&added, "%Y-%m-%d %H:%M:%S")
            .map_err(|e| corrupt(e.to_string()))?;
        let context = Context {
            first_event_id: 1,
            added,
            record: id as u64,
        };
        Ok(StoredDoc { analysis, context })
    }
}

fn stored_event(r: EventRaw) -> StoredEvent {
    let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    StoredEvent {
        id: r.0,
        first_document: r.1,
        first_index: r.2 as usize,
        mentions: count(r.3),
        sources: count(r.4),
        articles: count(r.5),
        is_root: r.6 != 0,
        tone: (r.7 * 1000.0).round() / 1000.0,
    }
}
