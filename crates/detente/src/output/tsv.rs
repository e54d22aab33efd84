//! One row per event, tab-separated, with a header row: the columns of the
//! CSV export ([`detente_export::csv`]), so both read the same way.

use std::io::{self, Write};

use detente_core::Analysis;
use detente_export::csv::{CSV_COLUMNS, event_fields};

pub(super) fn header(out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{}", CSV_COLUMNS.join("\t"))
}

pub(super) fn rows(out: &mut impl Write, a: &Analysis, first: bool) -> io::Result<()> {
    if first {
        header(out)?;
    }
    for event in &a.events {
        let row: Vec<String> = event_fields(a, event).iter().map(|f| field(f)).collect();
        writeln!(out, "{}", row.join("\t"))?;
    }
    Ok(())
}

/// A value with the characters that would break a TSV row made spaces.
fn field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}
