//! `detente eval analyze`'s model figures: POS accuracy, UAS and LAS on the
//! held-out GUM documents ([`crate::corpus::is_test_doc`]), NER precision,
//! recall and F1 on CoNLL-2003 testa (exact span and type), and single-core
//! throughput of each model.
//!
//! Everything downstream of the tagger runs on *predicted* tags, as in use.
//! Accuracy counts every token, punctuation included.

use std::fmt;
use std::path::Path;
use std::time::Instant;

use detente_core::PosTag;
use detente_core::score::{f1, ratio};

use crate::corpus::{DepSentence, read_conll2003, read_conllu_dir, split_docs};
use crate::train::{conll_dir, gum_dir};
use crate::{ModelError, NerModel, ParserModel, PosModel};

/// Precision, recall and F1 of span detection.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Prf {
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

#[derive(Debug, Clone)]
pub struct EvalReport {
    pub test_docs: usize,
    pub test_tokens: usize,
    pub pos_accuracy: f64,
    pub uas: f64,
    pub las: f64,
    pub ner: Prf,
    pub ner_tokens: usize,
    /// Tokens per second on one core, per model.
    pub pos_speed: f64,
    pub parser_speed: f64,
    pub ner_speed: f64,
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = &self.ner;
        writeln!(
            f,
            "GUM held-out: {} documents, {} tokens (every 10th GUM_ document by name)",
            self.test_docs, self.test_tokens
        )?;
        writeln!(
            f,
            "  POS accuracy   {:.2}%   ({:.0} tokens/s)",
            100.0 * self.pos_accuracy,
            self.pos_speed
        )?;
        writeln!(
            f,
            "  dependency UAS {:.2}%  LAS {:.2}%   ({:.0} tokens/s)",
            100.0 * self.uas,
            100.0 * self.las,
            self.parser_speed
        )?;
        writeln!(f, "CoNLL-2003 testa: {} tokens", self.ner_tokens)?;
        write!(
            f,
            "  NER P {:.4} R {:.4} F1 {:.4}   ({:.0} tokens/s)",
            n.precision(),
            n.recall(),
            n.f1(),
            self.ner_speed
        )
    }
}

/// Evaluates the embedded models against `shared`.
pub fn evaluate(shared: &Path) -> Result<EvalReport, ModelError> {
    let pos = PosModel::load_embedded()?;
    let parser = ParserModel::load_embedded()?;
    let ner = NerModel::load_embedded()?;
    evaluate_models(shared, &pos, &parser, &ner)
}

pub fn evaluate_models(
    shared: &Path,
    pos: &PosModel,
    parser: &ParserModel,
    ner: &NerModel,
) -> Result<EvalReport, ModelError> {
    let (_, test) = split_docs(read_conllu_dir(&gum_dir(shared))?);
    let sentences: Vec<&DepSentence> = test.iter().flat_map(|d| &d.sentences).collect();
    let words: Vec<Vec<&str>> = sentences.iter().map(|s| s.word_refs()).collect();
    let n: usize = words.iter().map(Vec::len).sum();

    let t = Instant::now();
    let tags: Vec<Vec<PosTag>> = words.iter().map(|w| pos.tag(w)).collect();
    let pos_speed = n as f64 / t.elapsed().as_secs_f64();
    let t = Instant::now();
    let parses: Vec<_> = words
        .iter()
        .zip(&tags)
        .map(|(w, t)| parser.parse(w, t))
        .collect();
    let parser_speed = n as f64 / t.elapsed().as_secs_f64();

    let (mut tag_ok, mut head_ok, mut both_ok) = (0, 0, 0);
    for ((s, tags), parse) in sentences.iter().zip(&tags).zip(&parses) {
        tag_ok += s.tags.iter().zip(tags).filter(|(g, p)| g == p).count();
        for ((gh, gr), (ph, pr)) in s.heads.iter().zip(&s.rels).zip(parse) {
            if gh == ph {
                head_ok += 1;
                both_ok += (gr == pr) as usize;
            }
        }
    }

    let conll = read_conll2003(&conll_dir(shared).join("eng.testa"))?;
    let cwords: Vec<Vec<&str>> = conll.iter().map(|s| s.word_refs()).collect();
    let ctags: Vec<Vec<PosTag>> = cwords.iter().map(|w| pos.tag(w)).collect();
    let ner_tokens: usize = cwords.iter().map(Vec::len).sum();
    let t = Instant::now();
    let found: Vec<_> = cwords
        .iter()
        .zip(&ctags)
        .map(|(w, t)| ner.tag(w, t))
        .collect();
    let ner_speed = ner_tokens as f64 / t.elapsed().as_secs_f64();
    let mut prf = Prf::default();
    for (s, f) in conll.iter().zip(&found) {
        prf.gold += s.spans.len();
        prf.predicted += f.len();
        prf.correct += f.iter().filter(|x| s.spans.contains(x)).count();
    }

    Ok(EvalReport {
        test_docs: test.len(),
        test_tokens: n,
        pos_accuracy: ratio(tag_ok, n),
        uas: ratio(head_ok, n),
        las: ratio(both_ok, n),
        ner: prf,
        ner_tokens,
        pos_speed,
        parser_speed,
        ner_speed,
    })
}
