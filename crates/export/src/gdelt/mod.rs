//! GDELT 2.0 layouts: Events (61 columns), Mentions (16) and the Global
//! Knowledge Graph 2.1 (27), tab-separated, one row per line, no header —
//! as GDELT publishes them. Each module has a `*_row` function that returns
//! the fields (to inspect or reorder) and a `write_*` function that writes
//! every row of one document.

pub mod events;
pub mod gkg;
pub mod mentions;

pub use events::{EVENT_COLUMNS, event_row, write_events};
pub use gkg::{GKG_COLUMNS, gkg_row, write_gkg};
pub use mentions::{MENTION_COLUMNS, mention_row, write_mentions};

use std::io::{self, Write};

/// How often an event was seen across documents; one document alone sees it once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub mentions: u32,
    pub sources: u32,
    pub articles: u32,
}

impl Default for Tally {
    fn default() -> Self {
        Tally {
            mentions: 1,
            sources: 1,
            articles: 1,
        }
    }
}

/// Writes fields as one tab-separated line.
pub fn write_row(out: &mut impl Write, fields: &[String]) -> io::Result<()> {
    out.write_all(fields.join("\t").as_bytes())?;
    out.write_all(b"\n")
}

/// `YYYYMMDDHHMMSS` of a batch time.
pub(crate) fn stamp(t: chrono::NaiveDateTime) -> String {
    t.format("%Y%m%d%H%M%S").to_string()
}

/// Where the document can be found: its URL, else its path, else its id.
pub(crate) fn document_id(a: &detente_core::Analysis) -> String {
    a.article
        .url
        .clone()
        .or_else(|| a.path.clone())
        .or_else(|| a.id.clone())
        .unwrap_or_default()
}
