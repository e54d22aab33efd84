//! Word clusters learnt by detente from unlabeled text: words that occur in
//! the same contexts share a cluster, so a word the tagged corpora never
//! showed ("Kyrgyz", "reaffirmed") still looks like the words it behaves like.
//!
//! ```text
//! sentences (hashed lowercase words)
//!   ─▶ vocabulary: the most frequent words (min. count)
//!   ─▶ each word: counts of its left and right neighbours among the most
//!      frequent words (+ "other", + sentence edge), square-rooted, unit length
//!   ─▶ spherical k-means twice: fine (256) and coarse (32) clusters
//!   ─▶ word hash → (fine, coarse)
//! ```
//!
//! Everything is deterministic (no random start: the initial centres are
//! words spread evenly over the frequency ranking), so retraining gives the
//! same table. Lookup is one hash probe per word; a word outside the
//! vocabulary gets its own "unknown" value and the models fall back on
//! affixes and shape.

use crate::ModelError;
use crate::features::hash_num;
use crate::io::{Reader, Writer};
use crate::tagger::HashIndex;

/// Sizes of the clustering.
#[derive(Debug, Clone, Copy)]
pub struct ClusterConfig {
    /// At most this many words get a cluster (the most frequent).
    pub vocab: usize,
    /// A word needs at least this many occurrences.
    pub min_count: u32,
    /// Neighbour words that make up the context dimensions.
    pub contexts: usize,
    pub fine: usize,
    pub coarse: usize,
    pub iterations: usize,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            vocab: 40_000,
            min_count: 5,
            contexts: 1000,
            fine: 256,
            coarse: 32,
            iterations: 8,
        }
    }
}

/// Word (lowercase hash) → fine and coarse cluster ids.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Clusters {
    map: HashIndex<(u8, u8)>,
}

/// Feature values of a word's clusters (hashed, ready for `Features::add`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClusterIds {
    pub fine: u64,
    pub coarse: u64,
}

const UNKNOWN: ClusterIds = ClusterIds {
    fine: 0xc1_0000_0001,
    coarse: 0xc1_0000_0002,
};

impl Clusters {
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The clusters of the word whose lowercase hash is `lower`.
    #[inline]
    pub fn of(&self, lower: u64) -> ClusterIds {
        match self.map.get(&lower) {
            Some(&(f, c)) => ClusterIds {
                fine: hash_num(0xf1_0000 | f as u64),
                coarse: hash_num(0xc0_0000 | c as u64),
            },
            None => UNKNOWN,
        }
    }

    pub fn write(&self, w: &mut Writer) {
        let mut entries: Vec<(u64, (u8, u8))> = self.map.iter().map(|(k, v)| (*k, *v)).collect();
        entries.sort_unstable();
        w.u32(entries.len() as u32);
        for (k, (f, c)) in entries {
            w.u64(k);
            w.u8(f);
            w.u8(c);
        }
    }

    pub fn read(r: &mut Reader) -> Result<Self, ModelError> {
        let n = r.u32()? as usize;
        let mut map = HashIndex::default();
        map.reserve(n.min(1 << 20));
        for _ in 0..n {
            let k = r.u64()?;
            let f = r.u8()?;
            let c = r.u8()?;
            map.insert(k, (f, c));
        }
        Ok(Clusters { map })
    }

    /// Learns clusters from sentences of hashed lowercase words.
    pub fn learn(sentences: &[Vec<u64>], cfg: &ClusterConfig) -> Self {
        let vocab = vocabulary(sentences, cfg);
        if vocab.is_empty() {
            return Clusters::default();
        }
        let vectors = context_vectors(sentences, &vocab, cfg.contexts);
        let fine = kmeans(&vectors, cfg.fine.min(256), cfg.iterations);
        let coarse = kmeans(&vectors, cfg.coarse.min(256), cfg.iterations);
        let map = vocab
            .iter()
            .enumerate()
            .map(|(i, &w)| (w, (fine[i] as u8, coarse[i] as u8)))
            .collect();
        Clusters { map }
    }
}

/// The words to cluster, most frequent first (ties by hash, for determinism).
fn vocabulary(sentences: &[Vec<u64>], cfg: &ClusterConfig) -> Vec<u64> {
    let mut counts: HashIndex<u32> = HashIndex::default();
    for w in sentences.iter().flatten() {
        *counts.entry(*w).or_default() += 1;
    }
    let mut words: Vec<(u32, u64)> = counts
        .into_iter()
        .filter(|(_, n)| *n >= cfg.min_count)
        .map(|(w, n)| (n, w))
        .collect();
    words.sort_unstable_by(|a, b| b.cmp(a));
    words.truncate(cfg.vocab);
    words.into_iter().map(|(_, w)| w).collect()
}

