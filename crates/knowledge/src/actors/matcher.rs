//! Finding dictionary names in text, fast.
//!
//! One Aho-Corasick automaton holds every surface form, lowercased and
//! deduplicated; it scans the original text ASCII-case-insensitively, so a
//! match's byte offsets are already offsets into the text. Each candidate is
//! then checked:
//! - whole words: no letter or digit right before or after;
//! - role nouns (agents) not as the end of a hyphenated word ("multi-party");
//! - case, for names (agents match in any case): an acronym word of the entry
//!   ("US", "NATO", "U.S.") must appear exactly so ("us" is no country), and an
//!   entry word starting with a capital must start with one in the text
//!   ("turkey" is no country, "TURKEY" in a headline is).
//!
//! Of the surviving candidates the leftmost longest win, without overlap.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use detente_core::Span;

use super::{Agent, NameEntry, Person};

/// What a surface form stands for: an index into the names, people or agents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Name(usize),
    Person(usize),
    Agent(usize),
}

#[derive(Debug, Clone)]
struct Candidate {
    target: Target,
    /// The form as written in the dictionary, for the case check.
    surface: Box<str>,
}

#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    ac: AhoCorasick,
    /// Per automaton pattern, every entry with that (lowercased) form.
    candidates: Vec<Vec<Candidate>>,
}

impl Matcher {
    pub fn build(names: &[NameEntry], people: &[Person], agents: &[Agent]) -> Matcher {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut candidates: Vec<Vec<Candidate>> = Vec::new();
        let mut add = |surface: &str, target: Target| {
            let key = surface.to_ascii_lowercase();
            let i = *index.entry(key.clone()).or_insert_with(|| {
                patterns.push(key);
                candidates.push(Vec::new());
                patterns.len() - 1
            });
            candidates[i].push(Candidate {
                target,
                surface: surface.into(),
            });
        };
        for (i, e) in names.iter().enumerate() {
            e.names.iter().for_each(|n| add(n, Target::Name(i)));
        }
        for (i, p) in people.iter().enumerate() {
            p.names().for_each(|n| add(n, Target::Person(i)));
        }
        for (i, a) in agents.iter().enumerate() {
            add(&a.phrase, Target::Agent(i));
        }
        // A full DFA is the fastest scanner; very large dictionaries (PETRARCH's)
        // may exceed its size limit and fall back to the automatic choice.
        let builder = |kind| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .kind(kind)
                .build(&patterns)
        };
        let ac = builder(Some(AhoCorasickKind::DFA))
            .or_else(|_| builder(None))
            .expect("dictionary automaton within size limits");
        Matcher { ac, candidates }
    }

    /// Every valid candidate, overlapping, in order of their end.
    pub fn find_all(&self, text: &str) -> Vec<(Span, Vec<Target>)> {
        let mut out = Vec::new();
        for m in self.ac.find_overlapping_iter(text) {
            let span = Span::new(m.start(), m.end());
            if !whole_word(text, span) {
                continue;
            }
            let found = &text[m.start()..m.end()];
            let in_compound = hyphen_compound(text, span);
            let targets: Vec<Target> = self.candidates[m.pattern().as_usize()]
                .iter()
                .filter(|c| match c.target {
                    Target::Agent(_) => !in_compound,
                    _ => case_fits(&c.surface, found),
                })
                .map(|c| c.target)
                .collect();
            if !targets.is_empty() {
                out.push((span, targets));
            }
        }
        out
    }

    /// The leftmost longest valid candidates, not overlapping, in text order.
    pub fn find(&self, text: &str) -> Vec<(Span, Vec<Target>)> {
        let mut all = self.find_all(text);
        all.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
        let mut out: Vec<(Span, Vec<Target>)> = Vec::with_capacity(all.len());
        for (span, targets) in all {
            if out.last().is_none_or(|(last, _)| last.end <= span.start) {
                out.push((span, targets));
            }
        }
        out
    }
}

/// No letter or digit touches the span on either side. Match ends always lie
/// on character boundaries because patterns are whole UTF-8 strings.
fn whole_word(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let first = text[span.start..].chars().next();
    let last = text[..span.end].chars().next_back();
    // A boundary is only needed where the match itself begins or ends with a word character.
    let joins = |outside: Option<char>, inside: Option<char>| {
        outside.is_some_and(char::is_alphanumeric) && inside.is_some_and(char::is_alphanumeric)
    };
    !joins(before, first) && !joins(after, last)
}

/// The span ends a hyphenated word ("multi-party", "anti-government"): a
/// role noun there is part of an adjective, not a mention of the role.
fn hyphen_compound(text: &str, span: Span) -> bool {
    let mut before = text[..span.start].chars().rev();
    before.next() == Some('-') && before.next().is_some_and(char::is_alphanumeric)
}

/// Whether `found` (same letters as `surface`, any ASCII case) is written
/// as a mention of `surface` may be.
fn case_fits(surface: &str, found: &str) -> bool {
    if surface == found {
        return true;
    }
    surface
        .split(' ')
        .zip(found.split(' '))
        .enumerate()
        .all(|(k, (s, f))| {
            // A leading article is capitalised only at a sentence start
            // ("welcomed the Shire" for "The Shire").
            if k == 0 && s == "The" {
                true
            } else if is_acronym(s) {
                s == f
            } else {
                let s0 = s.chars().next();
                let f0 = f.chars().next();
                !s0.is_some_and(char::is_uppercase) || f0.is_some_and(char::is_uppercase)
            }
        })
}

/// Two or more capitals and no lowercase letter: "US", "U.S.", "NATO".
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_uppercase()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_rules() {
        assert!(case_fits("US", "US"));
        assert!(!case_fits("US", "us"));
        assert!(!case_fits("US", "Us"));
        assert!(case_fits("Turkey", "TURKEY"));
        assert!(!case_fits("Turkey", "turkey"));
        assert!(case_fits("al-Qaeda", "Al-Qaeda"));
        assert!(case_fits(
            "Democratic Republic of the Congo",
            "Democratic Republic Of The Congo"
        ));
        assert!(!case_fits("South Korea", "South korea"));
        assert!(case_fits("The Shire", "the Shire"));
        assert!(!case_fits("The Shire", "the shire"));
    }

    #[test]
    fn word_boundaries() {
        let t = "USAID; Russia's, Russians";
        assert!(!whole_word(t, Span::new(0, 3)));
        assert!(whole_word(t, Span::new(7, 13)));
        assert!(!whole_word(t, Span::new(17, 23)));
        assert!(whole_word("(U.S.)", Span::new(1, 5)));
    }

    #[test]
    fn role_nouns_not_inside_hyphenated_words() {
        assert!(hyphen_compound("a multi-party vote", Span::new(8, 13)));
        assert!(!hyphen_compound("the party", Span::new(4, 9)));
        assert!(!hyphen_compound("anti- party", Span::new(6, 11)));
        assert!(!hyphen_compound("-party", Span::new(1, 6)));
    }
}
