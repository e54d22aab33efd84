//! The averaged perceptron over a hashed, flat weight table.
//!
//! Training keeps `f32` weights plus, per weight, the running sum needed for
//! averaging (the "lazy" trick: on an update at step `c` add `c·δ` to the
//! accumulator; the average is then `w − acc/c`), so an update costs
//! O(features) whatever the number of steps.
//!
//! The trained table is frozen into [`Weights`]: averaged, scaled into `i16`,
//! tiny weights pruned to zero. Scoring adds whole rows of `i16` into `i32`
//! scores, which the compiler vectorises.

use crate::ModelError;
use crate::io::{Reader, Writer};

/// Trainable weights: `2^bits` rows of `n_classes` each.
pub struct Trainer {
    n_classes: usize,
    bits: u32,
    weights: Vec<f32>,
    acc: Vec<f64>,
    step: u64,
}

impl Trainer {
    pub fn new(n_classes: usize, bits: u32) -> Self {
        let n = (1usize << bits) * n_classes;
        Trainer {
            n_classes,
            bits,
            weights: vec![0.0; n],
            acc: vec![0.0; n],
            step: 1,
        }
    }

    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// Scores of every class for the features `rows` (current, not averaged).
    pub fn scores(&self, rows: &[u32], out: &mut Vec<f32>) {
        out.clear();
        out.resize(self.n_classes, 0.0);
        for &r in rows {
            let start = r as usize * self.n_classes;
            for (o, w) in out
                .iter_mut()
                .zip(&self.weights[start..start + self.n_classes])
            {
                *o += *w;
            }
        }
    }

    /// Moves weights toward `truth` and away from `guess`, if they differ.
    pub fn update(&mut self, rows: &[u32], truth: usize, guess: usize) {
        if truth != guess {
            for &r in rows {
                let base = r as usize * self.n_classes;
                self.bump(base + truth, 1.0);
                self.bump(base + guess, -1.0);
            }
        }
    }

    fn bump(&mut self, i: usize, d: f32) {
        self.weights[i] += d;
        self.acc[i] += self.step as f64 * d as f64;
    }

    /// Counts one training decision (the clock of the average).
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// Averages, quantises and prunes: weights whose size is below
    /// `prune` (in units of the largest weight) become zero.
    pub fn freeze(&self, prune: f32) -> Weights {
        Weights::quantise(self.n_classes, self.bits, &self.averaged(), prune)
    }

    /// The averaged weights, before quantisation.
    pub fn averaged(&self) -> Vec<f32> {
        let c = (self.step as f64).max(1.0);
        self.weights
            .iter()
            .zip(&self.acc)
            .map(|(w, a)| (*w as f64 - a / c) as f32)
            .collect()
    }
}

impl Weights {
    /// Quantises float weights to `i16`; weights whose size is below
    /// `prune` (in units of the largest weight) become zero.
    pub fn quantise(n_classes: usize, bits: u32, avg: &[f32], prune: f32) -> Weights {
        let max = avg.iter().fold(0.0f32, |m, w| m.max(w.abs())).max(1e-6);
        let scale = 32000.0 / max;
        let cut = prune * max;
        let data = avg
            .iter()
            .map(|w| {
                if w.abs() < cut {
                    0
                } else {
                    (w * scale).round() as i16
                }
            })
            .collect();
        Weights {
            n_classes,
            bits,
            data,
        }
    }
}

/// Frozen, quantised weights for inference.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    n_classes: usize,
    bits: u32,
    data: Vec<i16>,
}

/// Largest table a model file may ask for: guards against a corrupt header
/// making us allocate gigabytes.
const MAX_BITS: u32 = 24;
const MAX_CLASSES: usize = 256;

impl Weights {
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// Adds the rows of `rows` into `out` (which must hold `n_classes` scores).
    ///
    /// The table is megabytes and the rows are scattered, so scoring waits
    /// on memory: every row is prefetched first, so that the misses overlap
    /// instead of queueing behind the additions.
    #[inline]
    pub fn scores(&self, rows: &[u32], out: &mut [i32]) {
        out.fill(0);
        let n = self.n_classes;
        self.prefetch(rows);
        for &r in rows {
            let start = r as usize * n;
            let row = &self.data[start..start + n];
            for (o, w) in out.iter_mut().zip(row) {
                *o += *w as i32;
            }
        }
    }

    /// Starts loading `rows` into the cache, to be scored a little later.
    #[inline]
    pub fn prefetch(&self, rows: &[u32]) {
        let n = self.n_classes;
        for &r in rows {
            let start = r as usize * n;
            // Every 64-byte line of the row (32 weights), and its last one.
            for k in (0..n).step_by(32) {
                prefetch(&self.data[start + k]);
            }
            prefetch(&self.data[start + n - 1]);
        }
    }