/// One row per vocabulary word: left-neighbour counts then right-neighbour
/// counts over the `contexts` most frequent words, "other" and the edge;
/// square-rooted (so frequent neighbours do not swamp the rest) and scaled
/// to unit length (so k-means compares directions, not frequencies).
struct Vectors {
    dim: usize,
    data: Vec<f32>,
}

impl Vectors {
    fn row(&self, i: usize) -> &[f32] {
        &self.data[i * self.dim..(i + 1) * self.dim]
    }
    fn len(&self) -> usize {
        self.data.len() / self.dim
    }
}

fn context_vectors(sentences: &[Vec<u64>], vocab: &[u64], contexts: usize) -> Vectors {
    let index: HashIndex<usize> = vocab.iter().enumerate().map(|(i, w)| (*w, i)).collect();
    let contexts = contexts.min(vocab.len());
    let (other, edge) = (contexts, contexts + 1);
    let half = contexts + 2;
    let dim = 2 * half;
    let ctx = |w: Option<&u64>| match w {
        None => edge,
        Some(w) => index
            .get(w)
            .copied()
            .filter(|&i| i < contexts)
            .unwrap_or(other),
    };
    let mut data = vec![0f32; vocab.len() * dim];
    for s in sentences {
        for (i, w) in s.iter().enumerate() {
            let Some(&row) = index.get(w) else { continue };
            let left = ctx(i.checked_sub(1).and_then(|j| s.get(j)));
            let right = ctx(s.get(i + 1));
            data[row * dim + left] += 1.0;
            data[row * dim + half + right] += 1.0;
        }
    }
    for row in data.chunks_exact_mut(dim) {
        row.iter_mut().for_each(|x| *x = x.sqrt());
        normalise(row);
    }
    Vectors { dim, data }
}

fn normalise(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    // Eight partial sums: lets the compiler vectorise without reassociating.
    let mut acc = [0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            acc[k] += x[k] * y[k];
        }
    }
    acc.iter().sum::<f32>() + tail
}

/// Spherical k-means: the cluster of each row. Starts from rows spread
/// evenly over the frequency ranking; an emptied cluster keeps its centre.
fn kmeans(v: &Vectors, k: usize, iterations: usize) -> Vec<usize> {
    let n = v.len();
    let k = k.clamp(1, n);
    let mut centres: Vec<f32> = (0..k).flat_map(|c| v.row(c * n / k).to_vec()).collect();
    let mut assign = vec![0usize; n];
    for _ in 0..iterations {
        for (i, a) in assign.iter_mut().enumerate() {
            let row = v.row(i);
            let mut best = (f32::MIN, 0);
            for (c, centre) in centres.chunks_exact(v.dim).enumerate() {
                let s = dot(row, centre);
                if s > best.0 {
                    best = (s, c);
                }
            }
            *a = best.1;
        }
        let mut sums = vec![0f32; k * v.dim];
        let mut sizes = vec![0usize; k];
        for (i, &c) in assign.iter().enumerate() {
            sizes[c] += 1;
            for (s, x) in sums[c * v.dim..(c + 1) * v.dim].iter_mut().zip(v.row(i)) {
                *s += x;
            }
        }
        for c in (0..k).filter(|&c| sizes[c] > 0) {
            let centre = &mut sums[c * v.dim..(c + 1) * v.dim];
            normalise(centre);
            centres[c * v.dim..(c + 1) * v.dim].copy_from_slice(centre);
        }
    }
    assign
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two families of words in two kinds of context end up apart.
    #[test]
    fn words_in_the_same_contexts_cluster_together() {
        let mut sentences = Vec::new();
        for i in 0..40u64 {
            // "the X runs" for nouns 100..104, "they Y it" for verbs 200..204.
            sentences.push(vec![1, 100 + i % 4, 2]);
            sentences.push(vec![3, 200 + i % 4, 4]);
        }
        let cfg = ClusterConfig {
            vocab: 100,
            min_count: 2,
            contexts: 10,
            fine: 2,
            coarse: 2,
            iterations: 5,
        };
        let c = Clusters::learn(&sentences, &cfg);
        let fine = |w: u64| c.of(w).fine;
        assert_eq!(fine(100), fine(103));
        assert_eq!(fine(200), fine(202));
        assert_ne!(fine(100), fine(200));
        assert_eq!(c.of(999), UNKNOWN);

        let mut w = Writer::default();
        c.write(&mut w);
        let bytes = w.into_inner();
        assert_eq!(Clusters::read(&mut Reader::new(&bytes, "test")).unwrap(), c);
    }

    #[test]
    fn no_text_no_clusters() {
        assert!(Clusters::learn(&[], &ClusterConfig::default()).is_empty());
    }
}
