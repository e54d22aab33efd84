//! The rule-based recogniser: gazetteer phrases, names after titles, and
//! runs of capitalised words classified by their words and context.
//!
//! Per sentence, left to right, at each capitalised token the first rule
//! that applies wins:
//!
//! 1. a gazetteer phrase (longest match): place, people, organisation;
//! 2. a title ("Foreign Minister"): the capitalised run after it is a person;
//!    the title itself is attached to the person later (see `roles`);
//! 3. an honorific ("Mr.") before a capitalised run: a person;
//! 4. any other capitalised run, glued over name particles ("von", "al")
//!    and, after an organisation head word, over "of"/"for"/"and"
//!    ("Ministry of Foreign Affairs"). Its kind comes from its words
//!    (an organisation head anywhere, a given name first), its neighbours
//!    (a verb of saying: a person), an apposition headed by a person noun,
//!    its last word (a place head: "Wall Street"), its shape (a short
//!    all-capital word is an organisation, two or three name-shaped words
//!    a person); the rest is `misc`.
//!
//! Sentence-initial capitals carry no information, so a lone capitalised
//! first word counts only if the document also writes it capitalised
//! mid-sentence ("Kerry's visit" yes, "Analysts said" no). In a sentence
//! written all in capitals only the gazetteer is trusted.

use std::collections::HashSet;

use detente_core::EntityKind;

use super::{Doc, Mention, lower_in, roles, starts_upper, title_len};
use crate::lexicon::{Lexicon, push_lower};

pub(super) fn recognise(doc: &Doc, out: &mut Vec<Mention>) {
    let lex = Lexicon::get();
    let mid_caps = mid_sentence_capitals(doc);
    let mut buf = String::new();
    for s in doc.sentences {
        sentence(doc, s.tokens, lex, &mid_caps, &mut buf, out);
    }
}

/// Capitalised words seen anywhere but at the start of a sentence.
fn mid_sentence_capitals<'a>(doc: &Doc<'a>) -> HashSet<&'a str> {
    let mut set = HashSet::new();
    for s in doc.sentences {
        for &w in doc.words.get(s.tokens.0 + 1..s.tokens.1).unwrap_or(&[]) {
            if starts_upper(w) {
                set.insert(w);
            }
        }
    }
    set
}

fn sentence(
    doc: &Doc,
    (a, b): (usize, usize),
    lex: &Lexicon,
    mid_caps: &HashSet<&str>,
    buf: &mut String,
    out: &mut Vec<Mention>,
) {
    let words = &doc.words[..b];
    let shouting = is_shouting(&words[a..b]);
    let mut i = a;
    while i < b {
        let w = words[i];
        if !starts_upper(w) {
            i += 1;
            continue;
        }
        if let Some((n, place)) = lex.places.longest(words, i, buf)
            && words[i..i + n]
                .iter()
                .all(|w| starts_upper(w) || matches!(*w, "of" | "the"))
        {
            out.push(Mention::new(i, i + n, place.kind, place.code));
            i += n;
            continue;
        }
        if shouting {
            i += 1;
            continue;
        }
        if let Some(n) = title_len(words, i, b, lex, buf) {
            let k = name_run(words, i + n, b, lex, buf);
            if k > 0 {
                out.push(Mention::new(i + n, i + n + k, EntityKind::Person, None));
            }
            i += n + k;
            continue;
        }
        if lower_in(w, &lex.honorifics, buf) {
            let k = name_run(words, i + 1, b, lex, buf);
            if k > 0 {
                out.push(Mention::new(i + 1, i + 1 + k, EntityKind::Person, None));
                i += 1 + k;
                continue;
            }
        }
        let k = name_run(words, i, b, lex, buf);
        if k == 0 || (k == 1 && crate::time::is_calendar_word(w)) {
            i += 1;
            continue;
        }
        let lone_initial =
            i == a && k == 1 && !mid_caps.contains(w) && !lower_in(w, &lex.given_names, buf);
        if !lone_initial {
            let kind = classify(doc, i, i + k, b, lex, buf);
            out.push(Mention::new(i, i + k, kind, None));
        }
        i += k;
    }
}

/// A sentence written in capitals: more than half its letters-words are all-caps.
fn is_shouting(words: &[&str]) -> bool {
    let mut caps = 0;
    let mut alpha = 0;
    for w in words.iter().filter(|w| w.chars().any(char::is_alphabetic)) {
        alpha += 1;
        if w.len() > 1 && !w.chars().any(char::is_lowercase) {
            caps += 1;
        }
    }
    alpha >= 3 && caps * 2 > alpha
}

/// The number of tokens of the capitalised name run starting at `i`.
fn name_run(words: &[&str], i: usize, b: usize, lex: &Lexicon, buf: &mut String) -> usize {
    let mut j = i;
    let mut has_org_head = false;
    while j < b {
        let w = words[j];
        if starts_upper(w) {
            buf.clear();
            push_lower(buf, w);
            if lex.function_tag(buf).is_some() && !(j > i && w.len() > 1 && w != "I") {
                break;
            }
            has_org_head |= lex.org_heads.contains(buf.as_str());
            j += 1;
            continue;
        }
        let next_upper = j + 1 < b && starts_upper(words[j + 1]);
        let particle = matches!(
            w,
            "von" | "van" | "der" | "de" | "al" | "bin" | "la" | "le" | "du" | "da" | "di"
        );
        let org_glue = has_org_head && matches!(w, "of" | "for" | "and" | "&" | "on");
        if j > i && next_upper && (particle || org_glue) {
            j += 1;
            continue;
        }
        break;
    }
    j - i
}

fn classify(
    doc: &Doc,
    i: usize,
    j: usize,
    b: usize,
    lex: &Lexicon,
    buf: &mut String,
) -> EntityKind {
    let words = &doc.words;
    let n = j - i;
    if words[i..j].iter().any(|w| lower_in(w, &lex.org_heads, buf)) && n >= 2 {
        return EntityKind::Organization;
    }
    if n >= 2 && lower_in(words[i], &lex.given_names, buf) {
        return EntityKind::Person;
    }
    let speaks_before = i > 0 && lower_in(words[i - 1], &lex.speech_verbs, buf);
    let speaks_after = j < b && lower_in(words[j], &lex.speech_verbs, buf);
    if n <= 3 && (speaks_before || speaks_after) {
        return EntityKind::Person;
    }
    if roles::apposition(doc, j, b, lex, buf).is_some() {
        return EntityKind::Person;
    }
    if n >= 2 && lower_in(words[j - 1], &lex.location_heads, buf) {
        return EntityKind::Location;
    }
    let w = words[i];
    if n == 1 && (2..=6).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase()) {
        return EntityKind::Organization;
    }
    if (2..=3).contains(&n) && words[i..j].iter().all(|w| name_shaped(w)) {
        return EntityKind::Person;
    }
    EntityKind::Misc
}

/// "Chengcai", "O'Neill", "Frank-Walter", or an initial "M.": how personal names look.
fn name_shaped(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next().filter(|c| c.is_uppercase()) else {
        return false;
    };
    let rest = chars.as_str();
    if rest == "." {
        return first.is_alphabetic();
    }
    // Lowercase after the capital, except right after a hyphen or apostrophe.
    let mut prev = first;
    let ok = rest.chars().all(|c| {
        let fine = c.is_lowercase()
            || matches!(c, '-' | '\'' | '’')
            || (c.is_uppercase() && matches!(prev, '-' | '\'' | '’'));
        prev = c;
        fine
    });
    ok && !rest.is_empty()
}
