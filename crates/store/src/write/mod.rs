//! Storing analysed documents: each whole, with its events, mentions,
//! quotes and entities, in the same transaction, or not at all.
//!
//! A document's row is inserted first with `ON CONFLICT (hash) DO NOTHING`;
//! if its hash is already there nothing else is written for it and it is
//! reported as already stored. Otherwise its events are merged into the
//! events they repeat (NumMentions, NumArticles, NumSources, root flag,
//! tone), and its mentions, quotes and entities are added.
//!
//! Group commit: [`Store::write_all`] stores several documents in one
//! transaction. Each document is still all-or-nothing (a killed process
//! loses the uncommitted group, which the next run stores again), but the
//! pages the documents share (indexes, full-text segments) are written to
//! the log once per group instead of once per document: on SQLite this is
//! what makes storage keep pace with analysis.

use detente_core::Analysis;
use sqlx::any::AnyArguments;
use sqlx::{Any, AssertSqlSafe, Transaction};

use crate::error::Result;
use crate::hash::ContentHash;
use crate::minhash::{BANDS, Signature, THRESHOLD};

/// Most stored documents compared with a new one (wire copies of one story
/// rarely number more; beyond it the earliest are kept).
const CANDIDATES: usize = 4096;

mod rows;

use crate::record::{EventGroup, group_events, source_name};
use crate::store::Store;
use rows::Pending;

/// A document ready to store: its key, where it came from, its analysis.
#[derive(Debug, Clone)]
pub struct NewDocument {
    pub hash: ContentHash,
    /// The input as a person finds it (path, path:line, URL).
    pub input: String,
    pub analysis: Analysis,
}

/// What storing one document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    Stored {
        events: u64,
        new_events: u64,
        mentions: u64,
        quotes: u64,
    },
    /// A document with the same hash was stored before; nothing changed.
    AlreadyStored,
}

impl Store {
    /// Stores `doc` with its events, quotes and entities in one transaction.
    pub fn write(&self, doc: NewDocument) -> Result<Written> {
        Ok(self.write_all(vec![doc])?.remove(0))
    }

    /// Stores every document of `docs` in one transaction; on an error none
    /// of them is stored.
    pub fn write_all(&self, docs: Vec<NewDocument>) -> Result<Vec<Written>> {
        self.rt.block_on(async {
            let mut tx = self
                .pool
                .begin()
                .await
                .map_err(self.err("starting a transaction"))?;
            let mut written = Vec::with_capacity(docs.len());
            let mut pending = Pending::new();
            for doc in docs {
                written.push(self.write_one(&mut tx, doc, &mut pending).await?);
            }
            self.flush(&mut tx, pending).await?;
            tx.commit()
                .await
                .map_err(self.err("committing documents"))?;
            Ok(written)
        })
    }

    async fn write_one(
        &self,
        tx: &mut Transaction<'static, Any>,
        mut doc: NewDocument,
        pending: &mut Pending,
    ) -> Result<Written> {
        let body = std::mem::take(&mut doc.analysis.article.body);
        let json = serde_json::to_string(&doc.analysis).expect("an analysis always serialises");
        doc.analysis.article.body = body;
        let a = &doc.analysis;
        let signature = Signature::of(&a.article.body);

        let cluster = match &signature {
            Some(sig) => self.near_duplicate(tx, sig, &pending.signatures).await?,
            None => None,
        };
        let Some(id) = self
            .insert_document(tx, &doc, &json, signature.as_ref(), cluster)
            .await?
        else {
            return Ok(Written::AlreadyStored);
        };
        if let Some(sig) = signature {
            pending.add_signature(id, cluster, sig);
        }
        let groups = group_events(a, cluster.unwrap_or(id));
        let source = source_name(a);
        let mut new_events = 0;
        let mut event_ids = Vec::with_capacity(groups.len());
        for g in &groups {
            let (event, new) = self.merge_event(tx, a, g, id, &source).await?;
            new_events += u64::from(new);
            event_ids.push(event);
        }
        pending.add(self.backend, id, a, &groups, &event_ids);
        Ok(Written::Stored {
            events: groups.len() as u64,
            new_events,
            mentions: a.events.len() as u64,
            quotes: a.quotes.len() as u64,
        })
    }