    /// Number of non-zero weights (a size figure for reports).
    pub fn nonzero(&self) -> usize {
        self.data.iter().filter(|w| **w != 0).count()
    }

    /// Writes the table as a bitmap of non-empty rows followed by those rows.
    pub fn write(&self, w: &mut Writer) {
        w.u32(self.n_classes as u32);
        w.u32(self.bits);
        let n_rows = 1usize << self.bits;
        let mut bitmap = vec![0u8; n_rows.div_ceil(8)];
        let mut rows = Vec::new();
        for (r, row) in self.data.chunks_exact(self.n_classes).enumerate() {
            if row.iter().any(|x| *x != 0) {
                bitmap[r / 8] |= 1 << (r % 8);
                rows.extend_from_slice(row);
            }
        }
        w.bytes(&bitmap);
        w.u32((rows.len() / self.n_classes) as u32);
        // Each class as its own run, low bytes then high bytes: far better deflate.
        for b in [0, 1] {
            w.bytes(&rows.iter().map(|x| x.to_le_bytes()[b]).collect::<Vec<u8>>());
        }
    }

    /// Reads a table that must score exactly `n_classes` classes; `what`
    /// names them in the error ("the tag set").
    pub fn read_classes(r: &mut Reader, n_classes: usize, what: &str) -> Result<Self, ModelError> {
        let w = Weights::read(r)?;
        if w.n_classes != n_classes {
            return Err(r.error(format!("{} classes, {what} has {n_classes}", w.n_classes)));
        }
        Ok(w)
    }

    pub fn read(r: &mut Reader) -> Result<Self, ModelError> {
        let n_classes = r.u32()? as usize;
        let bits = r.u32()?;
        if n_classes == 0 || n_classes > MAX_CLASSES || bits == 0 || bits > MAX_BITS {
            return Err(r.error(format!(
                "weight table of {n_classes} classes × 2^{bits} rows"
            )));
        }
        let n_rows = 1usize << bits;
        let bitmap = r.bytes(n_rows.div_ceil(8))?;
        let present = r.u32()? as usize;
        let marked = bitmap
            .iter()
            .map(|b| b.count_ones() as usize)
            .sum::<usize>();
        if present != marked {
            return Err(r.error(format!("{present} rows stored, bitmap marks {marked}")));
        }
        let lo = r.bytes(present * n_classes)?;
        let hi = r.bytes(present * n_classes)?;
        let mut data = vec![0i16; n_rows * n_classes];
        let mut k = 0;
        for row in 0..n_rows {
            if bitmap[row / 8] & (1 << (row % 8)) != 0 {
                for c in 0..n_classes {
                    data[row * n_classes + c] = i16::from_le_bytes([lo[k], hi[k]]);
                    k += 1;
                }
            }
        }
        Ok(Weights {
            n_classes,
            bits,
            data,
        })
    }
}

/// Asks the CPU to start loading the cache line holding `x`.
#[inline(always)]
fn prefetch(x: &i16) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint; it never faults and reads nothing
    // into the program, and the pointer comes from a live reference.
    unsafe {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        _mm_prefetch::<_MM_HINT_T0>(x as *const i16 as *const i8);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// The best-scoring class among those `allowed` (all when `None`).
pub fn argmax<T: PartialOrd + Copy>(
    scores: &[T],
    allowed: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut best: Option<(usize, T)> = None;
    for (i, &s) in scores.iter().enumerate() {
        if allowed(i) && best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|(i, _)| i)
}

/// A small deterministic random generator (xorshift64*) for shuffling and exploration.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, self.below(i + 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_survives_a_round_trip() {
        let mut t = Trainer::new(2, 4);
        let mut scores = Vec::new();
        for _ in 0..10 {
            for (rows, truth) in [(vec![1u32, 3], 0usize), (vec![2u32, 3], 1)] {
                t.scores(&rows, &mut scores);
                let guess = argmax(&scores, |_| true).unwrap();
                t.update(&rows, truth, guess);
                t.tick();
            }
        }
        let w = t.freeze(0.0);
        let mut out = [0i32; 2];
        w.scores(&[1, 3], &mut out);
        assert!(out[0] > out[1]);
        w.scores(&[2, 3], &mut out);
        assert!(out[1] > out[0]);

        let mut wr = Writer::default();
        w.write(&mut wr);
        let bytes = wr.into_inner();
        let mut r = Reader::new(&bytes, "test");
        assert_eq!(Weights::read(&mut r).unwrap(), w);
    }

    #[test]
    fn argmax_honours_the_mask() {
        assert_eq!(argmax(&[3, 9, 5], |i| i != 1), Some(2));
        assert_eq!(argmax(&[3], |_| false), None);
    }
}
