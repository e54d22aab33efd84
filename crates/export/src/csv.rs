//! Events as CSV (RFC 4180): a header, then one row per event, for
//! spreadsheets and data frames. Fields with a comma, quote or line break
//! are quoted, quotes doubled.

use std::io::{self, Write};

use detente_core::{Analysis, Event};

/// The header of [`write_events`].
pub const CSV_COLUMNS: [&str; 18] = [
    "document",
    "date",
    "source",
    "source_actor",
    "target",
    "target_actor",
    "code",
    "root",
    "name",
    "goldstein",
    "quad",
    "plover",
    "modality",
    "sentence",
    "evidence",
    "rule",
    "tone",
    "claimed_by",
];

/// One CSV field, quoted where needed.
pub fn field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

fn line(out: &mut impl Write, values: &[String]) -> io::Result<()> {
    let row: Vec<String> = values.iter().map(|v| field(v)).collect();
    out.write_all(row.join(",").as_bytes())?;
    out.write_all(b"\r\n")
}

pub fn write_header(out: &mut impl Write) -> io::Result<()> {
    line(out, &CSV_COLUMNS.map(str::to_string))
}

/// The fields of one event of `a`.
pub fn event_fields(a: &Analysis, e: &Event) -> Vec<String> {
    let actor = |c: Option<detente_core::ActorCode>| c.map(|c| c.to_string()).unwrap_or_default();
    vec![
        a.id.clone()
            .or_else(|| a.path.clone())
            .or_else(|| a.article.url.clone())
            .unwrap_or_default(),
        e.date
            .or(a.article.date)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        e.source.text.clone(),
        actor(e.source.actor),
        e.target.text.clone(),
        actor(e.target.actor),
        e.code.to_string(),
        e.root.to_string(),
        e.name.clone(),
        e.goldstein.to_string(),
        e.quad.number().to_string(),
        e.plover.map(|p| p.as_str().to_string()).unwrap_or_default(),
        e.modality.as_str().to_string(),
        e.sentence.to_string(),
        e.evidence.clone(),
        e.rule.clone(),
        e.tone.map(|t| t.to_string()).unwrap_or_default(),
        e.claimed_by
            .as_ref()
            .map(|c| c.text.clone())
            .unwrap_or_default(),
    ]
}

/// Writes one row per event of `a` (no header: see [`write_header`]).
pub fn write_events(out: &mut impl Write, a: &Analysis) -> io::Result<u64> {
    for e in &a.events {
        line(out, &event_fields(a, e))?;
    }
    Ok(a.events.len() as u64)
}
