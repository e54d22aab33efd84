//! Feature hashing: words become a handful of `u64` hashes once per token,
//! and a feature is a template number mixed with one or more of those hashes,
//! reduced to a row of the weight table.
//!
//! The hash functions are written out here (FNV-1a over bytes, a splitmix
//! finaliser to spread the bits) so that a model trained on one machine gives
//! the same rows on every other: `std`'s hashers are randomly seeded.

/// FNV-1a offset basis: the hash of the empty string before mixing.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// The splitmix64 finaliser: a cheap bijection with good avalanche.
#[inline]
pub const fn mix(h: u64) -> u64 {
    let mut z = h;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Mixes two hashes into one (order matters).
#[inline]
pub const fn pair(a: u64, b: u64) -> u64 {
    mix(a.rotate_left(23) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// Stable hash of a string's bytes.
pub fn hash_str(s: &str) -> u64 {
    let mut h = FNV_OFFSET;
    for b in s.bytes() {
        h = (h ^ b as u64).wrapping_mul(FNV_PRIME);
    }
    mix(h)
}

/// Stable hash of a string lowercased, without allocating the lowercase copy.
pub fn hash_lower(s: &str) -> u64 {
    let mut h = FNV_OFFSET;
    let mut buf = [0u8; 4];
    for c in s.chars() {
        if c.is_ascii() {
            h = (h ^ c.to_ascii_lowercase() as u64).wrapping_mul(FNV_PRIME);
        } else {
            for l in c.to_lowercase() {
                for b in l.encode_utf8(&mut buf).bytes() {
                    h = (h ^ b as u64).wrapping_mul(FNV_PRIME);
                }
            }
        }
    }
    mix(h)
}

/// Hash of a value that is not a string: a tag id, a flag set, a distance.
#[inline]
pub const fn hash_num(n: u64) -> u64 {
    mix(n ^ 0x5bd1_e995_0000_0000)
}

/// Orthographic flags of a word, one bit each.
pub mod flag {
    pub const INIT_UPPER: u8 = 1;
    pub const ALL_UPPER: u8 = 2;
    pub const HAS_DIGIT: u8 = 4;
    pub const HAS_HYPHEN: u8 = 8;
    pub const HAS_PERIOD: u8 = 16;
    pub const ALL_DIGIT: u8 = 32;
    pub const NO_ALNUM: u8 = 64;
    pub const HAS_UPPER: u8 = 128;
}

/// Everything the feature templates need from one word, hashed once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordInfo {
    pub word: u64,
    pub lower: u64,
    pub shape: u64,
    /// Lowercased prefixes of 1..=3 characters.
    pub prefix: [u64; 3],
    /// Lowercased suffixes of 1..=4 characters.
    pub suffix: [u64; 4],
    pub flags: u8,
}

impl WordInfo {
    pub fn new(word: &str) -> Self {
        let mut prefix = [0u64; 3];
        for (k, p) in prefix.iter_mut().enumerate() {
            *p = hash_lower(char_prefix(word, k + 1));
        }
        let mut suffix = [0u64; 4];
        for (k, s) in suffix.iter_mut().enumerate() {
            *s = hash_lower(char_suffix(word, k + 1));
        }
        WordInfo {
            word: hash_str(word),
            lower: hash_lower(word),
            shape: hash_shape(word),
            prefix,
            suffix,
            flags: flags(word),
        }
    }

    /// Stand-in for positions before the start or after the end of a sentence.
    pub const fn boundary(which: u64) -> Self {
        let h = mix(0xb0_u64 ^ which);
        WordInfo {
            word: h,
            lower: h,
            shape: h,
            prefix: [h; 3],
            suffix: [h; 4],
            flags: 0,
        }
    }

    pub fn has(&self, f: u8) -> bool {
        self.flags & f != 0
    }
}

/// A model's pair of stand-ins for the words before and after a sentence
/// (boundaries `first` and `first + 1`); each model has its own pair, so the
/// hashes of their boundary features stay apart.
pub struct Edges {
    before: WordInfo,
    after: WordInfo,
}

impl Edges {
    pub const fn new(first: u64) -> Self {
        Edges {
            before: WordInfo::boundary(first),
            after: WordInfo::boundary(first + 1),
        }
    }

    /// The word at `i`, or a stand-in where `i` is outside the sentence.
    pub fn at(&self, infos: &[WordInfo], i: isize) -> WordInfo {
        if i < 0 {
            self.before
        } else {
            infos.get(i as usize).copied().unwrap_or(self.after)
        }
    }
}

/// The first `n` characters (all of them if fewer).
fn char_prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The last `n` characters (all of them if fewer).
fn char_suffix(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n - 1) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// Word shape: `X` upper, `x` lower, `d` digit, other characters themselves,
/// runs of one class cut at two ("Washington" → "Xxx", "1996-08-22" → "dd-dd-dd").
fn hash_shape(s: &str) -> u64 {
    let mut h = FNV_OFFSET;
    let mut last = '\0';
    let mut run = 0;
    let mut buf = [0u8; 4];
    for c in s.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        run = if k == last { run + 1 } else { 1 };
        last = k;
        if run <= 2 {
            for b in k.encode_utf8(&mut buf).bytes() {
                h = (h ^ b as u64).wrapping_mul(FNV_PRIME);
            }
        }
    }
    mix(h)
}

fn flags(s: &str) -> u8 {
    let mut f = 0;
    let (mut upper, mut lower, mut digit, mut alnum, mut n) = (0, 0, 0, 0, 0);
    for (i, c) in s.chars().enumerate() {
        n += 1;
        if c.is_uppercase() {
            upper += 1;
            if i == 0 {
                f |= flag::INIT_UPPER;
            }
        } else if c.is_lowercase() {
            lower += 1;
        }
        if c.is_numeric() {
            digit += 1;
        }
        if c.is_alphanumeric() {
            alnum += 1;
        }
        match c {
            '-' | '–' => f |= flag::HAS_HYPHEN,
            '.' => f |= flag::HAS_PERIOD,
            _ => {}
        }
    }
    if upper > 0 {
        f |= flag::HAS_UPPER;
        if lower == 0 {
            f |= flag::ALL_UPPER;
        }
    }
    if digit > 0 {
        f |= flag::HAS_DIGIT;
        if digit == n {
            f |= flag::ALL_DIGIT;
        }
    }
    if alnum == 0 {
        f |= flag::NO_ALNUM;
    }
    f
}

/// The rows of the features firing for one decision.
#[derive(Debug, Clone)]
pub struct Features {
    rows: Vec<u32>,
    shift: u32,
}

impl Features {
    /// A collector for a table of `2^bits` rows.
    pub fn new(bits: u32) -> Self {
        Features {
            rows: Vec::with_capacity(64),
            shift: 64 - bits,
        }
    }

    pub fn clear(&mut self) {
        self.rows.clear();
    }

    /// Adds feature `template` with value `value`.
    #[inline]
    pub fn add(&mut self, template: u32, value: u64) {
        let h = mix(value ^ (template as u64).wrapping_mul(0xff51_afd7_ed55_8ccd));
        self.rows.push((h >> self.shift) as u32);
    }

    pub fn add2(&mut self, template: u32, a: u64, b: u64) {
        self.add(template, pair(a, b));
    }

    pub fn add3(&mut self, template: u32, a: u64, b: u64, c: u64) {
        self.add(template, pair(pair(a, b), c));
    }

    pub fn rows(&self) -> &[u32] {
        &self.rows
    }

    /// Adds rows computed earlier.
    pub fn extend(&mut self, rows: &[u32]) {
        self.rows.extend_from_slice(rows);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_hash_matches_lowercased_string() {
        for w in ["Washington", "ÉCOLE", "U.S.", "straße", ""] {
            assert_eq!(hash_lower(w), hash_str(&w.to_lowercase()), "{w}");
        }
    }

    #[test]
    fn affixes_respect_char_boundaries() {
        assert_eq!(char_suffix("naïve", 3), "ïve");
        assert_eq!(char_prefix("naïve", 3), "naï");
        assert_eq!(char_suffix("ab", 4), "ab");
        assert_eq!(char_prefix("", 2), "");
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(hash_shape("Washington"), hash_shape("Moscow"));
        assert_ne!(hash_shape("Washington"), hash_shape("washington"));
        assert_eq!(hash_shape("1996-08-22"), hash_shape("2016-03-25"));
    }

    #[test]
    fn flags_describe_case_and_digits() {
        let f = flags("U.S.");
        assert!(f & flag::ALL_UPPER != 0 && f & flag::HAS_PERIOD != 0);
        assert!(flags("1996") & flag::ALL_DIGIT != 0);
        assert!(flags("--") & flag::NO_ALNUM != 0);
    }

    #[test]
    fn rows_stay_in_the_table() {
        let mut f = Features::new(10);
        for t in 0..100 {
            f.add(t, hash_num(t as u64));
        }
        assert!(f.rows().iter().all(|&r| r < 1024));
    }
}
