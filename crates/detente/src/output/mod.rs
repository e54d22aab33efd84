//! Writing results in the formats users read.
//!
//! - `jsonl`: one JSON object per document per line (the output contract);
//! - `json`: one JSON array of those objects;
//! - `tsv`: one row per event, with a header, for spreadsheets and `cut`;
//! - `pretty`: a report for a person at a terminal.
//!
//! A [`Writer`] is fed analyses one at a time and finished once, so a run
//! streams: nothing is held back but the current document.

mod json;
mod pretty;
mod tsv;

use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

use detente_core::Analysis;

/// An output format of `detente code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Jsonl,
    Json,
    Tsv,
    Pretty,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Jsonl, Format::Json, Format::Tsv, Format::Pretty];

    pub fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Json => "json",
            Format::Tsv => "tsv",
            Format::Pretty => "pretty",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| {
                let names: Vec<_> = Format::ALL.iter().map(|f| f.name()).collect();
                format!("unknown format {s:?}; expected one of {}", names.join(", "))
            })
    }
}

/// Streams analyses to `out` in one [`Format`].
pub struct Writer<W: Write> {
    format: Format,
    out: W,
    written: usize,
}

impl<W: Write> Writer<W> {
    pub fn new(format: Format, out: W) -> Self {
        Writer {
            format,
            out,
            written: 0,
        }
    }

    pub fn write(&mut self, analysis: &Analysis) -> io::Result<()> {
        let first = self.written == 0;
        match self.format {
            Format::Jsonl => json::line(&mut self.out, analysis)?,
            Format::Json => json::array_item(&mut self.out, analysis, first)?,
            Format::Tsv => tsv::rows(&mut self.out, analysis, first)?,
            Format::Pretty => pretty::report(&mut self.out, analysis, first)?,
        }
        self.written += 1;
        Ok(())
    }

    /// Closes what the format opened (the JSON array) and flushes.
    pub fn finish(mut self) -> io::Result<W> {
        match self.format {
            Format::Json => json::array_end(&mut self.out, self.written == 0)?,
            Format::Tsv if self.written == 0 => tsv::header(&mut self.out)?,
            _ => {}
        }
        self.out.flush()?;
        Ok(self.out)
    }
}
