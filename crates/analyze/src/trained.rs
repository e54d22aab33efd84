//! The trained models of `detente-models` behind the [`steps`](crate::steps)
//! traits, and [`StandardAnalyzer`]: the project's default analyze stage.
//!
//! ```text
//! words ─▶ ModelTagger (PosModel) ─▶ ModelParser (ParserModel) ─▶ ModelEntities (NerModel)
//!        └ rules: sentences, tokens, lemmas, titles, coreference, times (unchanged)
//! ```
//!
//! The models are loaded once from the bytes embedded in the binary and are
//! immutable afterwards, so one analyzer (behind an `Arc`) serves every
//! thread. A tag the tagger did not give (`None`) reads as `NN` downstream.

use std::sync::Arc;

use detente_core::stage::Analyzer;
use detente_core::{Article, Date, DepRel, PosTag, TextAnalysis};
use detente_models::{ModelError, NerModel, ParserModel, PosModel};

use crate::RuleAnalyzer;
use crate::steps::{DependencyParser, EntityRecognizer, MentionSpan, Tagger};

/// The part-of-speech model as a [`Tagger`].
#[derive(Clone)]
pub struct ModelTagger(pub Arc<PosModel>);

impl Tagger for ModelTagger {
    fn tag(&self, words: &[&str], out: &mut [Option<PosTag>]) {
        for (o, t) in out.iter_mut().zip(self.0.tag(words)) {
            *o = Some(t);
        }
    }
}

/// The dependency model as a [`DependencyParser`].
#[derive(Clone)]
pub struct ModelParser(pub Arc<ParserModel>);

impl DependencyParser for ModelParser {
    fn parse(
        &self,
        words: &[&str],
        tags: &[Option<PosTag>],
        heads: &mut [Option<u32>],
        deps: &mut [Option<DepRel>],
    ) {
        let parse = self.0.parse(words, &known_tags(tags));
        for ((h, d), (head, rel)) in heads.iter_mut().zip(deps.iter_mut()).zip(parse) {
            *h = head;
            *d = Some(rel);
        }
    }
}

/// The named-entity model as an [`EntityRecognizer`].
#[derive(Clone)]
pub struct ModelEntities(pub Arc<NerModel>);

impl EntityRecognizer for ModelEntities {
    fn recognize(&self, words: &[&str], tags: &[Option<PosTag>], out: &mut Vec<MentionSpan>) {
        let found = self.0.tag(words, &known_tags(tags));
        out.extend(
            found
                .into_iter()
                .map(|(start, end, kind)| MentionSpan { start, end, kind }),
        );
    }
}

/// Tags with gaps filled by `NN`, the commonest tag.
fn known_tags(tags: &[Option<PosTag>]) -> Vec<PosTag> {
    let nn = PosTag::parse("NN").expect("NN is a Penn Treebank tag");
    tags.iter().map(|t| t.unwrap_or(nn)).collect()
}

/// The default analyze stage: the trained tagger, parser and entity model
/// with the rule steps around them. Build it once and share it.
pub struct StandardAnalyzer(RuleAnalyzer);

impl StandardAnalyzer {
    /// Loads the models embedded in the binary (a fraction of a second).
    /// Fails only if a checked-in model file is damaged.
    pub fn new() -> Result<Self, ModelError> {
        Ok(StandardAnalyzer(RuleAnalyzer::trained()?))
    }

    /// Analyses a body of text with an optional article date.
    pub fn analyze_text(&self, body: &str, date: Option<Date>) -> TextAnalysis {
        self.0.analyze_text(body, date)
    }
}

impl Analyzer for StandardAnalyzer {
    fn analyze(&self, article: &Article) -> TextAnalysis {
        self.0.analyze(article)
    }
}

impl RuleAnalyzer {
    /// The rule analyzer with all three embedded models plugged in
    /// (what [`StandardAnalyzer::new`] builds).
    pub fn trained() -> Result<Self, ModelError> {
        let pos = Arc::new(PosModel::load_embedded()?);
        let parser = Arc::new(ParserModel::load_embedded()?);
        let ner = Arc::new(NerModel::load_embedded()?);
        Ok(RuleAnalyzer::new()
            .with_tagger(ModelTagger(pos))
            .with_parser(ModelParser(parser))
            .with_entities(ModelEntities(ner)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_shareable<T: Send + Sync>() {}

    #[test]
    fn the_standard_analyzer_is_shareable_and_reads_a_sentence() {
        assert_shareable::<StandardAnalyzer>();
        let a = StandardAnalyzer::new().expect("embedded models load");
        let text = "U.S. Secretary of State John Kerry arrived in Moscow on Wednesday.";
        let ta = a.analyze_text(text, chrono::NaiveDate::from_ymd_opt(2016, 3, 25));
        assert!(ta.tokens.iter().all(|t| t.tag.is_some() && t.dep.is_some()));
        let roots = ta.tokens.iter().filter(|t| t.head.is_none()).count();
        assert_eq!(roots, ta.sentences.len());
        let kerry = ta.entities.iter().find(|e| e.name() == "John Kerry");
        let kerry = kerry.unwrap_or_else(|| panic!("no John Kerry in {:#?}", ta.entities));
        assert_eq!(kerry.role.as_deref(), Some("Secretary of State"));
        assert_eq!(kerry.country.map(|c| c.to_string()).as_deref(), Some("USA"));
    }
}
