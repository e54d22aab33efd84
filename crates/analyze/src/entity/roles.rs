//! Titles, roles, countries and acronyms attached to mentions.
//!
//! - **Titles**: a title ending right before a person's name becomes the
//!   person's role and joins the mention; so does an honorific ("Mr.").
//!   A place or nationality right before the title ("U.S.", "German",
//!   "Russia's") gives the person a country and joins the mention too, so
//!   "U.S. Secretary of State John Kerry" is one mention, role "Secretary
//!   of State", country USA, name "John Kerry".
//! - **Appositions**: ", an expert on Russian foreign policy" after a name
//!   is its role when a person noun heads it (within its first words); the
//!   article is dropped. A `misc` name with such a role becomes a person.
//! - **Acronyms**: "Islamic State (IS)": the bracketed capitals become a
//!   mention of the same kind whose canonical name is the full one.

use detente_core::EntityKind;

use super::{Doc, Mention, lower_in, starts_upper, title_len};
use crate::lexicon::Lexicon;

/// How far left of a name a title may start.
const MAX_TITLE: usize = 7;
/// The longest apposition taken as a role, in tokens.
const MAX_APPOSITION: usize = 14;

pub(super) fn attach_titles(doc: &Doc, mentions: &mut [Mention]) {
    let lex = Lexicon::get();
    let mut buf = String::new();
    for m in 0..mentions.len() {
        if mentions[m].kind != EntityKind::Person || mentions[m].role.is_some() {
            continue;
        }
        let name_start = mentions[m].start;
        let sent_start = sentence_start(doc, name_start);
        let from = name_start.saturating_sub(MAX_TITLE).max(sent_start);
        let title = (from..name_start)
            .find(|&q| title_len(doc.words, q, name_start, lex, &mut buf) == Some(name_start - q));
        let mut start = name_start;
        if let Some(q) = title {
            mentions[m].role = Some((q, name_start));
            start = q;
        } else if start > sent_start && lower_in(doc.words[start - 1], &lex.honorifics, &mut buf) {
            start -= 1;
        }
        if title.is_some()
            && let Some(p) = premodifier(doc, mentions, start)
        {
            mentions[m].code = mentions[p].code;
            start = mentions[p].start;
            mentions[p].removed = true;
        }
        mentions[m].start = start;
    }
}

/// The place or nationality mention that ends right before token `start`
/// (or before "'s" there), if it names a country.
fn premodifier(doc: &Doc, mentions: &[Mention], start: usize) -> Option<usize> {
    let possessive = start > 0 && matches!(doc.words[start - 1], "'s" | "’s");
    let end = if possessive { start - 1 } else { start };
    // Mentions are in text order: look at the few that start before `end`.
    let upto = mentions.partition_point(|p| p.start < end);
    (upto.saturating_sub(3)..upto).rev().find(|&i| {
        let p = &mentions[i];
        p.end == end
            && !p.removed
            && p.code.is_some()
            && matches!(p.kind, EntityKind::Location | EntityKind::Norp)
    })
}

fn sentence_start(doc: &Doc, token: usize) -> usize {
    let i = doc.sentences.partition_point(|s| s.tokens.1 <= token);
    doc.sentences.get(i).map_or(0, |s| s.tokens.0)
}

fn sentence_end(doc: &Doc, token: usize) -> usize {
    let i = doc.sentences.partition_point(|s| s.tokens.1 <= token);
    doc.sentences.get(i).map_or(doc.words.len(), |s| s.tokens.1)
}

pub(super) fn attach_appositions(doc: &Doc, mentions: &mut [Mention]) {
    let lex = Lexicon::get();
    let mut buf = String::new();
    for m in mentions.iter_mut() {
        if m.removed || m.role.is_some() || !matches!(m.kind, EntityKind::Person | EntityKind::Misc)
        {
            continue;
        }
        let end = sentence_end(doc, m.end - 1);
        if let Some(role) = apposition(doc, m.end, end, lex, &mut buf) {
            m.role = Some(role);
            m.kind = EntityKind::Person;
        }
    }
}

/// The role tokens of an apposition starting at token `i` (the comma), if any.
pub(super) fn apposition(
    doc: &Doc,
    i: usize,
    b: usize,
    lex: &Lexicon,
    buf: &mut String,
) -> Option<(usize, usize)> {
    let words = &doc.words;
    if i >= b || words[i] != "," {
        return None;
    }
    let mut k = i + 1;
    let det = k < b && matches!(words[k], "a" | "an" | "the");
    if det {
        k += 1;
    }
    let mut e = k;
    while e < b && e - k < MAX_APPOSITION && !ends_apposition(words[e]) {
        e += 1;
    }
    if e == k || e - k >= MAX_APPOSITION {
        return None;
    }
    let headed = words[k..e.min(k + 4)]
        .iter()
        .any(|w| lower_in(w, &lex.person_nouns, buf));
    let opens_well = det || !starts_upper(words[k]) || lower_in(words[k], &lex.person_nouns, buf);
    (headed && opens_well).then_some((k, e))
}

fn ends_apposition(w: &str) -> bool {
    matches!(
        w,
        "," | "." | ";" | ":" | "(" | ")" | "\"" | "“" | "”" | "!" | "?" | "--" | "—" | "–"
    )
}

pub(super) fn acronyms(doc: &Doc, mentions: &mut Vec<Mention>) {
    let words = &doc.words;
    let mut added = Vec::new();
    for m in mentions.iter().filter(|m| !m.removed) {
        let (open, acr, close) = (m.end, m.end + 1, m.end + 2);
        if close >= words.len()
            || words[open] != "("
            || words[close] != ")"
            || !is_acronym(words[acr])
        {
            continue;
        }
        let mut a = Mention::new(acr, acr + 1, m.kind, m.code);
        a.canonical = Some(doc.text_of(m.name.0, m.name.1).to_string());
        added.push(a);
    }
    mentions.sort_by_key(|m| m.start);
    for a in added {
        let at = mentions.partition_point(|m| m.start < a.start);
        match mentions[at..]
            .iter_mut()
            .take_while(|m| m.start == a.start)
            .find(|m| !m.removed)
        {
            Some(m) => {
                m.kind = a.kind;
                m.code = m.code.or(a.code);
                m.canonical = a.canonical;
            }
            None => mentions.push(a),
        }
    }
}

fn is_acronym(w: &str) -> bool {
    w.len() >= 2
        && w.chars()
            .all(|c| c.is_uppercase() || c == '.' || c.is_ascii_digit())
        && w.chars().any(char::is_uppercase)
}
