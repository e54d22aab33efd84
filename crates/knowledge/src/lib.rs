//! detente's knowledge base: the CAMEO codebook and the actor dictionaries.
//!
//! ```text
//! data/cameo/events.tsv, actor-types.tsv ──▶ Codebook ─┐
//! data/actors/countries.txt, organizations.txt,        ├─▶ Knowledge (Arc-shared, immutable)
//!             people.txt, agents.txt        ──▶ Actors ─┘
//! ```
//!
//! The data is our own, in plain text files documented in their headers
//! ([`lines`] describes the common shape). [`Knowledge::embedded`] compiles
//! the files of `data/` into the binary so it works anywhere;
//! [`Knowledge::load_dir`] reads the same files from a directory. Everything
//! is checked at load: a malformed line is a [`KnowledgeError`] naming the
//! file, the line and what was expected; unknown CAMEO or actor codes are
//! refused. After loading, nothing changes, so one value serves all threads.

pub mod actors;
pub mod codebook;
mod embedded;
pub mod error;
pub mod lines;
pub mod petrarch;

use std::path::Path;

pub use actors::{ActorKind, ActorMatch, Actors, Agent, NameEntry, Person, PersonRole};
pub use codebook::{ActorType, Codebook, EventType, TypeGroup};
pub use error::KnowledgeError;

use actors::ActorSources;
use lines::Source;

/// Everything the code stage knows about the world.
#[derive(Debug, Clone)]
pub struct Knowledge {
    pub codebook: Codebook,
    pub actors: Actors,
}

/// The data files, relative to the data directory.
pub const FILES: [&str; 6] = [
    "cameo/events.tsv",
    "cameo/actor-types.tsv",
    "actors/countries.txt",
    "actors/organizations.txt",
    "actors/people.txt",
    "actors/agents.txt",
];

impl Knowledge {
    /// The project's own default data, compiled in.
    pub fn embedded() -> Result<Knowledge, KnowledgeError> {
        Knowledge::from_texts(|name| Ok(embedded::text(name).to_string()))
    }

    /// The same files from `dir` (laid out as the project's `data/`).
    pub fn load_dir(dir: &Path) -> Result<Knowledge, KnowledgeError> {
        Knowledge::from_texts(|name| {
            let path = dir.join(name);
            std::fs::read_to_string(&path).map_err(|source| KnowledgeError::Io {
                file: path.display().to_string(),
                source,
            })
        })
    }

    fn from_texts(
        read: impl Fn(&str) -> Result<String, KnowledgeError>,
    ) -> Result<Knowledge, KnowledgeError> {
        let texts = FILES.map(&read);
        let [events, types, countries, orgs, people, agents] = texts;
        let (events, types, countries, orgs, people, agents) =
            (events?, types?, countries?, orgs?, people?, agents?);
        let codebook = Codebook::parse(src(0, &events), src(1, &types))?;
        let actors = Actors::parse(
            ActorSources {
                countries: src(2, &countries),
                organizations: src(3, &orgs),
                people: src(4, &people),
                agents: src(5, &agents),
            },
            &codebook,
        )?;
        Ok(Knowledge { codebook, actors })
    }
}

fn src(i: usize, text: &str) -> Source<'_> {
    Source {
        name: FILES[i],
        text,
    }
}
