//! detente's code stage: from analysed text to actors, CAMEO/PLOVER events
//! with evidence, quotes with speakers, and tone.
//!
//! The route through this crate:
//!
//! - [`mentions`]: actor phrases, from the knowledge base's matches and the
//!   analysed entities, merged ("U.S. Secretary of State John Kerry" → `USAGOV`);
//! - [`patterns`]: our verb-pattern dictionary (`data/code/verbs.txt`),
//!   compiled into a hash map keyed on every inflected anchor form;
//! - [`events`]: per sentence, pattern matches with source, target, negation,
//!   modality, passive voice and reported speech;
//! - [`quotes`]: direct quotes by quotation marks, reported speech by speech verbs;
//! - [`tone`]: GDELT V2Tone from our lexicon (`data/code/tone.tsv`);
//! - [`graph`]: the document's GKG-like knowledge graph (names, themes, counts, dates);
//! - [`eval`]: PLOVER scoring of a coder, for `detente eval events`;
//! - [`coder`]: [`EventCoder`], which ties them together as the
//!   [`detente_core::stage::Coder`] of the pipeline.
//!
//! The coder reads only [`detente_core::TextAnalysis`]: tokens and entities
//! are enough; POS tags and lemmas are used when present.

pub mod coder;
pub mod error;
pub mod eval;
pub mod events;
pub mod graph;
pub mod mentions;
pub mod patterns;
pub mod quotes;
pub mod tone;
pub mod validate;
pub mod words;

#[cfg(test)]
mod testkit;

pub use coder::EventCoder;
pub use error::CodeError;
pub use patterns::{Pattern, Patterns};
pub use tone::Lexicon;
