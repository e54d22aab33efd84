//! A raw page as the source stage read it, before extraction.

use serde::{Deserialize, Serialize};

use crate::Date;

/// One input page: what it says and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The caller's identifier (from JSON Lines `id`), passed through to the output.
    pub id: Option<String>,
    pub provenance: Provenance,
    pub content: Content,
    /// A date the caller or the container (feed item, JSON Lines `date`) states;
    /// it wins over any date found in the page itself.
    pub date: Option<Date>,
    /// A title the container states (feed item title).
    pub title: Option<String>,
}

/// Where a document was read from, kept with it all the way to storage.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Provenance {
    /// File path, `-` for stdin, `<text>` for a passage given on the command line.
    pub path: Option<String>,
    pub url: Option<String>,
    /// WARC-Record-ID where the page came out of a WARC file.
    pub warc_record: Option<String>,
    /// Byte offset of the record in its container (WARC record, JSON Lines line).
    pub offset: Option<u64>,
    /// 1-based line number in a JSON Lines file.
    pub line: Option<u64>,
}

/// The text of a page, already decoded to UTF-8.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "text", rename_all = "lowercase")]
pub enum Content {
    Html(String),
    Text(String),
}

impl Content {
    pub fn as_str(&self) -> &str {
        match self {
            Content::Html(s) | Content::Text(s) => s,
        }
    }
}

impl Document {
    /// A plain-text document with no metadata, e.g. from `--text`.
    pub fn text(text: impl Into<String>) -> Self {
        Document {
            id: None,
            provenance: Provenance::default(),
            content: Content::Text(text.into()),
            date: None,
            title: None,
        }
    }

    /// The name to show a person in messages: path, URL, id, or `<input>`.
    pub fn name(&self) -> String {
        let p = &self.provenance;
        let base = p
            .path
            .clone()
            .or_else(|| p.url.clone())
            .or_else(|| self.id.clone())
            .unwrap_or_else(|| "<input>".to_string());
        match (p.line, &p.warc_record) {
            (Some(line), _) => format!("{base}:{line}"),
            (None, Some(rec)) => format!("{base} [{rec}]"),
            _ => base,
        }
    }
}
