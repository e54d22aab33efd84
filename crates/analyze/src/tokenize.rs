//! Tokens with byte offsets into the body, after the Penn Treebank habits.
//!
//! The text is cut at white space (and control characters, which count as
//! space) into chunks; each chunk is scanned once, left to right:
//!
//! - a *word* is a run of letters, digits and marks (any script), glued
//!   across `. - ' ’ & / _` when a word character follows, and across
//!   `, :` only between digits: "Frank-Walter", "1,000.5", "10:30",
//!   "2016-03-25", "AT&T", "U.S" stay whole;
//! - a word keeps a final period when it is an abbreviation: a single
//!   letter ("S.", "J."), a dotted form ("U.S.", "a.m.") or one of the
//!   listed shorthands ("Gen.", "Jan.", "Inc."); otherwise the period is a
//!   token of its own;
//! - possessives and contractions split off PTB-style: "Russia's" →
//!   "Russia" "'s", "don't" → "do" "n't"; a plural possessive's apostrophe
//!   ("countries'") is a token of its own;
//! - **hyphens**: a hyphenated word stays one token ("Frank-Walter",
//!   "all-rounder", as in CoNLL-2003) unless one of its parts is a dotted
//!   abbreviation or a known place or nationality; then every part and
//!   every hyphen is a token: "U.S.-Russia" → "U.S." "-" "Russia",
//!   "Russia-West" → "Russia" "-" "West", so the entity step sees the
//!   places whole;
//! - URLs and e-mail addresses are one token, without trailing punctuation;
//! - everything else (quotes straight and curly, brackets, commas, symbols,
//!   emoji) is a token per character, except runs of periods ("...") and
//!   hyphens ("--").
//!
//! Every span starts and ends on a character boundary by construction:
//! cuts are made only at positions found by `char_indices`. The scan is
//! linear in the input and allocates nothing but the output vector.

use detente_core::Span;

use crate::lexicon::Lexicon;

/// Appends the tokens of `text` to `out`.
pub fn tokenize(text: &str, out: &mut Vec<Span>) {
    let lex = Lexicon::get();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if is_space(c) {
            if let Some(s) = start.take() {
                split_chunk(text, s, i, lex, out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        split_chunk(text, s, text.len(), lex, out);
    }
}

/// White space, control characters and invisible separators part chunks.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

/// Letters and digits of any script, and the combining marks that go with them.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c,
            '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05C7}'
            | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
            | '\u{06D6}'..='\u{06ED}' | '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}'
            | '\u{200C}' | '\u{200D}')
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

fn split_chunk(text: &str, start: usize, end: usize, lex: &Lexicon, out: &mut Vec<Span>) {
    if let Some((s, e)) = url_core(&text[start..end]) {
        punct_tokens(text, start, start + s, out);
        out.push(Span::new(start + s, start + e));
        punct_tokens(text, start + e, end, out);
        return;
    }
    let mut i = start;
    while i < end {
        let Some(c) = char_at(text, i) else { break };
        if is_word_char(c) {
            let e = scan_word(text, i, end, lex);
            emit_word(text, i, e, lex, out);
            i = e;
        } else {
            let e = punct_end(text, i, end, c);
            out.push(Span::new(i, e));
            i = e;
        }
    }
}

/// One token per punctuation character (or run of periods/hyphens) in `start..end`.
fn punct_tokens(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let mut i = start;
    while i < end {
        let Some(c) = char_at(text, i) else { break };
        let e = punct_end(text, i, end, c);
        out.push(Span::new(i, e));
        i = e;
    }
}

fn punct_end(text: &str, i: usize, end: usize, c: char) -> usize {
    let mut e = i + c.len_utf8();
    if c == '.' || c == '-' {
        while e < end && text.as_bytes()[e] == c as u8 {
            e += 1;
        }
    }
    e
}

/// The byte range of a URL or e-mail address inside `chunk`, without the
/// brackets, quotes and punctuation around it.
fn url_core(chunk: &str) -> Option<(usize, usize)> {
    let s = chunk.find(|c: char| c.is_alphanumeric())?;
    let core = &chunk[s..];
    let is_url = core.contains("://") || core.starts_with("www.");
    let is_mail = core
        .find('@')
        .is_some_and(|at| at > 0 && core[at + 1..].contains('.'))
        && !core.ends_with('@');
    if !is_url && !is_mail {
        return None;
    }
    let (last, c) = chunk
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_alphanumeric() || c == '/')?;
    let e = last + c.len_utf8();
    (e > s).then_some((s, e))
}

