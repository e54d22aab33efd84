//! `detente train`: every model reproduced from `../shared`.
//!
//! Order matters: the POS tagger is trained first (GUM train documents); the
//! parser and the NER tagger are then trained on *predicted* tags, as they
//! will see at run time. For the parser the GUM training documents are tagged
//! by jackknifing (each fold by a tagger trained on the other folds), so its
//! training tags are as noisy as real ones; CoNLL-2003 is tagged by the final
//! tagger, which never saw it.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::clusters::{ClusterConfig, Clusters};
use crate::corpus::{DepDoc, DepSentence, read_conll2003, read_conllu_dir, split_docs};
use crate::features::hash_lower;
use crate::io::write_file;
use crate::ner::{NerConfig, NerExample, train_ner};
use crate::parser::{ParseExample, ParserConfig, train_parser};
use crate::tagger::{PosConfig, train_pos};
use crate::{ModelError, NerModel, ParserModel, PosModel};

#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    pub pos: PosConfig,
    pub parser: ParserConfig,
    pub ner: NerConfig,
    pub clusters: ClusterConfig,
    /// Learn word clusters from Reuters-21578 as well as the training text
    /// (off: training text only, for quick runs).
    pub reuters: bool,
    /// Train on the GENTLE challenge documents too (they are never test).
    pub gentle: bool,
    /// Jackknife folds for the parser's training tags (0 or 1: tag with the final tagger).
    pub folds: usize,
    /// Hold out the development documents ([`split_dev`]) from training, for
    /// choosing settings without looking at the test documents.
    pub dev: bool,
    /// Which dev split [`split_dev`] holds out (standard: 4).
    pub dev_offset: usize,
    /// Use only the first N training documents / sentences (smoke tests).
    pub max_docs: Option<usize>,
    pub max_ner_sentences: Option<usize>,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            pos: PosConfig::default(),
            parser: ParserConfig::default(),
            ner: NerConfig::default(),
            clusters: ClusterConfig::default(),
            reuters: true,
            gentle: true,
            folds: 4,
            dev: false,
            dev_offset: 4,
            max_docs: None,
            max_ner_sentences: None,
        }
    }
}

impl TrainOptions {
    /// A tiny run for smoke tests and CI: four documents, 300 NER sentences,
    /// one epoch, small tables, clusters from the training text only. Takes
    /// a few seconds; the models it makes are poor but well-formed.
    pub fn smoke() -> Self {
        TrainOptions {
            pos: PosConfig {
                epochs: 1,
                bits: 14,
                runs: 1,
                ..PosConfig::default()
            },
            parser: ParserConfig {
                epochs: 1,
                label_epochs: 1,
                bits: 14,
                label_bits: 12,
                runs: 1,
                ..ParserConfig::default()
            },
            ner: NerConfig {
                epochs: 1,
                bits: 14,
                ..NerConfig::default()
            },
            clusters: ClusterConfig {
                vocab: 500,
                min_count: 2,
                contexts: 50,
                fine: 16,
                coarse: 4,
                iterations: 2,
            },
            reuters: false,
            gentle: true,
            folds: 2,
            dev: false,
            dev_offset: 4,
            max_docs: Some(4),
            max_ner_sentences: Some(300),
        }
    }
}

/// What was trained on, and what was written.
#[derive(Debug, Clone)]
pub struct TrainReport {
    pub gum_train_docs: usize,
    pub gum_train_tokens: usize,
    pub ner_train_sentences: usize,
    /// Sentences of text the clusters were learnt from, and words clustered.
    pub cluster_sentences: usize,
    pub clustered_words: usize,
    pub files: Vec<(PathBuf, usize)>,
    pub seconds: f64,
}

impl std::fmt::Display for TrainReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "GUM train documents: {} ({} tokens)",
            self.gum_train_docs, self.gum_train_tokens
        )?;
        writeln!(
            f,
            "CoNLL-2003 train sentences: {}",
            self.ner_train_sentences
        )?;
        writeln!(
            f,
            "word clusters: {} words from {} sentences",
            self.clustered_words, self.cluster_sentences
        )?;
        for (p, n) in &self.files {
            writeln!(f, "wrote {} ({n} bytes)", p.display())?;
        }
        write!(f, "trained in {:.1} s", self.seconds)
    }
}

/// The trained models, before they are written anywhere.
pub struct Trained {
    pub pos: PosModel,
    pub parser: ParserModel,
    pub ner: NerModel,
    pub report: TrainReport,
}

/// Splits the training documents into (train, dev): of the `GUM_*` ones,
/// every 9th starting with number `offset` (counting from 0; the standard
/// dev split is offset 4) is dev (about 24 documents, none of them test).
/// Used only to choose settings (`--example experiment dev=1`); other
/// offsets give other dev splits, to see whether a difference holds.
pub fn split_dev(train: Vec<DepDoc>, offset: usize) -> (Vec<DepDoc>, Vec<DepDoc>) {
    let mut gum = 0;
    train.into_iter().partition(|d| {
        let dev = d.name.starts_with("GUM_") && gum % 9 == offset % 9;
        gum += d.name.starts_with("GUM_") as usize;
        !dev
    })
}

