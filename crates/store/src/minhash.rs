//! Near-duplicate detection with MinHash and locality-sensitive hashing.
//!
//! Wire copies of one story differ in a dateline, a headline, a trailing
//! credit; nearly all their word 3-grams (shingles) are the same. The
//! Jaccard similarity of two shingle sets is estimated by MinHash: for each
//! of [`K`] hash functions keep the smallest hash over the shingles; the
//! share of positions where two signatures agree estimates the similarity.
//! Documents estimated at [`THRESHOLD`] or more are one cluster.
//!
//! Finding candidates without a scan: the signature is cut into [`BANDS`]
//! bands of [`ROWS`] values, each hashed to one key stored in an indexed
//! table. Two documents share a band key with probability
//! `1 - (1 - s^ROWS)^BANDS`: 0.98 at similarity 0.8, 0.4 at 0.5, 0.03 at
//! 0.3; candidates are then checked on the full signature. (SimHash was
//! tried first: over a few hundred shingles a 6 % edit flips 8 of its 64
//! bits, too many for a band index; MinHash degrades gracefully.)
//!
//! All hashes are FNV-1a and SplitMix64, written out here: stored values
//! must not change between builds, which std's hasher does not promise.

/// Words per shingle.
const SHINGLE: usize = 3;
/// Bodies with fewer shingles than this get no signature: a few words say
/// too little to call two documents copies.
const MIN_SHINGLES: usize = 12;
/// Values per band and bands per signature.
pub const ROWS: usize = 4;
pub const BANDS: usize = 8;
/// Hash functions: values per signature.
pub const K: usize = ROWS * BANDS;
/// Estimated Jaccard similarity from which two documents are near-duplicates.
pub const THRESHOLD: f64 = 0.7;

/// A MinHash signature of a body's shingles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub [u32; K]);

impl Signature {
    /// The signature of `text`, or `None` where it is too short.
    pub fn of(text: &str) -> Option<Signature> {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        if words.len() < SHINGLE + MIN_SHINGLES - 1 {
            return None;
        }
        let mut mins = [u32::MAX; K];
        for shingle in words.windows(SHINGLE) {
            let h = fnv1a(shingle);
            for (i, m) in mins.iter_mut().enumerate() {
                *m = (*m).min(splitmix64(h ^ SEEDS[i]) as u32);
            }
        }
        Some(Signature(mins))
    }

    /// The estimated Jaccard similarity of the two shingle sets.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / K as f64
    }

    /// One key per band; band `j`'s key differs from band `i`'s for equal values.
    pub fn band_keys(&self) -> [i64; BANDS] {
        std::array::from_fn(|j| {
            let mut h = splitmix64(j as u64 + 1);
            for v in &self.0[j * ROWS..(j + 1) * ROWS] {
                h = splitmix64(h ^ u64::from(*v));
            }
            h as i64
        })
    }

    /// The signature as stored: `K` little-endian u32s.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if bytes.len() != 4 * K {
            return None;
        }
        Some(Signature(std::array::from_fn(|i| {
            u32::from_le_bytes([
                bytes[4 * i],
                bytes[4 * i + 1],
                bytes[4 * i + 2],
                bytes[4 * i + 3],
            ])
        })))
    }
}

/// One seed per hash function, fixed forever (changing them would make
/// stored signatures incomparable with new ones).
const SEEDS: [u64; K] = {
    let mut seeds = [0u64; K];
    let mut i = 0;
    while i < K {
        seeds[i] = splitmix64(0x5eed_0000 + i as u64);
        i += 1;
    }
    seeds
};

const fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn fnv1a(words: &[String]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in words {
        for b in w.bytes().chain([b' ']) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Russian Foreign Minister Sergei Lavrov said on Friday that Moscow \
        was ready to restore ties with the West, but that sanctions over Crimea \
        stood in the way of any improvement in relations with Washington and Brussels, \
        adding that the talks in Geneva had been useful and constructive for both sides. \
        Lavrov met U.S. Secretary of State John Kerry in Moscow this week to discuss the \
        conflict in Syria and the ceasefire that has largely held since late February.";

    #[test]
    fn wire_copies_are_near_duplicates_other_stories_are_not() {
        let copy = format!("MOSCOW, March 25 (Xinhua) -- {STORY} (Editing by the desk)");
        let a = Signature::of(STORY).unwrap();
        let b = Signature::of(&copy).unwrap();
        assert!(
            a.similarity(&b) >= THRESHOLD,
            "similarity {}",
            a.similarity(&b)
        );
        assert!(
            a.band_keys()
                .iter()
                .zip(b.band_keys())
                .any(|(x, y)| *x == y),
            "no shared band"
        );
        let other = Signature::of(
            "The central bank raised interest rates by half a point on Tuesday, citing \
             inflation that had risen faster than forecast for three months in a row, \
             and said further increases were likely before the end of the year.",
        )
        .unwrap();
        assert!(
            a.similarity(&other) < 0.2,
            "similarity {}",
            a.similarity(&other)
        );
    }

    #[test]
    fn short_texts_have_no_signature_and_bytes_round_trip() {
        assert_eq!(Signature::of("Russia condemned the sanctions."), None);
        let s = Signature::of(STORY).unwrap();
        assert_eq!(Signature::from_bytes(&s.to_bytes()), Some(s.clone()));
        assert_eq!(Signature::from_bytes(&[1, 2, 3]), None);
        let keys = s.band_keys();
        assert!(
            keys.iter()
                .enumerate()
                .all(|(i, k)| keys[i + 1..].iter().all(|o| o != k))
        );
    }
}