    /// The cluster of the most similar document at [`THRESHOLD`] or more:
    /// a stored one found through the band index, or one of this group.
    async fn near_duplicate(
        &self,
        tx: &mut Transaction<'static, Any>,
        sig: &Signature,
        group: &[(i64, Option<i64>, Signature)],
    ) -> Result<Option<i64>> {
        let placeholders: Vec<String> = (1..=BANDS).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT d.id, d.cluster, d.minhash FROM document_bands b JOIN documents d ON d.id = b.document \
             WHERE b.band IN ({}) GROUP BY d.id ORDER BY d.id LIMIT {}",
            placeholders.join(", "),
            CANDIDATES
        );
        let mut q = sqlx::query_as_with::<Any, (i64, Option<i64>, Option<Vec<u8>>), _>(
            AssertSqlSafe(sql),
            AnyArguments::default(),
        );
        for key in sig.band_keys() {
            q = q.bind(key);
        }
        let rows = q
            .fetch_all(&mut **tx)
            .await
            .map_err(self.err("looking for near-duplicates"))?;
        let stored = rows.into_iter().filter_map(|(id, cluster, bytes)| {
            Some((id, cluster, Signature::from_bytes(&bytes?)?))
        });
        let best = stored
            // Only what the band index would find once stored: a run then
            // clusters alike wherever its commit groups fall.
            .chain(
                group
                    .iter()
                    .filter(|(_, _, other)| shares_band(sig, other))
                    .cloned(),
            )
            .map(|(id, cluster, other)| (sig.similarity(&other), cluster.unwrap_or(id)))
            .filter(|(s, _)| *s >= THRESHOLD)
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        Ok(best.map(|(_, cluster)| cluster))
    }

    async fn insert_document(
        &self,
        tx: &mut Transaction<'static, Any>,
        doc: &NewDocument,
        json: &str,
        signature: Option<&Signature>,
        cluster: Option<i64>,
    ) -> Result<Option<i64>> {
        let a = &doc.analysis;
        let row: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO documents (hash, input, doc_id, url, title, publisher, source, date, language, \
             body, tone, word_count, minhash, cluster, analysis, added) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) \
             ON CONFLICT (hash) DO NOTHING RETURNING id",
        )
        .bind(doc.hash.as_str().to_string())
        .bind(doc.input.clone())
        .bind(a.id.clone())
        .bind(a.article.url.clone())
        .bind(a.article.title.clone())
        .bind(a.article.publisher.clone())
        .bind(source_name(a))
        .bind(a.article.date.map(|d| d.to_string()))
        .bind(a.article.language.clone())
        .bind(a.article.body.clone())
        .bind(finite(a.tone))
        .bind(i64::from(a.tone_detail.word_count))
        .bind(signature.map(Signature::to_bytes))
        .bind(cluster)
        .bind(json.to_string())
        .bind(chrono::Utc::now().format("%Y-%m-%d %H:%M:%S").to_string())
        .fetch_optional(&mut **tx)
        .await
        .map_err(self.err("inserting the document"))?;
        Ok(row.map(|r| r.0))
    }

    /// Adds one event group of a new document to the event it repeats (or a
    /// new event); returns the event id and whether it is new.
    async fn merge_event(
        &self,
        tx: &mut Transaction<'static, Any>,
        a: &Analysis,
        g: &EventGroup<'_>,
        document: i64,
        source: &str,
    ) -> Result<(i64, bool)> {
        let e = g.event;
        let (id, articles): (i64, i64) = sqlx::query_as(
            "INSERT INTO events (key, date, source, target, code, root, quad, goldstein, name, \
             num_mentions, num_sources, num_articles, is_root, tone_sum, first_document, first_index) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, 1, $11, $12, $13, $14) \
             ON CONFLICT (key) DO UPDATE SET \
               num_mentions = events.num_mentions + excluded.num_mentions, \
               num_articles = events.num_articles + 1, \
               is_root = CASE WHEN excluded.is_root > events.is_root THEN excluded.is_root ELSE events.is_root END, \
               tone_sum = events.tone_sum + excluded.tone_sum \
             RETURNING id, num_articles",
        )
        .bind(g.key.clone())
        .bind(e.date.or(a.article.date).map(|d| d.to_string()))
        .bind(e.source.actor.map(|c| c.to_string()))
        .bind(e.target.actor.map(|c| c.to_string()))
        .bind(e.code.to_string())
        .bind(i64::from(e.root.number()))
        .bind(i64::from(e.quad.number()))
        .bind(goldstein(e.goldstein))
        .bind(e.name.clone())
        .bind(g.mentions.len() as i64)
        .bind(i64::from(g.is_root))
        .bind(finite(a.tone))
        .bind(document)
        .bind(g.first_index as i64)
        .fetch_one(&mut **tx)
        .await
        .map_err(self.err("storing an event"))?;
        let new_source = sqlx::query(
            "INSERT INTO event_sources (event, source) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        )
        .bind(id)
        .bind(source.to_string())
        .execute(&mut **tx)
        .await
        .map_err(self.err("storing an event source"))?
        .rows_affected()
            > 0;
        if new_source {
            sqlx::query("UPDATE events SET num_sources = num_sources + 1 WHERE id = $1")
                .bind(id)
                .execute(&mut **tx)
                .await
                .map_err(self.err("counting an event source"))?;
        }
        Ok((id, articles == 1))
    }
}

/// Goldstein scores have one decimal; the f32 they travel in would add
/// noise digits (1.899999976) to every figure computed from them.
fn goldstein(g: f32) -> f64 {
    (f64::from(g) * 10.0).round() / 10.0
}

/// NaN and infinities are not numbers either database stores; 0 is "no tone".
fn finite(x: f64) -> f64 {
    if x.is_finite() { x } else { 0.0 }
}

impl Store {
    /// The (shortened) hashes of every stored document, for the skip check.
    pub(crate) fn stored_hashes(&self) -> Result<crate::ingest::HashSetShort> {
        let hashes: Vec<(String,)> = self
            .rt
            .block_on(sqlx::query_as("SELECT hash FROM documents").fetch_all(&self.pool))
            .map_err(self.err("reading the stored document hashes"))?;
        Ok(hashes
            .iter()
            .map(|(h,)| crate::ingest::short(&ContentHash(h.clone())))
            .collect())
    }
}

/// Whether two signatures share a band key, as the band index matches them.
fn shares_band(a: &Signature, b: &Signature) -> bool {
    a.band_keys()
        .iter()
        .zip(b.band_keys())
        .any(|(x, y)| *x == y)
}
