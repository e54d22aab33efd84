//! The key of a stored document: a SHA-256 of what makes it that document.
//!
//! The content, the date the container states (it changes the analysis) and
//! the URL (the same wire story at two outlets is two articles, and counts
//! as two for NumArticles and NumSources). The file path is left out: moving
//! a folder does not make its files new.

use detente_core::{Content, Document};
use sha2::{Digest, Sha256};

/// A document's content hash, as 64 lowercase hex digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ContentHash(pub String);

impl ContentHash {
    pub fn of(doc: &Document) -> Self {
        let mut h = Sha256::new();
        let (kind, text) = match &doc.content {
            Content::Html(t) => ("html", t),
            Content::Text(t) => ("text", t),
        };
        // Each part is length-prefixed so no two different documents hash
        // the same concatenation.
        for part in [
            kind,
            text.as_str(),
            &date(doc),
            doc.provenance.url.as_deref().unwrap_or(""),
        ] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
        ContentHash(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn date(doc: &Document) -> String {
    doc.date.map(|d| d.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_date_and_url_count_path_does_not() {
        let a = Document::text("Russia condemned the sanctions.");
        let mut moved = a.clone();
        moved.provenance.path = Some("elsewhere.txt".into());
        assert_eq!(ContentHash::of(&a), ContentHash::of(&moved));
        let mut dated = a.clone();
        dated.date = chrono::NaiveDate::from_ymd_opt(2016, 3, 25);
        assert_ne!(ContentHash::of(&a), ContentHash::of(&dated));
        let mut other_site = a.clone();
        other_site.provenance.url = Some("https://example.org/a".into());
        assert_ne!(ContentHash::of(&a), ContentHash::of(&other_site));
        assert_eq!(ContentHash::of(&a).as_str().len(), 64);
    }
}
