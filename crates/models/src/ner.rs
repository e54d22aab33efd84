//! Named-entity tagger: greedy left-to-right averaged perceptron over BILOU
//! labels (Begin, Inside, Last, Unit, Outside) for PER, ORG, LOC and MISC.
//!
//! BILOU rather than IOB gives the classifier distinct decisions for the
//! start, middle, end and single-token cases. Decoding only allows label
//! sequences that form well-nested spans, so every output is a valid set of
//! spans. Features: the word in several forms (exact, lowercase, shape,
//! affixes), its neighbours two either side, POS tags from [`crate::PosModel`],
//! the two previous labels, and whether the whole sentence is in capitals
//! (news headlines).

use detente_core::{EntityKind, PosTag};

use crate::ModelError;
use crate::clusters::{ClusterIds, Clusters};
use crate::corpus::NerSentence;
use crate::features::{Edges, Features, WordInfo, flag, hash_num, pair};
use crate::io::{self, Kind, Reader, Writer};
use crate::perceptron::{Rng, Trainer, Weights, argmax};
use crate::tagger::{HashIndex, cluster_at, cluster_ids};

const KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Location,
    EntityKind::Misc,
];
/// Label 0 is O; then for kind k: 1+4k = B, 2+4k = I, 3+4k = L, 4+4k = U.
const N_LABELS: usize = 1 + 4 * KINDS.len();
const START: usize = N_LABELS;

const B: usize = 1;
const I: usize = 2;
const L: usize = 3;
const U: usize = 4;

fn part(label: usize) -> (usize, usize) {
    if label == 0 || label >= N_LABELS {
        (0, 0)
    } else {
        ((label - 1) % 4 + 1, (label - 1) / 4)
    }
}

/// Whether `next` may follow `prev` in a BILOU sequence.
fn allowed(prev: usize, next: usize) -> bool {
    let (pp, pk) = part(prev);
    let (np, nk) = part(next);
    let open = pp == B || pp == I;
    match np {
        I | L => open && pk == nk,
        _ => !open,
    }
}

#[derive(Debug, Clone, Copy)]
pub struct NerConfig {
    pub epochs: usize,
    pub bits: u32,
    pub seed: u64,
}

