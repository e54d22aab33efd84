//! Part-of-speech tagger: greedy left-to-right averaged perceptron (Penn
//! Treebank tags as GUM uses them).
//!
//! Features per token: the word, its lowercase form, shape, flags, prefixes
//! 1-3, suffixes 1-4, the two previous predicted tags, the words two to
//! either side, and the ambiguity classes (tags seen in training) of the word
//! and the next two: a cheap look at the right context before it is tagged.
//! Words seen often in training with one tag at least 97% of the time skip
//! the classifier (a tag dictionary): faster, and no less accurate.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use detente_core::PosTag;

use crate::ModelError;
use crate::clusters::{ClusterIds, Clusters};
use crate::corpus::DepSentence;
use crate::features::{Edges, Features, WordInfo, hash_num};
use crate::io::{self, Kind, Reader, Writer};
use crate::perceptron::{Rng, Trainer, Weights, argmax};

/// Keys are already good hashes: use them as they are.
#[derive(Default)]
pub struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ *b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub type HashIndex<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

const N_TAGS: usize = PosTag::LABELS.len();
/// Previous-tag ids for positions before the sentence.
const START: usize = N_TAGS;
const START2: usize = N_TAGS + 1;

/// Hyper-parameters of POS training.
#[derive(Debug, Clone, Copy)]
pub struct PosConfig {
    pub epochs: usize,
    pub bits: u32,
    pub prune: f32,
    pub seed: u64,
    /// A word seen this often with one tag at least `dict_share` of the
    /// time skips the classifier (the tag dictionary).
    pub dict_min: u32,
    pub dict_share: f64,
    /// Taggers trained with different seeds and averaged.
    pub runs: usize,
}

impl Default for PosConfig {
    fn default() -> Self {
        PosConfig {
            epochs: 8,
            bits: 18,
            prune: 0.0,
            seed: 7,
            dict_min: 20,
            dict_share: 0.97,
            runs: 3,
        }
    }
}

/// The trained tagger.
#[derive(Debug, Clone, PartialEq)]
pub struct PosModel {
    weights: Weights,
    dict: HashIndex<u8>,
    /// Ambiguity classes: for words seen at least twice (lowercased), the set
    /// of tags they took, as a bit mask. Gives the right context a tag-like
    /// signal before it is tagged.
    classes: HashIndex<u64>,
    /// Word clusters from unlabeled text ([`crate::clusters`]).
    clusters: Clusters,
}

impl PosModel {
    /// The model checked in under `models/pos.dtm`.
    pub fn load_embedded() -> Result<Self, ModelError> {
        Self::from_bytes(crate::embedded::POS)
    }

