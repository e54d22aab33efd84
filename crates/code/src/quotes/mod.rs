//! Quotations and reported speech with their speakers.
//!
//! Direct quotes are found by one pass over the quotation marks of each
//! paragraph (straight `"` toggles, curly `“ ”` open and close). A quote
//! still open at a paragraph's end continues only if it opened its paragraph
//! (or followed a colon or comma) and the next paragraph opens with a mark
//! (the convention for quotes over several paragraphs); otherwise the stray
//! mark is dropped there, so one unbalanced mark never derails the rest of
//! the document. Single quotes are ignored: they are mostly apostrophes
//! ("firms' profits").
//!
//! A direct quote's speaker is looked for, in order: after the closing mark
//! (`"...," he said`, `"...," said one adviser, who ...`, `"...," Sen. X
//! (D-N.Y.) said`, `"..." ― Name`), before the opening mark in the same
//! sentence (`X said: "..."`, `X called it a "tough spot"`, or the
//! sentence subject: `X spoke, telling the crowd, "..."`), in a paragraph
//! ending with a colon just before (`Cruz continued:`), and else from the
//! quote before it in the paragraph, or in the paragraph before when this
//! one opens with the quote (a speaker goes on speaking). Pieces of a quote
//! split by its attribution or running over paragraphs share the speaker.
//! Marked text that is not a quotation is dropped: titles in marks, handles,
//! numbers, links, and short scare-quoted phrases nobody is said to say.
//!
//! Reported speech is read from each sentence around a speech verb: "X said
//! (that) ...", "..., X said", "X noted, saying ...", ", adding that ...",
//! "according to X". The speaker is the phrase next to the cue (skipping an
//! apposition: "Zhang, an expert on Europe, said"), a pronoun resolved to the
//! last person named, or a bare noun ("analysts"); it is reported by its
//! fullest name in the document with the description that introduced it.
//! A pronoun with nobody named before it stays unresolved (`speaker` is
//! `None`; `speaker_span` still shows the word).
//!
//! [`eval`] scores all this on PolNeAR for `detente eval quotes`.
//!
//! Everything is linear: each mark and token is visited a bounded number of
//! times.
//!
//! Where each part lives:
//!
//! - this file: the entry point [`quotes`], the speaker as found
//!   (`Speaker`), the per-article state (`Quoter`: names, persons, actors,
//!   paragraphs, lowercased words) and its token and mention lookups;
//! - `marks`: quotation marks paired into spans, quotes open at a
//!   paragraph's end or running over paragraphs, and whether marked text is
//!   a quotation;
//! - `cues`: the cue word lists and the tests for a cue at a token;
//! - `direct`: direct quotes and their speakers around the marks;
//! - `speaker`: the speaker next to a speech verb;
//! - `indirect`: reported speech and "according to";
//! - `names`: speakers resolved to names, actors and descriptions, and the
//!   [`Quote`] built from them;
//! - [`brat`] and [`eval`]: PolNeAR's brat files and the scoring.

pub mod brat;
mod cues;
mod direct;
pub mod eval;
mod indirect;
mod marks;
mod names;
mod speaker;

use detente_core::{ActorCode, Article, EntityKind, Quote, QuoteKind, Span, TextAnalysis};

use crate::mentions::{Mention, MentionKind};

use cues::SUBJECT;
use marks::is_quotation;

/// The quotes of one article.
pub fn quotes(article: &Article, text: &TextAnalysis, mentions: &[Mention]) -> Vec<Quote> {
    let q = Quoter::new(article, text, mentions);
    let mut direct = q.direct();
    // A speaker guessed from the sentence subject does not make a scare-quoted word a quotation.
    direct.retain(|(span, speaker)| {
        let attributed = speaker.as_ref().is_some_and(|s| s.cue != SUBJECT);
        is_quotation(span.text(&article.body), attributed)
    });
    let mut out = Vec::new();
    for (span, speaker) in &direct {
        out.push(q.quote(QuoteKind::Direct, *span, speaker.as_ref()));
    }
    // Direct quotes are disjoint and in text order: a binary search finds the one at `i`.
    let inside = |i: usize| {
        let k = direct.partition_point(|(s, _)| s.end <= i);
        k < direct.len() && direct[k].0.start <= i
    };
    for (span, speaker) in q.indirect(&inside) {
        out.push(q.quote(QuoteKind::Indirect, span, Some(&speaker)));
    }
    out.sort_by_key(|x| (x.span.start, x.kind == QuoteKind::Indirect));
    out
}