/// The end of the word starting at `i`.
fn scan_word(text: &str, i: usize, end: usize, lex: &Lexicon) -> usize {
    let mut j = i;
    let mut segment = i; // start of the last hyphen-separated part
    loop {
        while let Some(c) = char_at(text, j).filter(|&c| j < end && is_word_char(c)) {
            j += c.len_utf8();
        }
        if j >= end {
            return end;
        }
        let Some(c) = char_at(text, j) else { return j };
        let next = char_at(text, j + c.len_utf8()).filter(|_| j + c.len_utf8() < end);
        let glue = match c {
            '.' | '-' | '\'' | '’' | '&' | '/' | '_' => next.is_some_and(is_word_char),
            ',' | ':' => {
                char_before(text, j).is_some_and(|b| b.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit())
            }
            _ => false,
        };
        if !glue {
            break;
        }
        j += c.len_utf8();
        if c == '-' {
            segment = j;
        }
    }
    let dot = text.as_bytes().get(j) == Some(&b'.') && text.as_bytes().get(j + 1) != Some(&b'.');
    if dot && keeps_period(&text[segment..j], lex) {
        j + 1
    } else {
        j
    }
}

/// Whether a word (without the period) is an abbreviation that keeps its period.
fn keeps_period(word: &str, lex: &Lexicon) -> bool {
    let mut chars = word.chars();
    let first = chars.next();
    if chars.next().is_none() {
        return first.is_some_and(char::is_alphabetic);
    }
    let dotted = word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.');
    dotted || lex.is_abbreviation(word)
}

const CLITICS: &[&str] = &[
    "n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m",
];

/// Pushes a scanned word, split into stem parts and a clitic.
fn emit_word(text: &str, start: usize, end: usize, lex: &Lexicon, out: &mut Vec<Span>) {
    let word = &text[start..end];
    let clitic = CLITICS
        .iter()
        .find(|c| word.len() > c.len() && ends_with_ignore_case(word, c))
        .map_or(0, |c| c.len());
    let stem_end = end - clitic;
    emit_stem(text, start, stem_end, lex, out);
    if clitic > 0 {
        out.push(Span::new(stem_end, end));
    }
}

fn ends_with_ignore_case(word: &str, suffix: &str) -> bool {
    word.len() >= suffix.len()
        && word.is_char_boundary(word.len() - suffix.len())
        && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// Pushes a stem, cut at its hyphens where a part is a place or a dotted abbreviation.
fn emit_stem(text: &str, start: usize, end: usize, lex: &Lexicon, out: &mut Vec<Span>) {
    let stem = &text[start..end];
    let breaks = stem.contains('-')
        && stem.split('-').any(|p| {
            lex.hyphen_breakers.contains(p)
                || (p.contains('.') && p.chars().any(char::is_alphabetic))
        });
    if !breaks {
        out.push(Span::new(start, end));
        return;
    }
    let mut s = start;
    for part in stem.split('-') {
        if !part.is_empty() {
            out.push(Span::new(s, s + part.len()));
        }
        s += part.len();
        if s < end {
            out.push(Span::new(s, s + 1));
            s += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        let mut spans = Vec::new();
        tokenize(text, &mut spans);
        spans.iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn names_abbreviations_and_hyphens() {
        assert_eq!(
            toks("U.S. Secretary of State John Kerry met Frank-Walter Steinmeier."),
            [
                "U.S.",
                "Secretary",
                "of",
                "State",
                "John",
                "Kerry",
                "met",
                "Frank-Walter",
                "Steinmeier",
                "."
            ]
        );
        assert_eq!(
            toks("current U.S.-Russia relations"),
            ["current", "U.S.", "-", "Russia", "relations"]
        );
        assert_eq!(
            toks("Russia-U.S. ties, Russia-West"),
            ["Russia", "-", "U.S.", "ties", ",", "Russia", "-", "West"]
        );
        assert_eq!(toks("an all-rounder"), ["an", "all-rounder"]);
        assert_eq!(
            toks("Gen. Smith of Acme Inc. in Jan. and S. China Sea"),
            [
                "Gen.", "Smith", "of", "Acme", "Inc.", "in", "Jan.", "and", "S.", "China", "Sea"
            ]
        );
        assert_eq!(toks("the end."), ["the", "end", "."]);
    }

    #[test]
    fn clitics_numbers_quotes() {
        assert_eq!(
            toks("Russia's and countries' don't"),
            ["Russia", "'s", "and", "countries", "'", "do", "n't"]
        );
        assert_eq!(toks("They’re here"), ["They", "’re", "here"]);
        assert_eq!(
            toks("1,000.50 $5 5% 10:30 2016-03-25"),
            ["1,000.50", "$", "5", "5", "%", "10:30", "2016-03-25"]
        );
        assert_eq!(
            toks("\"Both,\" said “Wan.”"),
            ["\"", "Both", ",", "\"", "said", "“", "Wan", ".", "”"]
        );
        assert_eq!(toks("wait... -- no"), ["wait", "...", "--", "no"]);
    }

    #[test]
    fn urls_and_emails() {
        assert_eq!(
            toks("(see https://x.org/a?b=1)."),
            ["(", "see", "https://x.org/a?b=1", ")", "."]
        );
        assert_eq!(
            toks("mail me@example.com."),
            ["mail", "me@example.com", "."]
        );
    }

    #[test]
    fn other_scripts_and_controls() {
        assert_eq!(toks("שלום\u{0}עולם 😀!"), ["שלום", "עולם", "😀", "!"]);
    }
}
