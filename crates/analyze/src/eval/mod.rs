//! Evaluation of the analyze stage against the shared data, read in place.
//!
//! - [`conll`]: entities on CoNLL-2003 (exact span and type), through the
//!   stage's own entity steps, rules-only or with the trained recogniser;
//! - [`report`]: every figure issue 3 asks for in one call, what
//!   `detente eval analyze` prints: POS accuracy, UAS and LAS on the
//!   held-out GUM documents, NER P/R/F1 on testa, and the tokens per second
//!   and resident memory of the whole stage on Reuters-21578.

pub mod conll;
mod report;

pub use conll::{NerReport, Scores, conll_ner, conll_ner_with};
pub use report::{AnalyzeReport, report};