impl Default for NerConfig {
    fn default() -> Self {
        NerConfig {
            epochs: 10,
            bits: 20,
            seed: 5,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct NerModel {
    weights: Weights,
    /// Hashes of words seen written all in lowercase in training: a
    /// capitalised word whose lowercase form is common is less likely a name.
    common: HashIndex<()>,
    /// Word clusters from unlabeled text ([`crate::clusters`]).
    clusters: Clusters,
}

/// This model's stand-ins for the words around a sentence.
const EDGES: Edges = Edges::new(11);

fn at(infos: &[WordInfo], i: isize) -> WordInfo {
    EDGES.at(infos, i)
}

fn tag_at(tags: &[u64], i: isize) -> u64 {
    if i < 0 {
        0x51a
    } else {
        tags.get(i as usize).copied().unwrap_or(0xe4d)
    }
}

struct Ctx<'a> {
    infos: &'a [WordInfo],
    tags: Vec<u64>,
    caps: u64,
    /// Per token: is its lowercase form a common word?
    common: Vec<bool>,
    clusters: Vec<ClusterIds>,
}

fn features(f: &mut Features, c: &Ctx, i: usize, p1: usize, p2: usize) {
    let (infos, tags, caps) = (c.infos, &c.tags[..], c.caps);
    let common = |k: isize| {
        hash_num(if k < 0 {
            2
        } else {
            c.common.get(k as usize).map_or(3, |b| *b as u64)
        })
    };
    let i = i as isize;
    let (w, m1, m2, n1, n2) = (
        at(infos, i),
        at(infos, i - 1),
        at(infos, i - 2),
        at(infos, i + 1),
        at(infos, i + 2),
    );
    let (t, tm1, tn1) = (tag_at(tags, i), tag_at(tags, i - 1), tag_at(tags, i + 1));
    let (l1, l2) = (hash_num(p1 as u64), hash_num(p2 as u64));
    f.add(0, 0);
    f.add(1, w.word);
    f.add(2, w.lower);
    f.add(3, w.shape);
    for (k, s) in w.suffix.iter().enumerate() {
        f.add(4 + k as u32, *s);
    }
    for (k, p) in w.prefix.iter().enumerate() {
        f.add(8 + k as u32, *p);
    }
    f.add(11, hash_num(w.flags as u64));
    f.add(12, t);
    f.add(13, l1);
    f.add2(14, l1, l2);
    f.add2(15, l1, w.word);
    f.add2(16, l1, w.shape);
    f.add(17, m1.lower);
    f.add(18, n1.lower);
    f.add(19, m2.lower);
    f.add(20, n2.lower);
    f.add(21, m1.shape);
    f.add(22, n1.shape);
    f.add3(23, m1.shape, w.shape, n1.shape);
    f.add2(24, m1.lower, w.lower);
    f.add2(25, w.lower, n1.lower);
    f.add2(26, tm1, t);
    f.add2(27, t, tn1);
    f.add(28, tn1);
    f.add2(29, caps, w.lower);
    f.add2(30, caps, w.shape);
    f.add2(31, hash_num((i == 0) as u64), w.lower);
    f.add2(32, l1, t);
    f.add2(33, n1.suffix[2], w.shape);
    f.add2(34, m1.suffix[2], w.shape);
    f.add(35, n2.shape);
    f.add2(36, l1, n1.shape);
    f.add2(37, l1, m1.lower);
    f.add2(38, common(i), w.shape);
    f.add3(39, common(i), w.shape, hash_num((i == 0) as u64));
    f.add3(40, common(i - 1), common(i + 1), w.shape);
    f.add3(41, common(i), l1, w.shape);
    f.add3(42, caps, common(i), w.shape);
    f.add(43, m1.word);
    f.add(44, n1.word);
    f.add2(45, w.word, n1.shape);
    f.add2(46, m1.shape, w.word);
    f.add2(47, l1, n1.word);
    let cl = |k: isize| cluster_at(&c.clusters, k).fine;
    let c0 = cluster_at(&c.clusters, i);
    f.add2(48, c0.fine, w.shape);
    f.add2(49, c0.coarse, w.shape);
    f.add2(50, cl(i - 1), w.shape);
    f.add2(51, cl(i + 1), w.shape);
    f.add3(52, l1, c0.coarse, w.shape);
}

/// Hashes of the sentence's POS tags, the all-capitals flag, common words.
fn context<'a>(
    infos: &'a [WordInfo],
    tags: &[PosTag],
    common: &HashIndex<()>,
    clusters: &Clusters,
) -> Ctx<'a> {
    let t = (0..infos.len())
        .map(|i| tags.get(i).map_or(0x9e, |t| pair(0x7a6, t.id() as u64)))
        .collect();
    let letters = infos.iter().filter(|w| w.has(flag::HAS_UPPER)).count();
    let caps = letters >= 2
        && infos
            .iter()
            .all(|w| !w.has(flag::HAS_UPPER) || w.has(flag::ALL_UPPER));
    let common = infos
        .iter()
        .map(|w| common.contains_key(&w.lower))
        .collect();
    Ctx {
        infos,
        tags: t,
        caps: hash_num(caps as u64 + 0xca95),
        common,
        clusters: cluster_ids(infos, clusters),
    }
}

/// Words seen at least `min` times written all lowercase.
fn common_words<'a>(words: impl Iterator<Item = &'a str>, min: u32) -> HashIndex<()> {
    let mut counts: HashIndex<u32> = HashIndex::default();
    for w in words {
        if w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_uppercase) {
            *counts.entry(crate::features::hash_lower(w)).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= min)
        .map(|(k, _)| (k, ()))
        .collect()
}

impl NerModel {
    pub fn load_embedded() -> Result<Self, ModelError> {
        Self::from_bytes(crate::embedded::NER)
    }

    pub fn from_bytes(file: &[u8]) -> Result<Self, ModelError> {
        let payload = io::decode(Kind::Ner, file)?;
        let mut r = Reader::new(&payload, "ner");
        let weights = Weights::read_classes(&mut r, N_LABELS, "BILOU over 4 kinds")?;
        let n = r.u32()? as usize;
        let mut common = HashIndex::default();
        common.reserve(n.min(1 << 20));
        for _ in 0..n {
            common.insert(r.u64()?, ());
        }
        let clusters = Clusters::read(&mut r)?;
        r.finish()?;
        Ok(NerModel {
            weights,
            common,
            clusters,
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        self.weights.write(&mut w);
        let mut common: Vec<u64> = self.common.keys().copied().collect();
        common.sort_unstable();
        w.u32(common.len() as u32);
        for k in common {
            w.u64(k);
        }
        self.clusters.write(&mut w);
        io::encode(Kind::Ner, &w.into_inner())
    }

    /// Entity mentions of one tagged sentence, as `(first, end, kind)` token spans (end exclusive).
    pub fn tag(&self, words: &[&str], tags: &[PosTag]) -> Vec<(usize, usize, EntityKind)> {
        let infos: Vec<WordInfo> = words.iter().map(|w| WordInfo::new(w)).collect();
        self.tag_infos(&infos, tags)
    }

    pub fn tag_infos(
        &self,
        infos: &[WordInfo],
        tags: &[PosTag],
    ) -> Vec<(usize, usize, EntityKind)> {
        let ctx = context(infos, tags, &self.common, &self.clusters);
        let mut f = Features::new(self.weights.bits());
        let mut scores = [0i32; N_LABELS];
        let mut labels = Vec::with_capacity(infos.len());
        let (mut p1, mut p2) = (START, START);
        for i in 0..infos.len() {
            // Outside any span, a word without a capital letter starts no
            // name (in CoNLL-2003 training data, hardly ever): it is O
            // without asking the classifier, which skips most tokens.
            if part(p1).0 != B && part(p1).0 != I && !infos[i].has(flag::HAS_UPPER) {
                labels.push(0);
                (p2, p1) = (p1, 0);
                continue;
            }
            f.clear();
            features(&mut f, &ctx, i, p1, p2);
            self.weights.scores(f.rows(), &mut scores);
            let last = i + 1 == infos.len();
            let y = argmax(&scores, |y| allowed(p1, y) && (!last || allowed(y, 0))).unwrap_or(0);
            labels.push(y);
            (p2, p1) = (p1, y);
        }
        spans(&labels)
    }
}

fn spans(labels: &[usize]) -> Vec<(usize, usize, EntityKind)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &y) in labels.iter().enumerate() {
        let (p, k) = part(y);
        match p {
            B => start = i,
            U => out.push((i, i + 1, KINDS[k])),
            L => out.push((start, i + 1, KINDS[k])),
            _ => {}
        }
    }
    out
}