pub fn gum_dir(shared: &Path) -> PathBuf {
    shared.join("data/gum/dep")
}

pub fn conll_dir(shared: &Path) -> PathBuf {
    shared.join("data/conll2003")
}

/// Trains all three models and writes `pos.dtm`, `parser.dtm`, `ner.dtm` to `out_dir`.
pub fn train_all(
    shared: &Path,
    out_dir: &Path,
    opts: &TrainOptions,
) -> Result<TrainReport, ModelError> {
    let mut t = train_models(shared, opts)?;
    std::fs::create_dir_all(out_dir).map_err(|e| ModelError::io(out_dir, e))?;
    for (name, bytes) in [
        ("pos.dtm", t.pos.to_bytes()),
        ("parser.dtm", t.parser.to_bytes()),
        ("ner.dtm", t.ner.to_bytes()),
    ] {
        let path = out_dir.join(name);
        write_file(&path, &bytes)?;
        t.report.files.push((path, bytes.len()));
    }
    Ok(t.report)
}

pub fn train_models(shared: &Path, opts: &TrainOptions) -> Result<Trained, ModelError> {
    let start = Instant::now();
    let (mut train, _test) = split_docs(read_conllu_dir(&gum_dir(shared))?);
    if opts.dev {
        train = split_dev(train, opts.dev_offset).0;
    }
    if !opts.gentle {
        train.retain(|d| !d.name.starts_with("GENTLE_"));
    }
    if let Some(n) = opts.max_docs {
        train.truncate(n);
    }
    let sentences: Vec<&DepSentence> = train.iter().flat_map(|d| &d.sentences).collect();
    if sentences.is_empty() {
        return Err(ModelError::Training(format!(
            "no GUM training sentences under {}",
            shared.display()
        )));
    }
    let mut ner_data = read_conll2003(&conll_dir(shared).join("eng.train"))?;
    if let Some(n) = opts.max_ner_sentences {
        ner_data.truncate(n);
    }
    let text = cluster_text(shared, &sentences, &ner_data, opts)?;
    let clusters = Clusters::learn(&text, &opts.clusters);

    let pos = train_pos(&sentences, &clusters, opts.pos);
    let tags = jackknife_tags(&train, &pos, &clusters, opts);
    let examples: Vec<ParseExample> = sentences
        .iter()
        .zip(tags)
        .map(|(s, tags)| ParseExample { gold: s, tags })
        .collect();
    let parser = train_parser(&examples, &clusters, opts.parser);

    let ner_examples: Vec<NerExample> = ner_data
        .iter()
        .map(|s| NerExample {
            gold: s,
            tags: pos.tag(&s.word_refs()),
        })
        .collect();
    let gum_words = sentences
        .iter()
        .flat_map(|s| s.words.iter().map(String::as_str));
    let ner = train_ner(&ner_examples, gum_words, &clusters, opts.ner);

    let report = TrainReport {
        gum_train_docs: train.len(),
        gum_train_tokens: sentences.iter().map(|s| s.words.len()).sum(),
        ner_train_sentences: ner_data.len(),
        cluster_sentences: text.len(),
        clustered_words: clusters.len(),
        files: Vec::new(),
        seconds: start.elapsed().as_secs_f64(),
    };
    Ok(Trained {
        pos,
        parser,
        ner,
        report,
    })
}

/// The unlabeled text the clusters are learnt from: the training sentences
/// of both corpora (never the held-out documents) and, if asked, Reuters.
fn cluster_text(
    shared: &Path,
    gum: &[&DepSentence],
    conll: &[crate::corpus::NerSentence],
    opts: &TrainOptions,
) -> Result<Vec<Vec<u64>>, ModelError> {
    let hashed = |words: &[String]| words.iter().map(|w| hash_lower(w)).collect();
    let mut text: Vec<Vec<u64>> = gum.iter().map(|s| hashed(&s.words)).collect();
    text.extend(conll.iter().map(|s| hashed(&s.words)));
    if opts.reuters {
        text.extend(crate::unlabeled::reuters_sentences(&reuters_dir(shared))?);
    }
    Ok(text)
}

pub fn reuters_dir(shared: &Path) -> PathBuf {
    shared.join("data/reuters21578")
}

/// Predicted tags for every training sentence, in document order.
fn jackknife_tags(
    docs: &[DepDoc],
    full: &PosModel,
    clusters: &Clusters,
    opts: &TrainOptions,
) -> Vec<Vec<detente_core::PosTag>> {
    let k = opts.folds;
    let fold_models: Vec<Option<PosModel>> = (0..k.max(1))
        .map(|f| {
            let rest: Vec<&DepSentence> = docs
                .iter()
                .enumerate()
                .filter(|(i, _)| k > 1 && i % k != f)
                .flat_map(|(_, d)| &d.sentences)
                .collect();
            (!rest.is_empty()).then(|| train_pos(&rest, clusters, opts.pos))
        })
        .collect();
    let mut out = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let model = fold_models[i % k.max(1)].as_ref().unwrap_or(full);
        out.extend(d.sentences.iter().map(|s| model.tag(&s.word_refs())));
    }
    out
}
