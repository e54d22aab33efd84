//! Entity evaluation on CoNLL-2003 (exact span and type).
//!
//! The file is read in place; its own tokens and sentences are used (so
//! only recognition is scored, not tokenisation). A document is the text
//! between `-DOCSTART-` lines, its tokens joined by single spaces, so the
//! document-level rules (coreference, sentence-initial evidence) see the
//! whole story. Person mentions are scored on their name, without the
//! title the rules attach; `norp` counts as CoNLL's MISC.

use std::collections::HashSet;
use std::path::Path;

use detente_core::score::{f1, ratio};
use detente_core::{EntityKind, Sentence, Span};

use crate::RuleAnalyzer;
use crate::entity::{self, Doc};

/// Precision, recall and F1 over exact (span, type) matches.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Scores {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "P {:.3} R {:.3} F1 {:.3} (gold {}, predicted {}, correct {})",
            self.precision(),
            self.recall(),
            self.f1(),
            self.gold,
            self.predicted,
            self.correct
        )
    }
}

/// Overall scores and scores per type (PER, ORG, LOC, MISC).
#[derive(Debug, Clone, Default)]
pub struct NerReport {
    pub overall: Scores,
    pub by_type: Vec<(&'static str, Scores)>,
}

type Mention = (usize, usize, &'static str);

struct Document {
    words: Vec<String>,
    labels: Vec<String>,
    sentences: Vec<(usize, usize)>,
}

/// Scores the rule-based entities on a CoNLL-2003 file such as `eng.testa`.
pub fn conll_ner(path: &Path) -> Result<NerReport, String> {
    conll_ner_with(path, &RuleAnalyzer::new())
}

/// Scores the entities `analyzer` finds (its tagger, its recogniser, then
/// titles and coreference) on a CoNLL-2003 file.
pub fn conll_ner_with(path: &Path, analyzer: &RuleAnalyzer) -> Result<NerReport, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let docs = parse(&text).map_err(|(line, e)| format!("{}:{line}: {e}", path.display()))?;
    let mut report = NerReport {
        by_type: ["PER", "ORG", "LOC", "MISC"]
            .iter()
            .map(|t| (*t, Scores::default()))
            .collect(),
        ..Default::default()
    };
    for d in &docs {
        let gold = gold_mentions(&d.labels);
        let predicted = predict(d, analyzer);
        let correct: HashSet<&Mention> = gold.intersection(&predicted).collect();
        for (ty, s) in &mut report.by_type {
            s.gold += gold.iter().filter(|m| m.2 == *ty).count();
            s.predicted += predicted.iter().filter(|m| m.2 == *ty).count();
            s.correct += correct.iter().filter(|m| m.2 == *ty).count();
        }
    }
    for (_, s) in &report.by_type {
        report.overall.gold += s.gold;
        report.overall.predicted += s.predicted;
        report.overall.correct += s.correct;
    }
    Ok(report)
}

fn parse(text: &str) -> Result<Vec<Document>, (usize, String)> {
    let mut docs = Vec::new();
    let mut doc = Document {
        words: vec![],
        labels: vec![],
        sentences: vec![],
    };
    let mut sent_start = 0;
    for (n, line) in text.lines().enumerate() {
        if line.starts_with("-DOCSTART-") || line.trim().is_empty() {
            if doc.words.len() > sent_start {
                doc.sentences.push((sent_start, doc.words.len()));
            }
            sent_start = doc.words.len();
            if line.starts_with("-DOCSTART-") && !doc.words.is_empty() {
                docs.push(std::mem::replace(
                    &mut doc,
                    Document {
                        words: vec![],
                        labels: vec![],
                        sentences: vec![],
                    },
                ));
                sent_start = 0;
            }
            continue;
        }
        let cols: Vec<&str> = line.split(' ').collect();
        if cols.len() < 2 {
            return Err((n + 1, format!("expected 'word ... label', got {line:?}")));
        }
        let (word, label) = (cols[0], cols[cols.len() - 1]);
        doc.words.push(word.to_string());
        doc.labels.push(label.to_string());
    }
    if doc.words.len() > sent_start {
        doc.sentences.push((sent_start, doc.words.len()));
    }
    if !doc.words.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

/// Mentions from IOB1/IOB2 labels.
fn gold_mentions(labels: &[String]) -> HashSet<Mention> {
    let mut out = HashSet::new();
    let mut open: Option<(usize, &'static str)> = None;
    for (i, l) in labels.iter().enumerate() {
        let ty = conll_type(l.get(2..).unwrap_or(""));
        let continues = l.starts_with("I-") && open.is_some_and(|(_, t)| Some(t) == ty);
        if !continues {
            if let Some((s, t)) = open.take() {
                out.insert((s, i, t));
            }
            open = ty.map(|t| (i, t));
        }
    }
    if let Some((s, t)) = open {
        out.insert((s, labels.len(), t));
    }
    out
}

fn conll_type(s: &str) -> Option<&'static str> {
    ["PER", "ORG", "LOC", "MISC"].into_iter().find(|t| *t == s)
}

fn predict(d: &Document, analyzer: &RuleAnalyzer) -> HashSet<Mention> {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(d.words.len());
    for w in &d.words {
        if !text.is_empty() {
            text.push(' ');
        }
        spans.push(Span::new(text.len(), text.len() + w.len()));
        text.push_str(w);
    }
    let sentences: Vec<Sentence> = d
        .sentences
        .iter()
        .map(|&(a, b)| Sentence {
            span: Span::new(spans[a].start, spans[b - 1].end),
            tokens: (a, b),
        })
        .collect();
    let words: Vec<&str> = d.words.iter().map(String::as_str).collect();
    let mut tags = vec![None; words.len()];
    for &(a, b) in &d.sentences {
        analyzer.tagger.tag(&words[a..b], &mut tags[a..b]);
    }
    let doc = Doc::new(&text, &spans, &words, &tags, &sentences);
    let token_at = |offset: usize| spans.partition_point(|s| s.start < offset);
    entity::find(&doc, analyzer.entities.as_deref())
        .into_iter()
        .map(|e| {
            let mut start = e.span.start;
            if let Some(c) = e
                .canonical
                .as_deref()
                .filter(|c| e.kind == EntityKind::Person && e.text.ends_with(*c))
            {
                start = e.span.end - c.len();
            }
            let ty = match e.kind {
                EntityKind::Person => "PER",
                EntityKind::Organization => "ORG",
                EntityKind::Location => "LOC",
                EntityKind::Norp | EntityKind::Misc => "MISC",
            };
            (token_at(start), token_at(e.span.end), ty)
        })
        .collect()
}