/// A speaker as found in the text: the words and the cue.
#[derive(Debug, Clone)]
struct Speaker {
    span: Span,
    cue: String,
    /// The mention the words belong to, if any.
    mention: Option<usize>,
    /// The name a pronoun was resolved to.
    resolved: Option<String>,
}

/// One article made ready for quote finding; its methods live in the
/// submodules, each by its job.
struct Quoter<'a> {
    /// Fullest person name by last word, built once: quotes look names up often.
    names: std::collections::HashMap<String, String>,
    /// Descriptions found so far, by fullest name.
    descriptions: std::cell::RefCell<std::collections::HashMap<String, Option<String>>>,
    body: &'a str,
    text: &'a TextAnalysis,
    mentions: &'a [Mention],
    /// Indices of the person mentions, for "he said" in one binary search.
    persons: Vec<usize>,
    /// Actor code by mention name, for speakers resolved to a name.
    actors: std::collections::HashMap<&'a str, ActorCode>,
    paragraphs: Vec<Span>,
    words: Vec<String>,
}

impl<'a> Quoter<'a> {
    fn new(article: &'a Article, text: &'a TextAnalysis, mentions: &'a [Mention]) -> Self {
        let body = article.body.as_str();
        let paragraphs = if article.paragraphs.is_empty() {
            detente_core::article::paragraph_spans(body)
        } else {
            article.paragraphs.clone()
        };
        let words = text
            .tokens
            .iter()
            .map(|t| t.span.text(body).to_lowercase().replace('’', "'"))
            .collect();
        let mut names: std::collections::HashMap<String, String> = std::collections::HashMap::new();
        let entity_names = text
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| e.name());
        let mention_names = mentions
            .iter()
            .filter(|m| matches!(m.kind, MentionKind::Person | MentionKind::Unknown))
            .map(|m| m.name.as_str());
        for n in entity_names.chain(mention_names) {
            for w in n.split_whitespace() {
                let slot = names.entry(w.to_string()).or_insert_with(|| n.to_string());
                if (n.len(), std::cmp::Reverse(n)) > (slot.len(), std::cmp::Reverse(slot.as_str()))
                {
                    *slot = n.to_string();
                }
            }
        }
        let persons = (0..mentions.len())
            .filter(|&i| mentions[i].kind == MentionKind::Person)
            .collect();
        let mut actors = std::collections::HashMap::new();
        for m in mentions {
            if let Some(a) = m.actor {
                actors.entry(m.name.as_str()).or_insert(a);
            }
        }
        Quoter {
            names,
            descriptions: Default::default(),
            body,
            text,
            mentions,
            persons,
            actors,
            paragraphs,
            words,
        }
    }

    /// Global token index range of `span`.
    fn tokens_in(&self, span: Span) -> (usize, usize) {
        let t = &self.text.tokens;
        (
            t.partition_point(|x| x.span.end <= span.start),
            t.partition_point(|x| x.span.start < span.end),
        )
    }

    fn is_lower(&self, k: usize) -> bool {
        self.text.tokens[k]
            .span
            .text(self.body)
            .chars()
            .all(|c| c.is_lowercase() || !c.is_alphabetic())
    }

    fn mention_starting(&self, k: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.tokens.0 < k);
        (i < self.mentions.len() && self.mentions[i].tokens.0 == k).then_some(i)
    }

    fn mention_ending(&self, k: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.tokens.1 <= k);
        (i < self.mentions.len()
            && self.mentions[i].tokens.1 == k + 1
            && self.mentions[i].tokens.0 <= k)
            .then_some(i)
    }
}
