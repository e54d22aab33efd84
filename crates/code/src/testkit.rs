//! A minimal stand-in for the analyze stage in unit tests: sentences split
//! at end punctuation or blank lines, tokens at spaces and punctuation
//! ("Kerry's" → "Kerry", "'s"), capitalised runs as person entities when
//! asked. Production code never uses it.

use detente_core::{Entity, EntityKind, Sentence, Span, TextAnalysis, Token};

pub fn analyse(body: &str, persons: &[&str]) -> TextAnalysis {
    let mut tokens = Vec::new();
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_alphanumeric() {
            while i < b.len()
                && (b[i].is_ascii_alphanumeric()
                    || (matches!(b[i], b'.')
                        && i + 1 < b.len()
                        && b[i + 1].is_ascii_alphanumeric()))
            {
                i += 1;
            }
            if i < b.len() && b[i] == b'.' && body[start..i].contains('.') {
                i += 1; // U.S.
            }
        } else if c == b'\'' && body[i..].starts_with("'s") {
            i += 2;
        } else {
            i += body[i..].chars().next().map_or(1, char::len_utf8);
        }
        tokens.push(Token::new(Span::new(start, i)));
    }
    let mut sentences = Vec::new();
    let mut first = 0;
    for k in 0..tokens.len() {
        let t = tokens[k].span.text(body);
        let gap = tokens
            .get(k + 1)
            .map_or("", |n: &Token| &body[tokens[k].span.end..n.span.start]);
        if matches!(t, "." | "?" | "!") || gap.contains("\n\n") || k + 1 == tokens.len() {
            let span = tokens[first].span.cover(tokens[k].span);
            sentences.push(Sentence {
                span,
                tokens: (first, k + 1),
            });
            first = k + 1;
        }
    }
    let mut entities = Vec::new();
    for p in persons {
        let mut from = 0;
        while let Some(at) = body[from..].find(p) {
            let span = Span::new(from + at, from + at + p.len());
            entities.push(Entity::new(*p, EntityKind::Person, span));
            from = span.end;
        }
    }
    entities.sort_by_key(|e| e.span.start);
    TextAnalysis {
        sentences,
        tokens,
        entities,
        times: Vec::new(),
    }
}
