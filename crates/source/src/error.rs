//! What can go wrong reading one input, and where.
//!
//! A [`SourceError`] always names the input (path, and line for JSON Lines) so a
//! person can find it; the reader yields it in place of that one document and
//! goes on with the next.

use detente_core::DocumentError;
use thiserror::Error;

/// One input (or one line of it) that could not be read.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("{}: {kind}", location(.input, .line))]
pub struct SourceError {
    /// The path as given or found (`-` for stdin).
    pub input: String,
    /// 1-based line in a JSON Lines input.
    pub line: Option<u64>,
    pub kind: SourceErrorKind,
}

fn location(input: &str, line: &Option<u64>) -> String {
    match line {
        Some(l) => format!("{input}:{l}"),
        None => input.to_string(),
    }
}

/// What is wrong with an input.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum SourceErrorKind {
    #[error("no such file or directory")]
    Missing,
    #[error("no pattern match: no file matches this glob")]
    NoMatch,
    #[error("directory contains no readable files")]
    EmptyDirectory,
    #[error("empty file: nothing to read")]
    Empty,
    #[error("binary content ({0}), not text or HTML")]
    Binary(String),
    #[error("cannot decode text: {0}")]
    Encoding(String),
    #[error(
        "{size} bytes is larger than the limit of {limit} bytes (see SourceOptions::max_bytes)"
    )]
    TooLarge { size: u64, limit: u64 },
    #[error("truncated or corrupt gzip data: {0}")]
    Gzip(String),
    #[error("bad JSON Lines record: {0}")]
    BadRecord(String),
    /// A record of a container (WARC record, gzip member, feed item) at a byte offset.
    #[error("record at byte {offset}: {what}")]
    Record { offset: u64, what: String },
    #[error("bad feed: {0}")]
    Feed(String),
    #[error("cannot read: {0}")]
    Io(String),
}

impl SourceError {
    pub fn new(input: impl Into<String>, kind: SourceErrorKind) -> Self {
        SourceError {
            input: input.into(),
            line: None,
            kind,
        }
    }

    pub fn at_line(mut self, line: u64) -> Self {
        self.line = Some(line);
        self
    }
}

impl From<SourceErrorKind> for DocumentError {
    fn from(kind: SourceErrorKind) -> Self {
        use SourceErrorKind as K;
        match kind {
            K::Empty | K::EmptyDirectory => DocumentError::Empty,
            K::Binary(what) => DocumentError::Binary(what),
            K::Encoding(what) => DocumentError::Encoding(what),
            K::TooLarge { size, limit } => DocumentError::TooLarge { size, limit },
            K::Gzip(what) | K::BadRecord(what) | K::Feed(what) => DocumentError::Malformed(what),
            K::Record { offset, what } => {
                DocumentError::Malformed(format!("record at byte {offset}: {what}"))
            }
            other => DocumentError::Io(other.to_string()),
        }
    }
}
