//! The traits each stage of the route implements.
//!
//! A stage takes what the one before produced and returns its own result; it
//! never reaches back upstream. All stages are `Send + Sync`: one instance,
//! built once with its knowledge, serves every thread.

use crate::{Article, Document, DocumentError, Entity, Event, Graph, Quote, TextAnalysis, Tone};

/// extract: a raw page to an article with metadata and a clean body.
pub trait Extractor: Send + Sync {
    fn extract(&self, doc: &Document) -> Result<Article, DocumentError>;
}

/// analyze: an article body to sentences, tokens, tags, syntax, entities and times.
pub trait Analyzer: Send + Sync {
    fn analyze(&self, article: &Article) -> TextAnalysis;
}

/// code: analysed text to actors, events, quotes and tone.
pub trait Coder: Send + Sync {
    fn code(&self, article: &Article, text: &TextAnalysis) -> Coding;
}

/// What the code stage adds to an analysed article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coding {
    /// The entities of the analysed text, with actor codes filled in at the article date.
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    pub tone: Tone,
    /// The document's knowledge graph (GKG-like): names, themes, counts, dates.
    pub graph: Graph,
}
