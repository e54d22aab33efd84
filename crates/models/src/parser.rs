//! Dependency parser: arc-hybrid transitions chosen by a greedy averaged
//! perceptron trained with a dynamic oracle (module `transition`) on
//! projectivised gold trees, then a second perceptron that labels each arc
//! with its UD relation.
//!
//! Unlabeled transitions keep the parser's decision to 3 classes (cheap);
//! the labeler sees the finished tree (both ends of the arc, the dependent's
//! first child, what the head already governs), which is what labels need.

use detente_core::{DepRel, PosTag};

use crate::ModelError;
use crate::clusters::Clusters;
use crate::corpus::DepSentence;
use crate::features::{Features, WordInfo, hash_num, pair};
use crate::io::{self, Kind, Reader, Writer};
use crate::perceptron::{Rng, Trainer, Weights, argmax};
use crate::transition::{LEFT, N_ACTIONS, NONE, RIGHT, SHIFT, State, projectivize};

const N_RELS: usize = DepRel::LABELS.len();

#[derive(Debug, Clone, Copy)]
pub struct ParserConfig {
    pub epochs: usize,
    pub label_epochs: usize,
    pub bits: u32,
    pub label_bits: u32,
    /// Probability of following the model's own (wrong) action after epoch 1.
    pub explore: f64,
    pub seed: u64,
    /// Transition models trained with different seeds and averaged.
    pub runs: usize,
}