fn gold_labels(s: &NerSentence) -> Vec<usize> {
    let mut y = vec![0; s.words.len()];
    for &(a, b, kind) in &s.spans {
        let k = KINDS.iter().position(|x| *x == kind).unwrap_or(3);
        let base = 4 * k;
        if b == a + 1 {
            y[a] = base + U;
        } else {
            y[a] = base + B;
            for l in &mut y[a + 1..b - 1] {
                *l = base + I;
            }
            y[b - 1] = base + L;
        }
    }
    y
}

/// One training sentence with the tags the tagger will see (predicted ones).
pub struct NerExample<'a> {
    pub gold: &'a NerSentence,
    pub tags: Vec<PosTag>,
}

/// Trains on `data`; `more_text` adds unlabeled words to the count of
/// lowercase (common) words.
pub fn train_ner<'a>(
    data: &'a [NerExample],
    more_text: impl Iterator<Item = &'a str>,
    clusters: &Clusters,
    cfg: NerConfig,
) -> NerModel {
    let words = data
        .iter()
        .flat_map(|e| e.gold.words.iter().map(String::as_str));
    let common = common_words(words.chain(more_text), 3);
    let infos: Vec<Vec<WordInfo>> = data
        .iter()
        .map(|e| e.gold.words.iter().map(|w| WordInfo::new(w)).collect())
        .collect();
    let prepared: Vec<(Ctx, Vec<usize>)> = data
        .iter()
        .zip(&infos)
        .map(|(e, infos)| {
            let ctx = context(infos, &e.tags, &common, clusters);
            (ctx, gold_labels(e.gold))
        })
        .collect();
    let mut tr = Trainer::new(N_LABELS, cfg.bits);
    let mut rng = Rng::new(cfg.seed);
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut f = Features::new(cfg.bits);
    let mut scores = Vec::new();
    for _ in 0..cfg.epochs {
        rng.shuffle(&mut order);
        for &s in &order {
            let (ctx, gold) = &prepared[s];
            let (mut p1, mut p2) = (START, START);
            for (i, &truth) in gold.iter().enumerate() {
                f.clear();
                features(&mut f, ctx, i, p1, p2);
                tr.scores(f.rows(), &mut scores);
                let guess = argmax(&scores, |y| allowed(p1, y)).unwrap_or(0);
                tr.update(f.rows(), truth, guess);
                tr.tick();
                (p2, p1) = (p1, guess);
            }
        }
    }
    NerModel {
        weights: tr.freeze(0.0),
        common,
        clusters: clusters.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_round_trip() {
        let s = NerSentence {
            words: ["a", "b", "c", "d", "e"].map(String::from).to_vec(),
            spans: vec![(0, 1, EntityKind::Location), (2, 5, EntityKind::Person)],
        };
        let y = gold_labels(&s);
        assert!(y.windows(2).all(|w| allowed(w[0], w[1])));
        assert_eq!(spans(&y), s.spans);
    }

    #[test]
    fn transitions_forbid_broken_spans() {
        let per_b = 1;
        let per_i = 2;
        let org_l = 4 + 3;
        assert!(allowed(per_b, per_i));
        assert!(!allowed(per_b, 0));
        assert!(!allowed(per_b, org_l));
        assert!(!allowed(0, per_i));
        assert!(allowed(START, per_b));
    }
}
