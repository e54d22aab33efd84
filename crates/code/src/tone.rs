//! Tone in GDELT's V2Tone layout, from a lexicon of scored words.
//!
//! The default lexicon is `data/code/tone.tsv` (ours, documented in the
//! file); [`Lexicon::from_tsv`] reads a user's lexicon in the same layout.
//! Each token that is a lexicon word adds `|score| / 3` to the positive or
//! negative count, flipped by a negator within the three words before it
//! ("not harsh") and scaled by 1.5 after an intensifier ("highly unlikely",
//! or one word further: "very serious failure").
//! Figures are percentages of the word count, as in GDELT: `tone` =
//! positive − negative, `polarity` = positive + negative; the activity
//! density counts words that are anchors of event patterns, the self/group
//! density first-person pronouns.

use std::collections::HashMap;
use std::path::Path;

use detente_core::Tone;

use crate::error::{CodeError, data_lines, read_data_file};

const TONE: &str = include_str!("../../../data/code/tone.tsv");

const NEGATORS: &[&str] = &["not", "no", "never", "n't", "without", "nor", "hardly"];
const INTENSIFIERS: &[&str] = &[
    "very",
    "highly",
    "strongly",
    "extremely",
    "deeply",
    "much",
    "most",
    "severely",
    "heavy",
    "heavily",
];
const SELF_GROUP: &[&str] = &[
    "i",
    "me",
    "my",
    "mine",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "myself",
];
const MAX_SCORE: f64 = 3.0;
/// An intensifier strengthens the first scored word among the next two.
const INTENSIFIER_REACH: u8 = 2;

/// Scored words, lowercase.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    scores: HashMap<String, f64>,
}

impl Lexicon {
    pub fn embedded() -> Lexicon {
        Lexicon::parse("tone.tsv", TONE).expect("the embedded tone lexicon is valid")
    }

    /// Reads a user lexicon: `word TAB score` per line, `#` comments.
    pub fn from_tsv(path: impl AsRef<Path>) -> Result<Lexicon, CodeError> {
        let (name, text) = read_data_file(path.as_ref())?;
        Lexicon::parse(&name, &text)
    }

    pub fn parse(name: &str, text: &str) -> Result<Lexicon, CodeError> {
        let mut scores = HashMap::new();
        for (line, fields) in data_lines(text) {
            let [word, score] = fields[..] else {
                return Err(CodeError::line(name, line, "expected WORD <TAB> SCORE"));
            };
            let score: f64 = score
                .parse()
                .ok()
                .filter(|s: &f64| s.is_finite())
                .ok_or_else(|| {
                    CodeError::line(
                        name,
                        line,
                        format!("expected a number as score, found {score:?}"),
                    )
                })?;
            if scores.insert(word.to_lowercase(), score).is_some() {
                return Err(CodeError::line(
                    name,
                    line,
                    format!("duplicate word {word:?}"),
                ));
            }
        }
        Ok(Lexicon { scores })
    }

    pub fn score(&self, word: &str) -> Option<f64> {
        self.scores.get(word).copied()
    }

    /// The tone of a run of lowercase words; `is_activity` says which words
    /// count towards the activity density.
    pub fn tone<'a>(
        &self,
        words: impl IntoIterator<Item = &'a str>,
        is_activity: impl Fn(&str) -> bool,
    ) -> Tone {
        let (mut pos, mut neg, mut active, mut selfref, mut count) = (0.0, 0.0, 0u32, 0u32, 0u32);
        let mut since_negator = usize::MAX;
        // Words left in which an intensifier still applies ("very serious failure").
        let mut boost = 0u8;
        for w in words {
            if !w.chars().any(char::is_alphanumeric) {
                continue;
            }
            count += 1;
            if let Some(s) = self.score(w) {
                let flip = if since_negator <= 3 { -1.0 } else { 1.0 };
                let weight =
                    (s / MAX_SCORE).clamp(-2.0, 2.0) * flip * if boost > 0 { 1.5 } else { 1.0 };
                if weight > 0.0 {
                    pos += weight
                } else {
                    neg -= weight
                }
            }
            active += u32::from(is_activity(w));
            selfref += u32::from(SELF_GROUP.contains(&w));
            boost = if INTENSIFIERS.contains(&w) {
                INTENSIFIER_REACH
            } else if self.score(w).is_some() {
                0
            } else {
                boost.saturating_sub(1)
            };
            since_negator = if NEGATORS.contains(&w) {
                0
            } else {
                since_negator.saturating_add(1)
            };
        }
        if count == 0 {
            return Tone::default();
        }
        let pct = |x: f64| 100.0 * x / f64::from(count);
        let (positive, negative) = (pct(pos), pct(neg));
        Tone {
            tone: positive - negative,
            positive,
            negative,
            polarity: positive + negative,
            activity_density: pct(f64::from(active)),
            self_group_density: pct(f64::from(selfref)),
            word_count: count,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect()
    }

    fn tone(lex: &Lexicon, s: &str) -> Tone {
        let w = words(s);
        lex.tone(w.iter().map(String::as_str), |_| false)
    }

    #[test]
    fn sign_negation_intensifier() {
        let lex = Lexicon::embedded();
        assert!(tone(&lex, "The talks were a great success").tone > 0.0);
        assert!(tone(&lex, "Troops killed dozens in a brutal massacre").tone < 0.0);
        let plain = tone(&lex, "the meeting was difficult");
        let negated = tone(&lex, "the meeting was not difficult");
        assert!(
            plain.tone < 0.0 && negated.tone > 0.0,
            "{plain:?} {negated:?}"
        );
        let strong = tone(&lex, "a very difficult year");
        let weak = tone(&lex, "a rather difficult year");
        assert!(strong.negative > weak.negative);
        let t = tone(&lex, "we hope for peace");
        assert_eq!(t.word_count, 4);
        assert_eq!(t.self_group_density, 25.0);
        assert!((t.polarity - (t.positive + t.negative)).abs() < 1e-9);
        assert_eq!(tone(&lex, "").word_count, 0);
    }

    #[test]
    fn user_lexicon_errors() {
        assert!(Lexicon::parse("u.tsv", "good\t1\n").is_ok());
        let e = Lexicon::parse("u.tsv", "good\t1\nbad\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("u.tsv:2:"), "{e}");
        let e = Lexicon::parse("u.tsv", "good\tx\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("expected a number"), "{e}");
        let e = Lexicon::from_tsv("/nonexistent/lexicon.tsv")
            .unwrap_err()
            .to_string();
        assert!(e.contains("/nonexistent/lexicon.tsv"), "{e}");
    }
}
