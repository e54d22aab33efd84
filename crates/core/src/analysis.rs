//! The record detente prints for each document.

use serde::{Deserialize, Serialize};

use crate::{Article, Entity, Event, Graph, Quote, Tone};

/// The whole result for one document: article fields, entities, events,
/// quotes and tone. Its JSON form is detente's output contract:
/// `{"id","path","title","publisher","date","byline","dateline","language",
/// "body","entities","events","quotes","tone",...}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub id: Option<String>,
    pub path: Option<String>,
    #[serde(flatten)]
    pub article: Article,
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    /// Document tone (GDELT's first V2Tone field); the whole record is in `tone_detail`.
    pub tone: f64,
    pub tone_detail: Tone,
    /// The article's knowledge graph (GKG-like): persons, organisations,
    /// locations, themes, counts and dates mentioned.
    #[serde(default)]
    pub graph: Graph,
}
