//! Sentence boundaries, decided between tokens.
//!
//! A boundary falls after token `t` when
//!
//! 1. the gap to the next token holds a blank line (a paragraph break): always;
//! 2. the gap holds one line break and the line that ends there is a
//!    *short line without final punctuation*: a headline, a dateline, a
//!    list item. "Short" is measured against the longest line of the text,
//!    so hard-wrapped text (Reuters wraps at ~70 columns) is not cut at
//!    every line end while a headline above a one-line paragraph is;
//! 3. `t` is `.`, `!`, `?`, `...` or `…`, followed, after any closing quotes
//!    and brackets glued to it, by a token that does not start in lowercase:
//!    '... uneasy. A series' breaks, '"Why?" he asked' does not;
//! 4. `t` is an abbreviation that kept its period ("U.S.", "Inc.") and the
//!    next token is a capitalised function word ("The", "But", "He"): the
//!    abbreviation was also the end of the sentence. Titles, months and
//!    other prefix abbreviations ("Gen.", "Jan.", "Mr.") never end one, and
//!    neither do initials followed by a name ("J. K. Rowling", "S. China").
//!
//! One pass over the tokens, constant work per token.

use detente_core::{Sentence, Span};

use crate::lexicon::{Lexicon, push_lower};

/// Splits `tokens` (spans into `text`, in order) into sentences.
pub fn split(text: &str, tokens: &[Span]) -> Vec<Sentence> {
    let lex = Lexicon::get();
    let wrap = longest_line(text);
    let mut sentences = Vec::new();
    let mut first = 0;
    let mut buf = String::new();
    let mut i = 0;
    while i < tokens.len() {
        let mut last = i;
        let word = tokens[i].text(text);
        if is_terminal(word) {
            // Closing quotes and brackets glued to the terminal belong to it.
            while last + 1 < tokens.len()
                && tokens[last].end == tokens[last + 1].start
                && is_closer(tokens[last + 1].text(text))
            {
                last += 1;
            }
        }
        let next = tokens.get(last + 1);
        let boundary = match next {
            None => true,
            Some(n) => {
                let gap = &text[tokens[last].end..n.start];
                let next_word = n.text(text);
                paragraph_break(gap)
                    || (gap.contains('\n') && short_unpunctuated_line(text, tokens[last], wrap))
                    || (is_terminal(word) && !starts_lowercase(next_word))
                    || (abbreviation_ends(word, next_word, lex, &mut buf))
            }
        };
        if boundary {
            let span = Span::new(tokens[first].start, tokens[last].end);
            sentences.push(Sentence {
                span,
                tokens: (first, last + 1),
            });
            first = last + 1;
        }
        i = last + 1;
    }
    sentences
}

fn is_terminal(word: &str) -> bool {
    matches!(word, "." | "!" | "?" | "…" | "?!" | "!?")
        || (word.len() >= 3 && word.bytes().all(|b| b == b'.'))
}

fn is_closer(word: &str) -> bool {
    matches!(word, "\"" | "”" | "’" | "'" | ")" | "]" | "»" | "''")
}

fn starts_lowercase(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

fn paragraph_break(gap: &str) -> bool {
    gap.bytes().filter(|&b| b == b'\n').count() >= 2
}

/// Whether the line ending with token `last` is a short line without final punctuation.
fn short_unpunctuated_line(text: &str, last: Span, wrap: usize) -> bool {
    let line_start = text[..last.start].rfind('\n').map_or(0, |p| p + 1);
    let line_len = text[line_start..last.end].chars().count();
    let ends_open = last.text(text).ends_with([',', ';', '-', '(', '“', '"']);
    !ends_open && line_len * 10 < wrap * 6
}

fn longest_line(text: &str) -> usize {
    text.split('\n')
        .map(|l| l.trim_end().chars().count())
        .max()
        .unwrap_or(0)
}

/// Rule 4: an abbreviation at the end of a sentence.
fn abbreviation_ends(word: &str, next: &str, lex: &Lexicon, buf: &mut String) -> bool {
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    if stem.is_empty() || lex.prefix_abbreviations.contains(stem) {
        return false;
    }
    if !next.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    buf.clear();
    push_lower(buf, next);
    lex.function_tag(buf).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn sents(text: &str) -> Vec<&str> {
        let mut spans = Vec::new();
        tokenize(text, &mut spans);
        split(text, &spans)
            .iter()
            .map(|s| s.span.text(text))
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            sents(
                "The U.S. Secretary met Gen. Smith on Jan. 5 near the S. China Sea. J. K. Rowling wrote."
            ),
            [
                "The U.S. Secretary met Gen. Smith on Jan. 5 near the S. China Sea.",
                "J. K. Rowling wrote."
            ]
        );
        assert_eq!(
            sents("It rose 3.5 percent in the U.S. The dollar fell."),
            ["It rose 3.5 percent in the U.S.", "The dollar fell."]
        );
    }

    #[test]
    fn quotes_end_sentences() {
        assert_eq!(
            sents(
                "He said that \"relations remain uneasy. A series of steps hurt.\" Then he left."
            ),
            [
                "He said that \"relations remain uneasy.",
                "A series of steps hurt.\"",
                "Then he left."
            ]
        );
        assert_eq!(
            sents("\"We agree,\" said Wan. \"Why?\" he asked."),
            ["\"We agree,\" said Wan.", "\"Why?\" he asked."]
        );
    }

    #[test]
    fn lines_and_paragraphs() {
        let text = "News Analysis: ties thaw\n\nXinhua, March 25, 2016\nThe current visit by the minister to the capital of the country has shown signs.\nNo end";
        assert_eq!(
            sents(text),
            [
                "News Analysis: ties thaw",
                "Xinhua, March 25, 2016",
                "The current visit by the minister to the capital of the country has shown signs.",
                "No end"
            ]
        );
        let wrapped = "Showers continued throughout the week in the Bahia\ncocoa zone, alleviating the drought since early January\nand improving prospects.";
        assert_eq!(sents(wrapped).len(), 1);
    }
}
