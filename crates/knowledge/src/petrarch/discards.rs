//! PETRARCH discard files (`Phoenix.discards.txt`): phrases that mark a
//! sentence, or with a leading `+` a whole story, as not to be coded
//! (sports results, weather, film plots).
//!
//! ```text
//! BASEBALL            # a sentence containing the phrase is not coded
//! +MANCHESTER UNITED  # nor is any sentence of a story containing it
//! ```
//! Phrases match from the start of a word, case-insensitively, and the
//! last word is a stem ("BASEBALL" also finds "baseballs") unless the phrase
//! ends with `_` ("KRONER_": the word itself). `_` and spaces both separate
//! words. `#`, `;` (TABARI's) and `<!-- ... -->` lines are comments.

use std::collections::HashMap;

use crate::KnowledgeError;
use crate::lines::Source;

/// Where a discard phrase applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Sentence,
    Story,
}

/// The phrases of one discard file, as lowercase word sequences.
#[derive(Debug, Clone, Default)]
pub struct Discards {
    phrases: Vec<Discard>,
    /// Phrases by their first word, which must match whole...
    by_first: HashMap<String, Vec<usize>>,
    /// ...except for one-word stems, found by a prefix of a word.
    by_stem: HashMap<String, Vec<usize>>,
    /// The byte lengths of the stems: only prefixes this long are looked up.
    stem_lens: Vec<usize>,
}

#[derive(Debug, Clone)]
struct Discard {
    words: Vec<String>,
    scope: Scope,
    /// Ends with `_`: the last word must be whole, not a stem.
    exact: bool,
}

impl Discards {
    /// Reads a discard file; malformed lines are skipped and reported.
    pub fn parse(src: Source, problems: &mut Vec<KnowledgeError>) -> Discards {
        let mut out = Discards::default();
        for (i, raw) in src.text.lines().enumerate() {
            let line = raw.split(['#', ';']).next().unwrap_or("").trim();
            if line.is_empty() || line.starts_with("<!--") {
                continue;
            }
            let (scope, phrase) = match line.strip_prefix('+') {
                Some(p) => (Scope::Story, p),
                None => (Scope::Sentence, line),
            };
            let words = words(phrase);
            if words.is_empty() {
                problems.push(KnowledgeError::line(
                    src.name,
                    i + 1,
                    format!("expected a phrase (words, `+` for a story), found {raw:?}"),
                ));
                continue;
            }
            let exact = phrase.trim_end().ends_with('_');
            let index = if words.len() == 1 && !exact {
                &mut out.by_stem
            } else {
                &mut out.by_first
            };
            if words.len() == 1 && !exact && !out.stem_lens.contains(&words[0].len()) {
                out.stem_lens.push(words[0].len());
            }
            index
                .entry(words[0].clone())
                .or_default()
                .push(out.phrases.len());
            out.phrases.push(Discard {
                words,
                scope,
                exact,
            });
        }
        out
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The scope of the first discard phrase found in `text`, if any.
    /// A story phrase wins over a sentence phrase. One hash lookup per word
    /// and per prefix of it: the list's length does not matter.
    pub fn find(&self, text: &str) -> Option<Scope> {
        let tokens = words(text);
        let mut found = None;
        for (i, t) in tokens.iter().enumerate() {
            let prefixes = self.stem_lens.iter().filter_map(|&n| t.get(..n));
            let stems = prefixes.filter_map(|p| self.by_stem.get(p)).flatten();
            for &k in self.by_first.get(t).into_iter().flatten().chain(stems) {
                let d = &self.phrases[k];
                if tokens
                    .get(i..i + d.words.len())
                    .is_some_and(|w| d.matches(w))
                {
                    if d.scope == Scope::Story {
                        return Some(Scope::Story);
                    }
                    found = Some(Scope::Sentence);
                }
            }
        }
        found
    }
}

impl Discard {
    fn matches(&self, window: &[String]) -> bool {
        let n = self.words.len();
        window[..n - 1] == self.words[..n - 1]
            && if self.exact {
                window[n - 1] == self.words[n - 1]
            } else {
                window[n - 1].starts_with(&self.words[n - 1])
            }
    }
}

/// Lowercase words; punctuation separates, except inside a word ("al-Raya").
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_and_story_phrases() {
        let src = Source {
            name: "d.txt",
            text: "<!-- header -->\nBASEBALL  # sport\n+MANCHESTER_UNITED\n+\n",
        };
        let mut problems = Vec::new();
        let d = Discards::parse(src, &mut problems);
        assert_eq!(d.len(), 2);
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0]
                .to_string()
                .starts_with("d.txt:4: expected a phrase")
        );
        assert_eq!(d.find("He played baseball."), Some(Scope::Sentence));
        assert_eq!(d.find("Manchester United won."), Some(Scope::Story));
        assert_eq!(d.find("Manchester city baseballs"), Some(Scope::Sentence));
        assert_eq!(d.find("Manchester city base ball"), None);
        let exact = Discards::parse(
            Source {
                name: "e",
                text: "KRONER_ ; old\n",
            },
            &mut problems,
        );
        assert_eq!(exact.find("two kroner"), Some(Scope::Sentence));
        assert_eq!(exact.find("two kroners"), None);
    }
}
