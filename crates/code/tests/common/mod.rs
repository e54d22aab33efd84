//! Shared helpers of the integration tests: the knowledge base, the analyze
//! stage and the path to ../shared (read in place, never copied).

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use detente_analyze::RuleAnalyzer;
use detente_code::EventCoder;
use detente_core::stage::{Analyzer, Coder, Coding};
use detente_core::{Article, Date};
use detente_knowledge::Knowledge;

/// A file under ../shared, or `None` (with a visible message) where it is absent.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")).join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipping: ../shared not found ({})", p.display());
        None
    }
}

pub fn coder() -> &'static EventCoder {
    static CODER: OnceLock<EventCoder> = OnceLock::new();
    CODER.get_or_init(|| {
        EventCoder::new(Arc::new(
            Knowledge::embedded().expect("embedded knowledge loads"),
        ))
    })
}

/// The analyze stage: the rule analyzer, or with `DETENTE_TRAINED=1` the
/// standard analyzer with the trained tagger, parser and entity models.
pub fn analyzer() -> &'static RuleAnalyzer {
    static ANALYZER: OnceLock<RuleAnalyzer> = OnceLock::new();
    ANALYZER.get_or_init(|| {
        if std::env::var_os("DETENTE_TRAINED").is_some() {
            RuleAnalyzer::trained().expect("embedded models load")
        } else {
            RuleAnalyzer::new()
        }
    })
}

/// Analyses and codes `body` as an article of `date`.
pub fn code(body: &str, date: Option<Date>) -> (Article, Coding) {
    let mut article = Article::from_body(body);
    article.date = date;
    let text = analyzer().analyze(&article);
    let coding = coder().code(&article, &text);
    (article, coding)
}

/// The country (or organisation) block of an actor code: `USAGOV` → `USA`, `EU` → `EU`.
pub fn head(code: &str) -> &str {
    &code[..code.len().min(3)]
}
