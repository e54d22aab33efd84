//! The knowledge graph of one document, after GDELT's Global Knowledge Graph:
//! the persons, organisations and places it names, its themes, the things it
//! counts and the dates it mentions. Quotations are [`crate::Quote`]s and
//! tone is [`crate::Tone`]; they travel beside the graph.
//!
//! Every offset is a byte offset into the article body (one per mention), so
//! each item can be shown in its text; exporters convert them to GDELT's
//! character offsets.

use serde::{Deserialize, Serialize};

use crate::{ActorCode, DateRange};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Graph {
    pub persons: Vec<Named>,
    pub organizations: Vec<Named>,
    pub locations: Vec<Named>,
    pub themes: Vec<ThemeMentions>,
    pub counts: Vec<Count>,
    pub dates: Vec<DateMention>,
}

impl Graph {
    pub fn is_empty(&self) -> bool {
        self.persons.is_empty()
            && self.organizations.is_empty()
            && self.locations.is_empty()
            && self.themes.is_empty()
            && self.counts.is_empty()
            && self.dates.is_empty()
    }
}

/// A person, organisation or place, by its fullest name, with every mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<ActorCode>,
    /// The country it belongs to or lies in (CAMEO/ISO alpha-3), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<ActorCode>,
    pub offsets: Vec<usize>,
}

/// A theme of our theme dictionary (`SANCTIONS`, `ECON_TRADE`) and where the
/// words that evoke it stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeMentions {
    pub theme: String,
    pub offsets: Vec<usize>,
}

/// A number of things: "30 countries", "killed 12 people".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    /// What happened to them, where the text says so in GDELT's terms
    /// (`KILL`, `WOUND`, `ARREST`, `KIDNAP`, `PROTEST`, `DISPLACED`, `EVACUATE`);
    /// `None` for a plain amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    pub number: u64,
    /// The counted noun phrase ("people", "Syrian refugees").
    pub object: String,
    pub offset: usize,
}

/// A time expression of the text and the days it resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    pub text: String,
    pub range: Option<DateRange>,
    pub offset: usize,
}
