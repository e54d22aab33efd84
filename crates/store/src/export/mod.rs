//! Stored events out in the field's layouts, through `detente-export`'s row
//! writers: GDELT 2.0 Events (one row per merged event, with its stored
//! NumMentions, NumSources, NumArticles, root flag and mean tone), Mentions
//! (one row per report), GKG 2.1 (one row per document), PLOVER JSON, CSV,
//! and detente's own JSON Lines (one analysis per document).
//!
//! Documents are read in pages of [`PAGE`] by id, each with its stored
//! analysis; an event is written with the document that first reported it.
//! GLOBALEVENTID is the stored event id, so two exports of one database
//! agree, and mentions point at the events of the events export.

mod page;

use std::io::Write;

use chrono::NaiveDate;
use detente_export::gdelt::{self, EVENT_COLUMNS, Tally};
use detente_export::{Context, csv, plover};

use crate::error::{Result, StoreError};
use crate::store::Store;
use page::{Page, StoredEvent};

/// Documents read at a time: bounded memory, few queries.
const PAGE: i64 = 256;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    GdeltEvents,
    GdeltMentions,
    GdeltGkg,
    Plover,
    Csv,
    Jsonl,
}

impl std::str::FromStr for ExportFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "gdelt-events" => ExportFormat::GdeltEvents,
            "gdelt-mentions" => ExportFormat::GdeltMentions,
            "gdelt-gkg" => ExportFormat::GdeltGkg,
            "plover" => ExportFormat::Plover,
            "csv" => ExportFormat::Csv,
            "jsonl" => ExportFormat::Jsonl,
            other => {
                return Err(format!(
                    "unknown export format {other:?}: expected gdelt-events, gdelt-mentions, gdelt-gkg, plover, csv or jsonl"
                ));
            }
        })
    }
}

/// Writes the stored data dated `since` or later (events by event date,
/// documents by article date) to `out`; returns the number of records.
impl Store {
    pub fn export(
        &self,
        format: ExportFormat,
        since: Option<NaiveDate>,
        out: &mut impl Write,
    ) -> Result<u64> {
        let since = since.map(|d| d.to_string());
        if format == ExportFormat::Csv {
            csv::write_header(out).map_err(StoreError::Write)?;
        }
        let mut written = 0;
        let mut after = 0;
        while let Some(page) = self.page(after, PAGE, since.as_deref(), format)? {
            after = page.last_id;
            written += write_page(&page, format, out).map_err(StoreError::Write)?;
        }
        out.flush().map_err(StoreError::Write)?;
        Ok(written)
    }
}

fn write_page(page: &Page, format: ExportFormat, out: &mut impl Write) -> std::io::Result<u64> {
    let mut n = 0;
    match format {
        ExportFormat::GdeltEvents | ExportFormat::Plover | ExportFormat::Csv => {
            for e in &page.events {
                n += u64::from(write_event(page, e, format, out)?);
            }
        }
        ExportFormat::GdeltMentions => {
            for m in &page.mentions {
                let Some((doc, event)) = page.event_at(m.document, m.index) else {
                    continue;
                };
                gdelt::write_row(
                    out,
                    &gdelt::mention_row(&doc.analysis, event, m.event as u64, &doc.context),
                )?;
                n += 1;
            }
        }
        ExportFormat::GdeltGkg => {
            for doc in page.documents.values() {
                gdelt::write_gkg(out, &doc.analysis, &doc.analysis.graph, &doc.context)?;
                n += 1;
            }
        }
        ExportFormat::Jsonl => {
            for doc in page.documents.values() {
                serde_json::to_writer(&mut *out, &doc.analysis)?;
                out.write_all(b"\n")?;
                n += 1;
            }
        }
    }
    Ok(n)
}

/// One stored event as a row of `format`; false where the format has no
/// row for it (PLOVER needs a PLOVER category).
fn write_event(
    page: &Page,
    e: &StoredEvent,
    format: ExportFormat,
    out: &mut impl Write,
) -> std::io::Result<bool> {
    let Some((doc, event)) = page.event_at(e.first_document, e.first_index) else {
        return Ok(false);
    };
    let a = &doc.analysis;
    match format {
        ExportFormat::Plover => {
            let Some(record) = plover::record(a, event, &e.id.to_string()) else {
                return Ok(false);
            };
            serde_json::to_writer(&mut *out, &record)?;
            out.write_all(b"\n")?;
        }
        ExportFormat::Csv => {
            let fields: Vec<String> = csv::event_fields(a, event)
                .iter()
                .map(|f| csv::field(f))
                .collect();
            out.write_all(fields.join(",").as_bytes())?;
            out.write_all(b"\r\n")?;
        }
        _ => {
            let tally = Tally {
                mentions: e.mentions,
                sources: e.sources,
                articles: e.articles,
            };
            let ctx = Context {
                first_event_id: e.id as u64,
                ..doc.context
            };
            let mut row = gdelt::event_row(a, event, e.id as u64, &ctx, tally);
            // The merged event's own root flag and mean tone over its articles.
            set(&mut row, "IsRootEvent", u8::from(e.is_root).to_string());
            set(&mut row, "AvgTone", e.tone.to_string());
            gdelt::write_row(out, &row)?;
        }
    }
    Ok(true)
}

fn set(row: &mut [String], column: &str, value: String) {
    if let Some(i) = EVENT_COLUMNS.iter().position(|c| *c == column)
        && let Some(slot) = row.get_mut(i)
    {
        *slot = value;
    }
}
