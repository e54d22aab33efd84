//! The integration points where trained models plug in.
//!
//! Each step of the analysis that a statistical model can do better than
//! rules is a small trait working on one sentence at a time, on plain
//! token strings, so a model crate needs nothing from this one but these
//! signatures. [`crate::RuleAnalyzer`] ships a rule-based fallback for
//! tagging and entity recognition and no parser (heads stay `None`);
//! `RuleAnalyzer::with_tagger` / `with_parser` / `with_entities` swap in
//! a model. Everything after these steps (lemmas, titles and roles,
//! coreference, time expressions) runs on whatever the steps produced.

use detente_core::{DepRel, EntityKind, PosTag};

/// Part-of-speech tagging of one sentence: `out[i]` is the tag of `words[i]`.
pub trait Tagger: Send + Sync {
    fn tag(&self, words: &[&str], out: &mut [Option<PosTag>]);
}

/// Dependency parsing of one tagged sentence: heads are 0-based indices
/// within the sentence, `None` for the root.
pub trait DependencyParser: Send + Sync {
    fn parse(
        &self,
        words: &[&str],
        tags: &[Option<PosTag>],
        heads: &mut [Option<u32>],
        deps: &mut [Option<DepRel>],
    );
}

/// A named-entity mention found by a recogniser: tokens `start..end` of the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionSpan {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
}

/// Named-entity recognition of one tagged sentence. Spans cover the name
/// only ("John Kerry"); titles, roles and countries are attached later.
pub trait EntityRecognizer: Send + Sync {
    fn recognize(&self, words: &[&str], tags: &[Option<PosTag>], out: &mut Vec<MentionSpan>);
}
