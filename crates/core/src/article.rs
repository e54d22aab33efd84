//! The article the extract stage found in a page.

use serde::{Deserialize, Serialize};

use crate::{Date, Span};

/// An article: metadata and a clean body with the page furniture removed.
///
/// `body` is the text every later offset points into. Paragraphs are
/// separated by a blank line (`"\n\n"`) and also listed as spans.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Article {
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub date: Option<Date>,
    pub byline: Option<String>,
    /// The dateline as written: "MOSCOW, March 25 (Xinhua) --", "Xinhua, March 25, 2016".
    pub dateline: Option<String>,
    /// ISO 639-1 code, e.g. "en".
    pub language: Option<String>,
    pub url: Option<String>,
    pub body: String,
    pub paragraphs: Vec<Span>,
}

impl Article {
    /// An article whose body is `body`, with paragraphs split at blank lines.
    pub fn from_body(body: impl Into<String>) -> Self {
        let body = body.into();
        let paragraphs = paragraph_spans(&body);
        Article {
            body,
            paragraphs,
            ..Default::default()
        }
    }
}

/// Spans of the non-blank runs of text separated by blank lines.
pub fn paragraph_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed.trim_start().is_empty() {
            if let Some(s) = start.take() {
                spans.push(Span::new(s, end));
            }
        } else {
            let lead = trimmed.len() - trimmed.trim_start().len();
            start.get_or_insert(offset + lead);
            end = offset + trimmed.len();
        }
        offset += line.len();
    }
    if let Some(s) = start {
        spans.push(Span::new(s, end));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_at_blank_lines() {
        let body = "One line.\nStill one.\n\n  Two.\n\n\nThree.";
        let spans = paragraph_spans(body);
        let texts: Vec<&str> = spans.iter().map(|s| s.text(body)).collect();
        assert_eq!(texts, ["One line.\nStill one.", "Two.", "Three."]);
    }
}
