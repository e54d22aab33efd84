//! detente's analyze stage: an article body to sentences, tokens, tags,
//! lemmas, entities and time expressions.
//!
//! ```text
//! body ─▶ tokenize ─▶ sentence::split ─▶ Tagger (per sentence) ─▶ lemma
//!                                       ─▶ DependencyParser (optional)
//!                                       ─▶ entity::find (rules or EntityRecognizer)
//!                                       ─▶ time::find (against Article::date)
//! ```
//!
//! Each step is a module with one job. The steps a trained model does
//! better (tagging, parsing, entity recognition) are traits in [`steps`];
//! [`RuleAnalyzer`] runs with rule-based fallbacks until models are plugged
//! in with [`RuleAnalyzer::with_tagger`], [`RuleAnalyzer::with_parser`] and
//! [`RuleAnalyzer::with_entities`]. [`trained`] adapts detente's own models
//! (crate `detente-models`) to those traits; [`StandardAnalyzer::new`] (the
//! same as [`RuleAnalyzer::trained`]) is the project default. [`bench`](mod@bench)
//! measures throughput and [`eval`] every accuracy figure.

pub mod bench;
pub mod entity;
pub mod eval;
pub mod lemma;
pub mod lexicon;
pub mod sentence;
pub mod steps;
pub mod tagger;
pub mod time;
pub mod tokenize;
pub mod trained;

use detente_core::stage::Analyzer;
use detente_core::{Article, PosTag, Span, TextAnalysis, Token};

use crate::lexicon::push_lower;
use crate::steps::{DependencyParser, EntityRecognizer, Tagger};
use crate::tagger::RuleTagger;
pub use crate::trained::StandardAnalyzer;
pub use detente_models::ModelError;

/// The analyze stage: rules everywhere, models where plugged in.
pub struct RuleAnalyzer {
    tagger: Box<dyn Tagger>,
    parser: Option<Box<dyn DependencyParser>>,
    entities: Option<Box<dyn EntityRecognizer>>,
}

impl Default for RuleAnalyzer {
    fn default() -> Self {
        RuleAnalyzer {
            tagger: Box::new(RuleTagger),
            parser: None,
            entities: None,
        }
    }
}

impl RuleAnalyzer {
    pub fn new() -> Self {
        Self::default()
    }

    /// Uses `tagger` instead of the rule-based fallback.
    pub fn with_tagger(mut self, tagger: impl Tagger + 'static) -> Self {
        self.tagger = Box::new(tagger);
        self
    }

    /// Adds a dependency parser (without one, heads and relations stay `None`).
    pub fn with_parser(mut self, parser: impl DependencyParser + 'static) -> Self {
        self.parser = Some(Box::new(parser));
        self
    }

    /// Uses a trained recogniser for entity spans; titles, roles and
    /// coreference still come from the rules.
    pub fn with_entities(mut self, recognizer: impl EntityRecognizer + 'static) -> Self {
        self.entities = Some(Box::new(recognizer));
        self
    }

    /// Analyses a body of text with an optional article date.
    pub fn analyze_text(&self, body: &str, date: Option<detente_core::Date>) -> TextAnalysis {
        let mut spans = Vec::with_capacity(body.len() / 5);
        tokenize::tokenize(body, &mut spans);
        let sentences = sentence::split(body, &spans);
        let words: Vec<&str> = spans.iter().map(|s| s.text(body)).collect();
        let mut tags = vec![None; spans.len()];
        let mut heads = vec![None; spans.len()];
        let mut deps = vec![None; spans.len()];
        for s in &sentences {
            let r = s.tokens.0..s.tokens.1;
            self.tagger.tag(&words[r.clone()], &mut tags[r.clone()]);
            if let Some(p) = &self.parser {
                p.parse(
                    &words[r.clone()],
                    &tags[r.clone()],
                    &mut heads[r.clone()],
                    &mut deps[r],
                );
            }
        }
        let doc = entity::Doc::new(body, &spans, &words, &tags, &sentences);
        let entities = entity::find(&doc, self.entities.as_deref());
        let times = time::find(body, &spans, &words, date);
        let tokens = build_tokens(&spans, &words, &tags, &heads, &deps);
        TextAnalysis {
            sentences,
            tokens,
            entities,
            times,
        }
    }
}

impl Analyzer for RuleAnalyzer {
    fn analyze(&self, article: &Article) -> TextAnalysis {
        self.analyze_text(&article.body, article.date)
    }
}

/// Tokens with tags, syntax and, for verbs and common nouns, lemmas
/// (see [`lemma`] for the policy).
fn build_tokens(
    spans: &[Span],
    words: &[&str],
    tags: &[Option<PosTag>],
    heads: &[Option<u32>],
    deps: &[Option<detente_core::DepRel>],
) -> Vec<Token> {
    let mut lower = String::new();
    let mut lemma = String::new();
    spans
        .iter()
        .enumerate()
        .map(|(i, &span)| {
            let tag = tags[i];
            let lemma = tag
                .filter(|t| {
                    (t.is_verb() && t.as_str() != "MD") || matches!(t.as_str(), "NN" | "NNS")
                })
                .map(|t| {
                    lower.clear();
                    push_lower(&mut lower, words[i]);
                    if t.as_str() == "NN" {
                        return lower.clone(); // a singular noun is its own lemma
                    }
                    lemma::lemmatize(&lower, t.is_verb(), &mut lemma);
                    lemma.clone()
                });
            Token {
                span,
                tag,
                head: heads[i],
                dep: deps[i],
                lemma,
            }
        })
        .collect()
}