    pub fn from_bytes(file: &[u8]) -> Result<Self, ModelError> {
        let payload = io::decode(Kind::Pos, file)?;
        let mut r = Reader::new(&payload, "pos");
        let weights = Weights::read_classes(&mut r, N_TAGS, "the tag set")?;
        let n = r.u32()? as usize;
        let mut dict = HashIndex::default();
        dict.reserve(n.min(1 << 20));
        for _ in 0..n {
            let key = r.u64()?;
            let tag = r.u8()?;
            if tag as usize >= N_TAGS {
                return Err(r.error(format!("tag id {tag} in the tag dictionary")));
            }
            dict.insert(key, tag);
        }
        let n = r.u32()? as usize;
        let mut classes = HashIndex::default();
        classes.reserve(n.min(1 << 20));
        for _ in 0..n {
            let key = r.u64()?;
            classes.insert(key, r.u64()?);
        }
        let clusters = Clusters::read(&mut r)?;
        r.finish()?;
        Ok(PosModel {
            weights,
            dict,
            classes,
            clusters,
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        self.weights.write(&mut w);
        let mut entries: Vec<(u64, u8)> = self.dict.iter().map(|(k, v)| (*k, *v)).collect();
        entries.sort_unstable();
        w.u32(entries.len() as u32);
        for (k, v) in entries {
            w.u64(k);
            w.u8(v);
        }
        let mut classes: Vec<(u64, u64)> = self.classes.iter().map(|(k, v)| (*k, *v)).collect();
        classes.sort_unstable();
        w.u32(classes.len() as u32);
        for (k, v) in classes {
            w.u64(k);
            w.u64(v);
        }
        self.clusters.write(&mut w);
        io::encode(Kind::Pos, &w.into_inner())
    }

    /// Tags one sentence (already tokenised).
    pub fn tag(&self, words: &[&str]) -> Vec<PosTag> {
        let infos: Vec<WordInfo> = words.iter().map(|w| WordInfo::new(w)).collect();
        self.tag_infos(&infos)
    }

    /// Tags from precomputed word hashes (the NER and parser share them).
    pub fn tag_infos(&self, infos: &[WordInfo]) -> Vec<PosTag> {
        let mut f = Features::new(self.weights.bits());
        let mut scores = vec![0i32; N_TAGS];
        let mut out = Vec::with_capacity(infos.len());
        let amb = ambiguity(infos, &self.classes);
        let cl = cluster_ids(infos, &self.clusters);
        let known: Vec<Option<u8>> = infos
            .iter()
            .map(|w| self.dict.get(&w.word).copied())
            .collect();
        // The word rows of every token the classifier will see, first, so
        // that each token's rows load while the one before is scored.
        let mut fixed = Features::new(self.weights.bits());
        let mut ends = Vec::with_capacity(infos.len() + 1);
        ends.push(0);
        for (i, k) in known.iter().enumerate() {
            if k.is_none() {
                word_features(&mut fixed, infos, &amb, &cl, i);
            }
            ends.push(fixed.rows().len());
        }
        let rows_of = |i: usize| &fixed.rows()[ends[i]..ends[i + 1]];
        let (mut p1, mut p2) = (START, START2);
        for (i, k) in known.iter().enumerate() {
            if i + 1 < infos.len() {
                self.weights.prefetch(rows_of(i + 1));
            }
            let t = match *k {
                Some(t) => t as usize,
                None => {
                    f.clear();
                    f.extend(rows_of(i));
                    tag_features(&mut f, infos, &amb, &cl, i, p1, p2);
                    self.weights.scores(f.rows(), &mut scores);
                    argmax(&scores, |_| true).unwrap_or(0)
                }
            };
            out.push(PosTag::from_id(t).expect("class ids are tag ids"));
            (p2, p1) = (p1, t);
        }
        out
    }
}

/// This model's stand-ins for the words around a sentence.
const EDGES: Edges = Edges::new(1);

fn at(infos: &[WordInfo], i: isize) -> WordInfo {
    EDGES.at(infos, i)
}

/// The feature templates of token `i` given the two previous tags.
fn features(
    f: &mut Features,
    infos: &[WordInfo],
    amb: &[u64],
    cl: &[ClusterIds],
    i: usize,
    p1: usize,
    p2: usize,
) {
    word_features(f, infos, amb, cl, i);
    tag_features(f, infos, amb, cl, i, p1, p2);
}

/// The clusters of word `k` of a sentence, or the edge value outside it.
pub(crate) fn cluster_at(cl: &[ClusterIds], k: isize) -> ClusterIds {
    usize::try_from(k)
        .ok()
        .and_then(|k| cl.get(k))
        .copied()
        .unwrap_or(EDGE)
}

fn ambiguity_at(amb: &[u64], k: usize) -> u64 {
    amb.get(k).copied().unwrap_or(0xe0d)
}

/// The templates that read only the words: known for the whole sentence
/// before tagging starts, so their rows can be fetched from memory early.
fn word_features(f: &mut Features, infos: &[WordInfo], amb: &[u64], cl: &[ClusterIds], i: usize) {
    let (c0, cm1, cn1) = (
        cluster_at(cl, i as isize),
        cluster_at(cl, i as isize - 1),
        cluster_at(cl, i as isize + 1),
    );
    let a = |k: usize| ambiguity_at(amb, k);
    let (a0, a1, a2) = (a(i), a(i + 1), a(i + 2));
    let am1 = if i > 0 { a(i - 1) } else { 0x5a7 };
    let i = i as isize;
    let (w, m1, m2, n1, n2) = (
        at(infos, i),
        at(infos, i - 1),
        at(infos, i - 2),
        at(infos, i + 1),
        at(infos, i + 2),
    );
    f.add(0, 0);
    f.add(1, w.word);
    f.add(2, w.lower);
    for (k, s) in w.suffix.iter().enumerate() {
        f.add(3 + k as u32, *s);
    }
    for (k, p) in w.prefix.iter().enumerate() {
        f.add(7 + k as u32, *p);
    }
    f.add(10, w.shape);
    f.add(11, hash_num(w.flags as u64));
    f.add(15, m1.lower);
    f.add(16, m1.suffix[2]);
    f.add(17, m2.lower);
    f.add(18, n1.lower);
    f.add(19, n1.suffix[2]);
    f.add(20, n2.lower);
    f.add(21, m1.shape);
    f.add(22, n1.shape);
    f.add2(23, m1.lower, w.lower);
    f.add2(24, w.lower, n1.lower);
    f.add2(26, hash_num((i == 0) as u64), w.shape);
    f.add2(29, w.suffix[1], n1.suffix[1]);
    f.add(30, a0);
    f.add(31, a1);
    f.add2(32, a1, a2);
    f.add2(34, a0, a1);
    f.add2(35, w.lower, a1);
    f.add2(36, am1, a1);
    f.add(37, c0.fine);
    f.add(38, c0.coarse);
    f.add2(39, c0.fine, w.suffix[1]);
    f.add(40, cn1.fine);
    f.add(41, cm1.fine);
    f.add2(43, c0.coarse, cn1.coarse);
}

/// The templates that read the two previous predicted tags.
fn tag_features(
    f: &mut Features,
    infos: &[WordInfo],
    amb: &[u64],
    cl: &[ClusterIds],
    i: usize,
    p1: usize,
    p2: usize,
) {
    let (t1, t2) = (hash_num(p1 as u64), hash_num(p2 as u64));
    let (w, n1) = (at(infos, i as isize), at(infos, i as isize + 1));
    let (a1, c0) = (ambiguity_at(amb, i + 1), cluster_at(cl, i as isize));
    f.add(12, t1);
    f.add2(13, t1, t2);
    f.add2(14, t1, w.lower);
    f.add2(25, t1, n1.lower);
    f.add(27, t2);
    f.add2(28, t1, w.suffix[2]);
    f.add2(33, t1, a1);
    f.add2(42, t1, c0.fine);
}

/// Cluster values outside the sentence.
const EDGE: ClusterIds = ClusterIds {
    fine: 0xed9e_0001,
    coarse: 0xed9e_0002,
};

/// The clusters of each word of a sentence.
pub fn cluster_ids(infos: &[WordInfo], clusters: &Clusters) -> Vec<ClusterIds> {
    infos.iter().map(|w| clusters.of(w.lower)).collect()
}

/// The ambiguity class of each word, hashed (unknown words share one value).
fn ambiguity(infos: &[WordInfo], classes: &HashIndex<u64>) -> Vec<u64> {
    infos
        .iter()
        .map(|w| hash_num(classes.get(&w.lower).copied().unwrap_or(1 << 63) ^ 0xa3b))
        .collect()
}

/// Trains a tagger on gold-tagged sentences.
pub fn train_pos(sentences: &[&DepSentence], clusters: &Clusters, cfg: PosConfig) -> PosModel {
    let data: Vec<(Vec<WordInfo>, Vec<usize>)> = sentences
        .iter()
        .map(|s| {
            (
                s.words.iter().map(|w| WordInfo::new(w)).collect(),
                s.tags.iter().map(|t| t.id()).collect(),
            )
        })
        .collect();
    let dict = tag_dictionary(&data, &cfg);
    let counts = tag_counts(&data);
    let classes = ambiguity_classes(&counts);
    let ambs: Vec<Vec<u64>> = data
        .iter()
        .map(|(infos, gold)| ambiguity_left_out(infos, gold, &counts))
        .collect();
    let cls: Vec<Vec<ClusterIds>> = data
        .iter()
        .map(|(infos, _)| cluster_ids(infos, clusters))
        .collect();
    // The average of `runs` averaged perceptrons, each with its own order.
    let runs = cfg.runs.max(1);
    let mut sum = vec![0f32; (1usize << cfg.bits) * N_TAGS];
    for k in 0..runs {
        let seed = cfg.seed.wrapping_add(k as u64 * 0x9e37);
        let w = train_once(&data, &ambs, &cls, &dict, &cfg, seed);
        for (s, w) in sum.iter_mut().zip(w) {
            *s += w / runs as f32;
        }
    }
    PosModel {
        weights: Weights::quantise(N_TAGS, cfg.bits, &sum, cfg.prune),
        dict,
        classes,
        clusters: clusters.clone(),
    }
}

/// One averaged perceptron over the prepared data; the unquantised weights.
fn train_once(
    data: &[(Vec<WordInfo>, Vec<usize>)],
    ambs: &[Vec<u64>],
    cls: &[Vec<ClusterIds>],
    dict: &HashIndex<u8>,
    cfg: &PosConfig,
    seed: u64,
) -> Vec<f32> {
    let mut trainer = Trainer::new(N_TAGS, cfg.bits);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng::new(seed);
    let mut f = Features::new(cfg.bits);
    let mut scores = Vec::new();
    for _ in 0..cfg.epochs {
        rng.shuffle(&mut order);
        for &s in &order {
            let (infos, gold) = &data[s];
            let amb = &ambs[s];
            let (mut p1, mut p2) = (START, START2);
            for i in 0..infos.len() {
                let guess = match dict.get(&infos[i].word) {
                    Some(t) => *t as usize,
                    None => {
                        f.clear();
                        features(&mut f, infos, amb, &cls[s], i, p1, p2);
                        trainer.scores(f.rows(), &mut scores);
                        let guess = argmax(&scores, |_| true).unwrap_or(0);
                        trainer.update(f.rows(), gold[i], guess);
                        trainer.tick();
                        guess
                    }
                };
                (p2, p1) = (p1, guess);
            }
        }
    }
    trainer.averaged()
}

/// Tag sets of words seen at least twice (tags under 5% of a word's uses are noise).
fn ambiguity_classes(counts: &HashIndex<[u32; N_TAGS]>) -> HashIndex<u64> {
    counts
        .iter()
        .filter_map(|(w, c)| class_mask(c).map(|m| (*w, m)))
        .collect()
}

/// The tags a word takes in at least 5% of its uses, if seen at least twice.
fn class_mask(c: &[u32; N_TAGS]) -> Option<u64> {
    let total: u32 = c.iter().sum();
    let mask = c
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0 && **n * 20 >= total)
        .fold(0u64, |m, (t, _)| m | 1 << t);
    (total >= 2).then_some(mask)
}

fn tag_counts(data: &[(Vec<WordInfo>, Vec<usize>)]) -> HashIndex<[u32; N_TAGS]> {
    let mut counts: HashIndex<[u32; N_TAGS]> = HashIndex::default();
    for (infos, tags) in data {
        for (w, t) in infos.iter().zip(tags) {
            counts.entry(w.lower).or_insert([0; N_TAGS])[*t] += 1;
        }
    }
    counts
}

/// Training-time classes, leaving each token's own occurrence out: otherwise
/// every training word's class contains its gold tag and the model learns to
/// trust classes more than it should on new text.
fn ambiguity_left_out(
    infos: &[WordInfo],
    gold: &[usize],
    counts: &HashIndex<[u32; N_TAGS]>,
) -> Vec<u64> {
    infos
        .iter()
        .zip(gold)
        .map(|(w, t)| {
            let mut c = counts.get(&w.lower).copied().unwrap_or([0; N_TAGS]);
            c[*t] = c[*t].saturating_sub(1);
            hash_num(class_mask(&c).unwrap_or(1 << 63) ^ 0xa3b)
        })
        .collect()
}

/// Frequent words that (nearly) always carry one tag.
fn tag_dictionary(data: &[(Vec<WordInfo>, Vec<usize>)], cfg: &PosConfig) -> HashIndex<u8> {
    let mut counts: HashIndex<[u32; N_TAGS]> = HashIndex::default();
    for (infos, tags) in data {
        for (w, t) in infos.iter().zip(tags) {
            counts.entry(w.word).or_insert([0; N_TAGS])[*t] += 1;
        }
    }
    let mut dict = HashIndex::default();
    for (w, c) in counts {
        let total: u32 = c.iter().sum();
        let (best, n) = c
            .iter()
            .enumerate()
            .max_by_key(|(_, n)| **n)
            .expect("non-empty");
        if total >= cfg.dict_min && *n as f64 / total as f64 >= cfg.dict_share {
            dict.insert(w, best as u8);
        }
    }
    dict
}
