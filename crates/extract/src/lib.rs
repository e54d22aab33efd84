//! The extract stage: the article in a page, its metadata and a clean body.
//!
//! ```text
//! Document ─┬─ Text ─▶ text_page (line rules: furniture, dateline, headline, trailer)
//!           └─ Html ─▶ html (DOM ─▶ text blocks ─▶ content scoring ─▶ body; metadata)
//!                    ─▶ Article { title, publisher, date, byline, dateline, language, url, body, paragraphs }
//! ```
//!
//! What the container of a document states (a JSON Lines `date`, a feed
//! item's title, the URL it was fetched from) wins over what is found in the
//! page. [`eval`] scores the stage on the shared extraction benchmarks.

pub mod dateline;
pub mod dates;
pub mod eval;
pub mod html;
pub mod lang;
pub mod text;
pub mod text_page;

use detente_core::{Article, Content, Document, DocumentError, stage::Extractor};

/// The project's own article extractor.
#[derive(Debug, Clone, Default)]
pub struct Extract;

impl Extract {
    pub fn new() -> Self {
        Extract
    }
}

impl Extractor for Extract {
    fn extract(&self, doc: &Document) -> Result<Article, DocumentError> {
        let url = doc.provenance.url.as_deref();
        if let Some(why) = looks_binary(doc.content.as_str()) {
            return Err(DocumentError::Binary(format!("{}: {why}", doc.name())));
        }
        let mut article = match &doc.content {
            Content::Text(t) => text_page::clean(t),
            Content::Html(h) => html::extract(h, url),
        };
        if article.body.trim().is_empty() {
            return Err(DocumentError::NoText(format!(
                "{}: no paragraph of text in the page",
                doc.name()
            )));
        }
        if doc.date.is_some() {
            article.date = doc.date;
        }
        if article.date.is_none() {
            article.date = url.and_then(dates::from_url);
        }
        if let Some(title) = &doc.title {
            article.title = Some(title.clone());
        }
        if article.url.is_none() {
            article.url = url.map(str::to_string);
        }
        Ok(article)
    }
}

/// Text that is mostly control or replacement characters is a binary file
/// that was decoded anyway; extracting from it would only produce noise.
fn looks_binary(text: &str) -> Option<String> {
    let sample = text.chars().take(4096);
    let (mut n, mut bad) = (0usize, 0usize);
    for c in sample {
        n += 1;
        bad += usize::from(c == '\u{fffd}' || (c.is_control() && !c.is_whitespace()));
    }
    (n >= 16 && bad * 10 > n)
        .then(|| format!("{bad} of the first {n} characters are control or undecodable bytes"))
}
