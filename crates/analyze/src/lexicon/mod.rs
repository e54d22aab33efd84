//! The built-in word lists, indexed once for fast lookup.
//!
//! The lists themselves are plain `const` tables in the submodules, so they
//! read as data and can be reviewed; [`Lexicon`] turns them into hash tables
//! on first use ([`Lexicon::get`]) and is then shared, immutable, by every
//! thread. Phrases of several tokens ("Secretary of State", "S. China Sea")
//! sit in a [`PhraseTable`] keyed by their lowercased tokens joined by one
//! space, and are matched longest-first without allocating: the caller
//! lends a scratch buffer.

pub mod people;
pub mod places;
pub mod words;

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use detente_core::{ActorCode, EntityKind, PosTag};

/// What the gazetteer knows about a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub kind: EntityKind,
    /// The country (or region/organisation code) the name stands for or lies in.
    pub code: Option<ActorCode>,
    /// True for country names proper ("Russia", "U.S."), false for cities and regions.
    pub is_country: bool,
}

/// Phrases of one or more tokens, matched case-insensitively, longest first.
#[derive(Debug)]
pub struct PhraseTable<V> {
    map: HashMap<String, V>,
    max_tokens: usize,
}

impl<V> Default for PhraseTable<V> {
    fn default() -> Self {
        PhraseTable {
            map: HashMap::new(),
            max_tokens: 0,
        }
    }
}

impl<V> PhraseTable<V> {
    /// Adds `phrase` (tokens separated by spaces, any case).
    pub fn insert(&mut self, phrase: &str, value: V) {
        let key = phrase.to_lowercase();
        self.max_tokens = self.max_tokens.max(key.split(' ').count());
        self.map.insert(key, value);
    }

    /// The longest phrase starting at `words[i]`: its length in tokens and value.
    pub fn longest(&self, words: &[&str], i: usize, buf: &mut String) -> Option<(usize, &V)> {
        buf.clear();
        let mut best = None;
        for k in 0..self.max_tokens.min(words.len().saturating_sub(i)) {
            if k > 0 {
                buf.push(' ');
            }
            push_lower(buf, words[i + k]);
            if let Some(v) = self.map.get(buf.as_str()) {
                best = Some((k + 1, v));
            }
        }
        best
    }

    /// The value of exactly one word.
    pub fn word(&self, word: &str, buf: &mut String) -> Option<&V> {
        buf.clear();
        push_lower(buf, word);
        self.map.get(buf.as_str())
    }
}

/// Appends `s` lowercased to `buf` (ASCII fast path).
pub fn push_lower(buf: &mut String, s: &str) {
    if s.is_ascii() {
        buf.extend(s.bytes().map(|b| b.to_ascii_lowercase() as char));
    } else {
        buf.extend(s.chars().flat_map(char::to_lowercase));
    }
}

/// All built-in lists, indexed.
#[derive(Debug)]
pub struct Lexicon {
    pub places: PhraseTable<Place>,
    pub titles: PhraseTable<()>,
    pub title_modifiers: HashSet<&'static str>,
    pub honorifics: HashSet<&'static str>,
    pub person_nouns: HashSet<&'static str>,
    pub org_heads: HashSet<&'static str>,
    pub location_heads: HashSet<&'static str>,
    pub given_names: HashSet<&'static str>,
    pub speech_verbs: HashSet<&'static str>,
    pub function_words: HashMap<&'static str, PosTag>,
    pub abbreviations: HashSet<&'static str>,
    pub prefix_abbreviations: HashSet<&'static str>,
    /// One-word place and nationality names as written: a hyphen next to
    /// one of them separates tokens ("Russia-West" → "Russia", "-", "West").
    pub hyphen_breakers: HashSet<&'static str>,
}

/// A gazetteer table: (name, code) rows.
type Table = &'static [(&'static str, &'static str)];

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);

impl Lexicon {
    /// The shared lexicon, built on first use.
    pub fn get() -> &'static Lexicon {
        &LEXICON
    }

    fn build() -> Lexicon {
        let mut places = PhraseTable::default();
        let mut hyphen_breakers = HashSet::new();
        let tables: [(Table, EntityKind, bool); 6] = [
            (places::REGIONS, EntityKind::Location, false),
            (places::CITIES, EntityKind::Location, false),
            (places::COUNTRIES, EntityKind::Location, true),
            (places::NATIONALITIES, EntityKind::Norp, false),
            (places::ORGANIZATIONS, EntityKind::Organization, false),
            (places::MISC, EntityKind::Misc, false),
        ];
        for (table, kind, is_country) in tables {
            for &(name, code) in table {
                let code = ActorCode::parse(code).ok();
                places.insert(
                    name,
                    Place {
                        kind,
                        code,
                        is_country,
                    },
                );
                if matches!(kind, EntityKind::Location | EntityKind::Norp) && !name.contains(' ') {
                    hyphen_breakers.insert(name);
                }
            }
        }
        let mut titles = PhraseTable::default();
        for t in people::TITLES {
            titles.insert(t, ());
        }
        let function_words = words::FUNCTION_WORDS
            .iter()
            .filter_map(|&(w, t)| PosTag::parse(t).map(|t| (w, t)))
            .collect();
        let set = |l: &[&'static str]| l.iter().copied().collect::<HashSet<_>>();
        Lexicon {
            places,
            titles,
            title_modifiers: set(people::TITLE_MODIFIERS),
            honorifics: set(people::HONORIFICS),
            person_nouns: set(people::PERSON_NOUNS),
            org_heads: set(people::ORG_HEADS),
            location_heads: set(places::LOCATION_HEADS),
            given_names: set(people::GIVEN_NAMES),
            speech_verbs: set(people::SPEECH_VERBS),
            function_words,
            abbreviations: set(words::ABBREVIATIONS),
            prefix_abbreviations: set(words::PREFIX_ABBREVIATIONS),
            hyphen_breakers,
        }
    }

    /// The tag of a function word, given lowercase.
    pub fn function_tag(&self, lower: &str) -> Option<PosTag> {
        self.function_words.get(lower).copied()
    }

    /// Whether `word` (without its final period) is an abbreviation that keeps the period.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_longest_first_and_fold_case() {
        let lex = Lexicon::get();
        let mut buf = String::new();
        let words = ["S.", "China", "Sea", "is"];
        let (n, p) = lex.places.longest(&words, 0, &mut buf).unwrap();
        assert_eq!((n, p.kind), (3, EntityKind::Location));
        let words = ["UNITED", "STATES", "troops"];
        let (n, p) = lex.places.longest(&words, 0, &mut buf).unwrap();
        assert_eq!((n, p.code.unwrap().as_str()), (2, "USA"));
        let words = ["Secretary", "of", "State", "John"];
        assert_eq!(lex.titles.longest(&words, 0, &mut buf).unwrap().0, 3);
        assert!(lex.places.longest(&words, 3, &mut buf).is_none());
    }
}
