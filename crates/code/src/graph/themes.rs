//! Our theme dictionary (`data/code/themes.txt`, documented in its header)
//! and the matcher that finds its phrases in a run of lowercase words.
//!
//! Phrases are indexed by their first word, so each token costs one hash
//! lookup (exact first words) plus a scan of the few prefix patterns
//! (`sanction*`); a phrase is then checked word by word from there.

use std::collections::HashMap;
use std::path::Path;

use crate::error::{CodeError, data_lines, read_data_file};

const THEMES: &str = include_str!("../../../../data/code/themes.txt");

/// One word of a phrase: exact, or a prefix (`sanction*`).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Word {
    Exact(String),
    Prefix(String),
}

impl Word {
    fn parse(w: &str) -> Word {
        match w.strip_suffix('*') {
            Some(p) => Word::Prefix(p.to_string()),
            None => Word::Exact(w.to_string()),
        }
    }

    fn matches(&self, w: &str) -> bool {
        match self {
            Word::Exact(x) => x == w,
            Word::Prefix(p) => w.starts_with(p.as_str()),
        }
    }
}

#[derive(Debug, Clone)]
struct Phrase {
    words: Vec<Word>,
    theme: usize,
}

/// The theme dictionary, compiled for matching.
#[derive(Debug, Clone, Default)]
pub struct Themes {
    names: Vec<String>,
    by_first: HashMap<String, Vec<Phrase>>,
    /// Phrases whose first word is a prefix (`sanction*`), by the prefix's
    /// first [`KEY`] bytes, so that a token is checked against the few that
    /// may match it rather than against all of them.
    prefixed: HashMap<String, Vec<Phrase>>,
    /// Prefixes shorter than [`KEY`] bytes: checked at every token.
    short_prefixed: Vec<Phrase>,
}

/// How many leading bytes of a prefix index it.
const KEY: usize = 3;

impl Themes {
    pub fn embedded() -> Themes {
        Themes::parse("themes.txt", THEMES).expect("the embedded theme dictionary is valid")
    }

    pub fn from_file(path: impl AsRef<Path>) -> Result<Themes, CodeError> {
        let (name, text) = read_data_file(path.as_ref())?;
        Themes::parse(&name, &text)
    }

    /// Reads `THEME <TAB> phrase, phrase, ...` lines.
    pub fn parse(name: &str, text: &str) -> Result<Themes, CodeError> {
        let mut t = Themes::default();
        for (line, fields) in data_lines(text) {
            let [theme, phrases] = fields[..] else {
                return Err(CodeError::line(
                    name,
                    line,
                    "expected THEME <TAB> phrase, phrase, ...",
                ));
            };
            if !theme
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
            {
                return Err(CodeError::line(
                    name,
                    line,
                    format!("theme {theme:?}: expected upper case letters, digits and _"),
                ));
            }
            let id = match t.names.iter().position(|n| n == theme) {
                Some(i) => i,
                None => {
                    t.names.push(theme.to_string());
                    t.names.len() - 1
                }
            };
            for p in phrases.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                t.add(name, line, p, id)?;
            }
        }
        Ok(t)
    }

    fn add(
        &mut self,
        name: &str,
        line: usize,
        phrase: &str,
        theme: usize,
    ) -> Result<(), CodeError> {
        let words: Vec<Word> = phrase
            .split_whitespace()
            .map(|w| Word::parse(&w.to_lowercase()))
            .collect();
        if words
            .iter()
            .any(|w| matches!(w, Word::Prefix(p) if p.is_empty()))
        {
            return Err(CodeError::line(
                name,
                line,
                format!("phrase {phrase:?}: a lone * matches every word"),
            ));
        }
        let p = Phrase { words, theme };
        match &p.words[0] {
            Word::Exact(w) => self.by_first.entry(w.clone()).or_default().push(p),
            Word::Prefix(w) => match w.get(..KEY) {
                Some(key) => self.prefixed.entry(key.to_string()).or_default().push(p),
                None => self.short_prefixed.push(p),
            },
        }
        Ok(())
    }

    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// `(theme, word index)` of every phrase found in `words` (lowercase).
    pub fn find<'s>(&'s self, words: &'s [&str]) -> impl Iterator<Item = (&'s str, usize)> + 's {
        (0..words.len()).flat_map(move |i| {
            let exact = self.by_first.get(words[i]).into_iter().flatten();
            let prefixed = words[i]
                .get(..KEY)
                .and_then(|k| self.prefixed.get(k))
                .into_iter()
                .flatten();
            exact
                .chain(prefixed)
                .chain(self.short_prefixed.iter())
                .filter(move |p| {
                    p.words.len() <= words.len() - i
                        && p.words.iter().zip(&words[i..]).all(|(w, x)| w.matches(x))
                })
                .map(move |p| (self.names[p.theme].as_str(), i))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_and_prefixes() {
        let t = Themes::parse(
            "t.txt",
            "SANCTIONS\tsanction*, asset freeze\nMILITARY\ttroops\n",
        )
        .unwrap();
        let words = [
            "new",
            "sanctions",
            "and",
            "an",
            "asset",
            "freeze",
            "on",
            "troops",
        ];
        let found: Vec<_> = t.find(&words).collect();
        assert_eq!(found, [("SANCTIONS", 1), ("SANCTIONS", 4), ("MILITARY", 7)]);
    }

    #[test]
    fn errors_and_embedded() {
        let e = Themes::parse("t.txt", "ok\tx\n").unwrap_err().to_string();
        assert!(e.starts_with("t.txt:1:"), "{e}");
        let e = Themes::parse("t.txt", "A\tx\nB\tfoo, *\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("t.txt:2:"), "{e}");
        let e = Themes::from_file("/nonexistent/themes.txt")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("/nonexistent/themes.txt: cannot read"), "{e}");
        let t = Themes::embedded();
        for theme in [
            "SANCTIONS",
            "ELECTION",
            "MILITARY",
            "TERROR",
            "PROTEST",
            "HUMAN_RIGHTS",
            "ECON_TRADE",
        ] {
            assert!(t.names().iter().any(|n| n == theme), "{theme}");
        }
    }
}