impl Default for ParserConfig {
    fn default() -> Self {
        ParserConfig {
            epochs: 12,
            label_epochs: 8,
            bits: 20,
            label_bits: 16,
            explore: 0.9,
            seed: 11,
            runs: 5,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParserModel {
    arcs: Weights,
    labels: Weights,
    /// Word clusters from unlabeled text ([`crate::clusters`]).
    clusters: Clusters,
}

/// A sentence as the feature templates see it: hashed words and tags, with
/// stand-ins for ROOT (index n) and "nothing there".
struct Sent {
    lower: Vec<u64>,
    word: Vec<u64>,
    suffix: Vec<u64>,
    tag: Vec<u64>,
    /// Fine word cluster.
    cluster: Vec<u64>,
    be: Vec<bool>,
}

const ABSENT: u64 = 0x00a6_5e17;

impl Sent {
    fn new(infos: &[WordInfo], tags: &[PosTag], clusters: &Clusters) -> Self {
        let n = infos.len();
        let root = hash_num(0x2007);
        let mut s = Sent {
            lower: infos.iter().map(|w| w.lower).collect(),
            word: infos.iter().map(|w| w.word).collect(),
            suffix: infos.iter().map(|w| w.suffix[2]).collect(),
            tag: (0..n).map(|i| tag_of(tags, i)).collect(),
            cluster: infos.iter().map(|w| clusters.of(w.lower).fine).collect(),
            be: infos.iter().map(|w| BE_FORMS.contains(&w.lower)).collect(),
        };
        s.lower.push(root);
        s.word.push(root);
        s.suffix.push(root);
        s.tag.push(root);
        s.cluster.push(root);
        s.be.push(false);
        s
    }

    fn l(&self, i: u32) -> u64 {
        self.lower.get(i as usize).copied().unwrap_or(ABSENT)
    }
    fn t(&self, i: u32) -> u64 {
        self.tag.get(i as usize).copied().unwrap_or(ABSENT)
    }
    fn c(&self, i: u32) -> u64 {
        self.cluster.get(i as usize).copied().unwrap_or(ABSENT)
    }
}

/// A missing tag (tags shorter than words) reads as a common noun.
fn tag_of(tags: &[PosTag], i: usize) -> u64 {
    let t = tags
        .get(i)
        .copied()
        .unwrap_or(PosTag::parse("NN").expect("NN is a tag"));
    pair(0x7a6, t.id() as u64)
}

/// Forms of "be" and "get" (lowercase), for passive and copula labels.
const BE_FORMS: [u64; 14] = [
    ascii_hash("be"),
    ascii_hash("is"),
    ascii_hash("are"),
    ascii_hash("was"),
    ascii_hash("were"),
    ascii_hash("been"),
    ascii_hash("being"),
    ascii_hash("am"),
    ascii_hash("'s"),
    ascii_hash("'re"),
    ascii_hash("get"),
    ascii_hash("got"),
    ascii_hash("gets"),
    ascii_hash("gotten"),
];

/// [`crate::features::hash_lower`] for lowercase ASCII, at compile time.
const fn ascii_hash(s: &str) -> u64 {
    let b = s.as_bytes();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < b.len() {
        h = (h ^ b[i] as u64).wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    crate::features::mix(h)
}

fn child(slots: &[[u32; 2]], i: u32, k: usize) -> u32 {
    if i == NONE {
        NONE
    } else {
        slots[i as usize][k]
    }
}

/// Features of a parser configuration.
fn arc_features(f: &mut Features, s: &Sent, st: &State) {
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.buf(0), st.buf(1), st.buf(2));
    let (s0w, s0t, s1w, s1t, b0w, b0t) = (s.l(s0), s.t(s0), s.l(s1), s.t(s1), s.l(b0), s.t(b0));
    let (b1w, b1t, b2t, s2t) = (s.l(b1), s.t(b1), s.t(b2), s.t(s2));
    let s0l = s.t(child(&st.lc, s0, 0));
    let s0r = s.t(child(&st.rc, s0, 0));
    let s0l2 = s.t(child(&st.lc, s0, 1));
    let s1r = s.t(child(&st.rc, s1, 0));
    let s1l = s.t(child(&st.lc, s1, 0));
    let b0l = s.t(child(&st.lc, b0, 0));
    let b0l2 = s.t(child(&st.lc, b0, 1));
    let dist = if s0 == NONE || b0 == NONE || s0 as usize == st.n {
        0
    } else {
        (b0 - s0).min(5) as u64
    };
    let val = |v: &[u8], i: u32| {
        if i == NONE {
            99
        } else {
            v[i as usize].min(4) as u64
        }
    };
    f.add(0, 0);
    f.add(1, s0w);
    f.add(2, s0t);
    f.add2(3, s0w, s0t);
    f.add(4, s1w);
    f.add(5, s1t);
    f.add2(6, s1w, s1t);
    f.add(7, b0w);
    f.add(8, b0t);
    f.add2(9, b0w, b0t);
    f.add(10, b1w);
    f.add(11, b1t);
    f.add2(12, b1w, b1t);
    f.add(13, b2t);
    f.add(14, s2t);
    f.add2(15, s0w, b0w);
    f.add2(16, s0t, b0t);
    f.add3(17, s0w, s0t, b0t);
    f.add3(18, s0t, b0w, b0t);
    f.add3(19, s0w, s0t, b0w);
    f.add2(20, s1t, s0t);
    f.add2(21, s1w, s0w);
    f.add3(22, s1t, s0t, b0t);
    f.add3(23, s0t, b0t, b1t);
    f.add3(24, b0t, b1t, b2t);
    f.add3(25, s2t, s1t, s0t);
    f.add3(26, s0t, s0l, b0t);
    f.add3(27, s0t, s0r, b0t);
    f.add3(28, s0t, b0t, b0l);
    f.add3(29, s1t, s0t, s0r);
    f.add3(30, s1t, s1r, s0t);
    f.add3(31, s1t, s1l, s0t);
    f.add3(32, s0t, s0l, s0l2);
    f.add3(33, b0t, b0l, b0l2);
    f.add2(34, hash_num(dist), s0w);
    f.add3(35, hash_num(dist), s0t, b0t);
    f.add2(36, hash_num(val(&st.n_left, s0)), s0t);
    f.add2(37, hash_num(val(&st.n_right, s0)), s0t);
    f.add2(38, hash_num(val(&st.n_left, b0)), b0t);
    f.add2(39, s1t, s0w);
    f.add2(40, s0w, b1t);
    f.add3(41, s1w, s0t, b0t);
    f.add2(42, hash_num(st.stack.len().min(4) as u64), b0t);
    f.add(43, s.suffix.get(b0 as usize).copied().unwrap_or(ABSENT));
    let (s0lw, b0lw, s0rw) = (
        s.l(child(&st.lc, s0, 0)),
        s.l(child(&st.lc, b0, 0)),
        s.l(child(&st.rc, s0, 0)),
    );
    f.add2(44, s0lw, s0t);
    f.add2(45, b0lw, b0t);
    f.add2(46, s0rw, s0t);
    f.add3(47, s0w, b0w, b0t);
    f.add3(48, s0w, s0t, b0w);
    f.add3(49, s1w, s0w, b0t);
    f.add3(50, s0t, b0w, b1t);
    f.add2(51, b0w, b1w);
    f.add3(52, s0t, b0t, hash_num(val(&st.n_right, s0)));
    // Clusters: the word classes behind the words, for words seen rarely.
    let (s0c, s1c, b0c) = (s.c(s0), s.c(s1), s.c(b0));
    f.add2(53, s0c, b0c);
    f.add3(54, s0c, b0t, s0t);
    f.add3(55, s0t, b0c, b0t);
    f.add3(56, s1c, s0t, b0t);
    f.add2(57, s1c, s0c);
    f.add(58, s.c(b1));
}

/// Features for labelling the arc `h → d` (h = n for ROOT): the ones fixed
/// by the tree, then the ones that read labels already given.
fn label_features(
    f: &mut Features,
    s: &Sent,
    heads: &[u32],
    kids: &Kids,
    labels: &[usize],
    d: usize,
) {
    label_static(f, s, heads, kids, d);
    label_dynamic(f, s, heads, kids, labels, d);
}

/// How many rows [`label_static`] adds.
const LABEL_STATIC: usize = 22;

fn direction(heads: &[u32], d: usize) -> u64 {
    let (n, h) = (heads.len(), heads[d] as usize);
    hash_num((h < d) as u64 + 2 * (h == n) as u64)
}

/// The label features that depend only on the words, tags and tree: known
/// for every token before labelling starts, so they can be fetched early.
fn label_static(f: &mut Features, s: &Sent, heads: &[u32], kids: &Kids, d: usize) {
    let n = heads.len();
    let h = heads[d] as usize;
    let (dw, dt, hw, ht) = (s.lower[d], s.tag[d], s.lower[h], s.tag[h]);
    let dir = direction(heads, d);
    let dist = hash_num(d.abs_diff(h).min(6) as u64);
    let first = kids.first[d];
    let (fw, ft) = if first == NONE {
        (ABSENT, ABSENT)
    } else {
        (s.lower[first as usize], s.tag[first as usize])
    };
    let last = kids.last[d];
    let lt = if last == NONE {
        ABSENT
    } else {
        s.tag[last as usize]
    };
    let passive = hash_num(kids.has_be[h] as u64);
    let prev_t = if d > 0 { s.tag[d - 1] } else { ABSENT };
    let next_t = if d + 1 < n { s.tag[d + 1] } else { ABSENT };
    f.add(0, 0);
    f.add(1, dw);
    f.add(2, dt);
    f.add2(3, s.word[d], dt);
    f.add(4, s.suffix[d]);
    f.add(5, hw);
    f.add(6, ht);
    f.add2(7, hw, dt);
    f.add2(8, dw, ht);
    f.add2(9, dt, ht);
    f.add3(10, dt, ht, dir);
    f.add3(11, dist, dir, dt);
    f.add2(12, fw, dt);
    f.add3(13, ft, dt, dir);
    f.add2(14, lt, dt);
    f.add3(17, passive, dt, dir);
    f.add3(18, passive, ht, dw);
    f.add2(19, prev_t, dt);
    f.add2(20, next_t, dt);
    f.add2(21, dw, hw);
    f.add3(22, fw, dt, ht);
    f.add3(23, dir, dw, ht);
}

/// The label features that read earlier decisions: the head's label and
/// the previous sibling's.
fn label_dynamic(
    f: &mut Features,
    s: &Sent,
    heads: &[u32],
    kids: &Kids,
    labels: &[usize],
    d: usize,
) {
    let h = heads[d] as usize;
    let (dt, dir) = (s.tag[d], direction(heads, d));
    let h_label = if h < d {
        hash_num(labels[h] as u64)
    } else {
        ABSENT
    };
    let sib = kids
        .prev_sibling_label(d, labels)
        .map_or(ABSENT, |l| hash_num(l as u64));
    f.add2(15, h_label, dt);
    f.add3(16, sib, dt, dir);
    f.add3(24, h_label, dt, dir);
}

/// Children facts the labeler needs, from a finished tree, each found in
/// one pass so that labelling stays linear in the sentence length.
struct Kids {
    first: Vec<u32>,
    last: Vec<u32>,
    has_be: Vec<bool>,
    /// The nearest earlier dependent of the same head, per token.
    prev_sibling: Vec<u32>,
}

impl Kids {
    fn new(s: &Sent, heads: &[u32]) -> Self {
        let n = heads.len();
        let mut k = Kids {
            first: vec![NONE; n + 1],
            last: vec![NONE; n + 1],
            has_be: vec![false; n + 1],
            prev_sibling: vec![NONE; n],
        };
        for (d, &h) in heads.iter().enumerate() {
            let h = h as usize;
            if k.first[h] == NONE {
                k.first[h] = d as u32;
            }
            // `last[h]` is, until now, the previous dependent of `h`.
            k.prev_sibling[d] = k.last[h];
            k.last[h] = d as u32;
            if d < h && s.be[d] {
                k.has_be[h] = true;
            }
        }
        k
    }

    /// The label of the nearest earlier dependent of the same head.
    fn prev_sibling_label(&self, d: usize, labels: &[usize]) -> Option<usize> {
        let j = self.prev_sibling[d];
        (j != NONE).then(|| labels[j as usize])
    }
}

impl ParserModel {
    pub fn load_embedded() -> Result<Self, ModelError> {
        Self::from_bytes(crate::embedded::PARSER)
    }

    pub fn from_bytes(file: &[u8]) -> Result<Self, ModelError> {
        let payload = io::decode(Kind::Parser, file)?;
        let mut r = Reader::new(&payload, "parser");
        let arcs = Weights::read_classes(&mut r, N_ACTIONS, "the transition set")?;
        let labels = Weights::read_classes(&mut r, N_RELS, "the relation set")?;
        let clusters = Clusters::read(&mut r)?;
        r.finish()?;
        Ok(ParserModel {
            arcs,
            labels,
            clusters,
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        self.arcs.write(&mut w);
        self.labels.write(&mut w);
        self.clusters.write(&mut w);
        io::encode(Kind::Parser, &w.into_inner())
    }

    /// Parses one tagged sentence: for each token its head (`None` = root) and relation.
    pub fn parse(&self, words: &[&str], tags: &[PosTag]) -> Vec<(Option<u32>, DepRel)> {
        let infos: Vec<WordInfo> = words.iter().map(|w| WordInfo::new(w)).collect();
        self.parse_infos(&infos, tags)
    }

    pub fn parse_infos(&self, infos: &[WordInfo], tags: &[PosTag]) -> Vec<(Option<u32>, DepRel)> {
        let n = infos.len();
        let s = Sent::new(infos, tags, &self.clusters);
        let mut st = State::new(n);
        let mut f = Features::new(self.arcs.bits());
        let mut scores = [0i32; N_ACTIONS];
        while !st.is_terminal() {
            f.clear();
            arc_features(&mut f, &s, &st);
            self.arcs.scores(f.rows(), &mut scores);
            let a =
                argmax(&scores, |a| st.valid(a)).expect("a non-terminal state has a valid action");
            st.apply(a);
        }
        let heads = &st.heads[..n];
        let labels = self.label(&s, heads);
        heads
            .iter()
            .zip(labels)
            .map(|(&h, l)| {
                (
                    (h as usize != n).then_some(h),
                    DepRel::from_id(l).expect("class ids are relation ids"),
                )
            })
            .collect()
    }

    fn label(&self, s: &Sent, heads: &[u32]) -> Vec<usize> {
        let kids = Kids::new(s, heads);
        let mut f = Features::new(self.labels.bits());
        let mut scores = vec![0i32; N_RELS];
        let root = DepRel::parse("root").expect("root is a relation").id();
        // The tree-only rows of every token first, so that each token's
        // rows can be fetched from memory while the one before is scored.
        let mut fixed = Features::new(self.labels.bits());
        for d in 0..heads.len() {
            label_static(&mut fixed, s, heads, &kids, d);
        }
        let fixed = fixed.rows();
        debug_assert_eq!(fixed.len(), heads.len() * LABEL_STATIC);
        let rows_of = |d: usize| &fixed[d * LABEL_STATIC..(d + 1) * LABEL_STATIC];
        let mut labels = vec![0; heads.len()];
        for d in 0..heads.len() {
            if d + 1 < heads.len() {
                self.labels.prefetch(rows_of(d + 1));
            }
            labels[d] = if heads[d] as usize == heads.len() {
                root
            } else {
                f.clear();
                f.extend(rows_of(d));
                label_dynamic(&mut f, s, heads, &kids, &labels, d);
                self.labels.scores(f.rows(), &mut scores);
                argmax(&scores, |l| l != root).unwrap_or(0)
            };
        }
        labels
    }
}

/// One training sentence with the tags the parser will see (predicted ones).
pub struct ParseExample<'a> {
    pub gold: &'a DepSentence,
    pub tags: Vec<PosTag>,
}

pub fn train_parser(data: &[ParseExample], clusters: &Clusters, cfg: ParserConfig) -> ParserModel {
    let prepared: Vec<(Sent, Vec<u32>)> = data
        .iter()
        .map(|e| {
            let infos: Vec<WordInfo> = e.gold.words.iter().map(|w| WordInfo::new(w)).collect();
            let n = infos.len() as u32;
            let gold = e
                .gold
                .heads
                .iter()
                .map(|h| h.unwrap_or(n))
                .chain([n])
                .collect();
            (Sent::new(&infos, &e.tags, clusters), gold)
        })
        .collect();
    let labels = train_labels(&prepared, data, &cfg);
    // The transitions learn the projective trees closest to the gold ones.
    let mut prepared = prepared;
    for (_, gold) in &mut prepared {
        projectivize(gold);
    }
    let arcs = train_arcs(&prepared, &cfg);
    ParserModel {
        arcs,
        labels,
        clusters: clusters.clone(),
    }
}

/// The transition weights: the average of [`ParserConfig::runs`] averaged
/// perceptrons, each trained with its own shuffling and exploration seed
/// (a linear model, so the average scores as their mean would).
fn train_arcs(data: &[(Sent, Vec<u32>)], cfg: &ParserConfig) -> Weights {
    let runs = cfg.runs.max(1);
    let mut sum = vec![0f32; (1usize << cfg.bits) * N_ACTIONS];
    for k in 0..runs {
        let w = train_arcs_once(data, cfg, cfg.seed.wrapping_add(k as u64 * 0x9e37));
        for (s, w) in sum.iter_mut().zip(w) {
            *s += w / runs as f32;
        }
    }
    Weights::quantise(N_ACTIONS, cfg.bits, &sum, 0.0)
}

fn train_arcs_once(data: &[(Sent, Vec<u32>)], cfg: &ParserConfig, seed: u64) -> Vec<f32> {
    let mut t = Trainer::new(N_ACTIONS, cfg.bits);
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut f = Features::new(cfg.bits);
    let mut scores = Vec::new();
    for epoch in 0..cfg.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let (s, gold) = &data[i];
            let mut st = State::new(s.tag.len() - 1);
            while !st.is_terminal() {
                f.clear();
                arc_features(&mut f, s, &st);
                t.scores(f.rows(), &mut scores);
                let guess = argmax(&scores, |a| st.valid(a)).expect("valid action");
                let costs: Vec<usize> = (0..N_ACTIONS)
                    .map(|a| {
                        if st.valid(a) {
                            st.cost(a, gold)
                        } else {
                            usize::MAX
                        }
                    })
                    .collect();
                let min = *costs.iter().min().expect("three actions");
                let best = argmax(&scores, |a| costs[a] == min).expect("a cheapest action");
                t.update(
                    f.rows(),
                    best,
                    if costs[guess] > min { guess } else { best },
                );
                t.tick();
                let explore = epoch > 0 && (rng.next_u64() % 1000) as f64 / 1000.0 < cfg.explore;
                st.apply(if explore { guess } else { best });
            }
        }
    }
    let _ = (SHIFT, LEFT, RIGHT);
    t.averaged()
}

fn train_labels(
    data: &[(Sent, Vec<u32>)],
    examples: &[ParseExample],
    cfg: &ParserConfig,
) -> Weights {
    let mut t = Trainer::new(N_RELS, cfg.label_bits);
    let mut rng = Rng::new(cfg.seed ^ 0x1abe1);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut f = Features::new(cfg.label_bits);
    let mut scores = Vec::new();
    let root = DepRel::parse("root").expect("root is a relation").id();
    for _ in 0..cfg.label_epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let (s, gold) = &data[i];
            let heads = &gold[..gold.len() - 1];
            let kids = Kids::new(s, heads);
            let gold_labels = &examples[i].gold.rels;
            let mut labels = vec![0; heads.len()];
            for d in 0..heads.len() {
                if heads[d] as usize == heads.len() {
                    labels[d] = root;
                    continue;
                }
                f.clear();
                label_features(&mut f, s, heads, &kids, &labels, d);
                t.scores(f.rows(), &mut scores);
                let guess = argmax(&scores, |l| l != root).unwrap_or(0);
                t.update(f.rows(), gold_labels[d].id(), guess);
                t.tick();
                labels[d] = guess;
            }
        }
    }
    t.freeze(0.0)
}
