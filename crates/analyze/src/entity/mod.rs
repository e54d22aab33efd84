//! Named entities: find the names, attach titles and roles, link mentions.
//!
//! ```text
//! recognise (rules, or a trained EntityRecognizer) ─▶ mentions (name spans + kind)
//!   ─▶ roles: titles before a person ("U.S. Secretary of State John Kerry"),
//!             appositions after it ("Wan Chengcai, an expert on ..."),
//!             acronyms in brackets ("Islamic State (IS)")
//!   ─▶ coref: "Kerry" → "John Kerry", "Wan" → "Wan Chengcai", "IS" → "Islamic State"
//!   ─▶ Entity values with spans into the body
//! ```
//!
//! Every step works on token indices over the whole document ([`Doc`]),
//! so coreference can look across sentences; only the final step turns
//! token ranges into byte spans and strings.

mod coref;
mod initials;
mod openers;
mod roles;
mod rules;

use detente_core::{ActorCode, Entity, EntityKind, PosTag, Sentence, Span};

use crate::lexicon::{Lexicon, push_lower};
use crate::steps::{EntityRecognizer, MentionSpan};

/// The tokenised document the entity steps read.
pub struct Doc<'a> {
    pub text: &'a str,
    pub spans: &'a [Span],
    pub words: &'a [&'a str],
    pub tags: &'a [Option<PosTag>],
    pub sentences: &'a [Sentence],
}

impl<'a> Doc<'a> {
    pub fn new(
        text: &'a str,
        spans: &'a [Span],
        words: &'a [&'a str],
        tags: &'a [Option<PosTag>],
        sentences: &'a [Sentence],
    ) -> Self {
        Doc {
            text,
            spans,
            words,
            tags,
            sentences,
        }
    }

    /// The body text covering tokens `start..end`.
    fn text_of(&self, start: usize, end: usize) -> &'a str {
        if start >= end {
            return "";
        }
        Span::new(self.spans[start].start, self.spans[end - 1].end).text(self.text)
    }
}

/// One mention while the steps work on it; token indices over the document.
#[derive(Debug, Clone)]
struct Mention {
    /// Tokens of the whole mention, titles and premodifiers included.
    start: usize,
    end: usize,
    /// Tokens of the name itself.
    name: (usize, usize),
    kind: EntityKind,
    code: Option<ActorCode>,
    role: Option<(usize, usize)>,
    canonical: Option<String>,
    removed: bool,
}

impl Mention {
    fn new(start: usize, end: usize, kind: EntityKind, code: Option<ActorCode>) -> Self {
        Mention {
            start,
            end,
            name: (start, end),
            kind,
            code,
            role: None,
            canonical: None,
            removed: false,
        }
    }

    fn name_len(&self) -> usize {
        self.name.1 - self.name.0
    }
}

/// Finds the entities of `doc`, with the rules or with `model` where given.
pub fn find(doc: &Doc, model: Option<&dyn EntityRecognizer>) -> Vec<Entity> {
    let mut mentions = Vec::new();
    match model {
        Some(m) => from_model(doc, m, &mut mentions),
        None => rules::recognise(doc, &mut mentions),
    }
    roles::attach_titles(doc, &mut mentions);
    roles::attach_appositions(doc, &mut mentions);
    roles::acronyms(doc, &mut mentions);
    coref::resolve(doc, &mut mentions);
    mentions
        .iter()
        .filter(|m| !m.removed)
        .map(|m| to_entity(doc, m))
        .collect()
}

fn from_model(doc: &Doc, model: &dyn EntityRecognizer, out: &mut Vec<Mention>) {
    let lex = Lexicon::get();
    let mut found: Vec<MentionSpan> = Vec::new();
    let mut buf = String::new();
    for s in doc.sentences {
        let (a, b) = s.tokens;
        found.clear();
        model.recognize(&doc.words[a..b], &doc.tags[a..b], &mut found);
        found.retain(|f| f.start < f.end && f.end <= b - a);
        initials::repair(&doc.words[a..b], &mut found);
        openers::drop_spurious(&doc.words[a..b], &mut found);
        for f in found.iter().filter(|f| f.start < f.end && a + f.end <= b) {
            let (start, end) = (a + f.start, a + f.end);
            let place = lex
                .places
                .longest(&doc.words[..end], start, &mut buf)
                .filter(|(n, _)| start + n == end)
                .map(|(_, p)| *p);
            // CoNLL-2003 files nationalities under MISC; the gazetteer knows better.
            let kind = match place {
                Some(p) if p.kind == EntityKind::Norp && f.kind == EntityKind::Misc => p.kind,
                _ => f.kind,
            };
            out.push(Mention::new(start, end, kind, place.and_then(|p| p.code)));
        }
    }
}

fn to_entity(doc: &Doc, m: &Mention) -> Entity {
    let span = Span::new(doc.spans[m.start].start, doc.spans[m.end - 1].end);
    let mut e = Entity::new(span.text(doc.text), m.kind, span);
    e.canonical = m.canonical.clone();
    e.role = m.role.map(|(a, b)| doc.text_of(a, b).to_string());
    e.country = match m.kind {
        EntityKind::Organization => m.code.filter(|c| c.as_str().len() == 3),
        _ => m.code,
    };
    e
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `w`, lowercased, is in `set`.
fn lower_in(w: &str, set: &std::collections::HashSet<&'static str>, buf: &mut String) -> bool {
    buf.clear();
    push_lower(buf, w);
    set.contains(buf.as_str())
}

/// The number of tokens of a title (with its modifiers) starting at `i`
/// and ending by `limit`: "Deputy Foreign Minister" → 3.
fn title_len(
    words: &[&str],
    i: usize,
    limit: usize,
    lex: &Lexicon,
    buf: &mut String,
) -> Option<usize> {
    // At most three modifiers ("former deputy foreign minister"), which also
    // keeps the scan constant per token on text made of nothing but modifiers.
    let mut j = i;
    while j < limit && j < i + 3 && lower_in(words[j], &lex.title_modifiers, buf) {
        j += 1;
    }
    let (n, _) = lex.titles.longest(&words[..limit], j, buf)?;
    Some(j + n - i)
}

#[cfg(test)]
mod tests;
