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

pub mod brat;
pub mod eval;

use detente_core::{ActorCode, Article, EntityKind, Quote, QuoteKind, Span, TextAnalysis};

use crate::mentions::{Mention, MentionKind};
use crate::words::{DETERMINERS, PERSON_PRONOUNS, PREPOSITIONS, SPEECH_VERBS, is_in, is_punct};

/// How many tokens after a closing mark the attribution may start.
const ATTRIBUTION_REACH: usize = 12;

/// Verbs that attribute a direct quote beyond the speech verbs of reported
/// speech: `"...," he asked.`, `He continued, "..."`.
const QUOTE_CUES: &[&str] = &[
    "confessed",
    "echoed",
    "released",
    "issued",
    "asked",
    "asks",
    "ask",
    "continued",
    "continues",
    "concluded",
    "concludes",
    "tweeted",
    "tweets",
    "joked",
    "jokes",
    "quipped",
    "responded",
    "responds",
    "shouted",
    "yelled",
    "chanted",
    "chant",
    "admitted",
    "admits",
    "conceded",
    "concedes",
    "countered",
    "counters",
    "observed",
    "observes",
    "mused",
    "offered",
    "promised",
    "promises",
    "vowed",
    "vows",
    "recalls",
    "replies",
    "say",
    "wrote",
    "writes",
    "added",
    "adds",
    "told",
    "tells",
    "explained",
    "explains",
    "exclaimed",
    "declared",
    "boasted",
    "complained",
    "complains",
    "insisted",
    "insists",
    "predicted",
    "warned",
    "warns",
    "noted",
    "notes",
    "pointed",
    "points",
    "agreed",
    "agrees",
    "acknowledged",
    "acknowledges",
    "reiterated",
    "testified",
    "remarked",
    "remarks",
    "cried",
    "screamed",
    "whispered",
    "announced",
    "stated",
    "says",
    "said",
    "argued",
    "argues",
    "posted",
    "emailed",
    "texted",
    "muttered",
    "laughed",
    "summed",
    "put",
    "began",
    "begins",
    "went",
    "goes",
    "read",
    "reads",
    "wondered",
    "wonders",
    "thundered",
    "scoffed",
    "snapped",
    "recounted",
    "remembered",
    "explained",
];

/// The cue of a speaker taken from the sentence subject, not from a speech verb.
const SUBJECT: &str = "subject";

/// Participles that quote on behalf of the sentence's subject: `Clinton
/// spoke, telling the crowd, "..."`.
const PARTICIPLES: &[&str] = &[
    "telling",
    "writing",
    "reporting",
    "asking",
    "adding",
    "saying",
    "noting",
    "declaring",
    "arguing",
    "explaining",
    "tweeting",
    "posting",
    "insisting",
    "warning",
    "calling",
];

/// Verbs that put a quoted name on something: `called it a "tough spot"`.
const NAMING: &[&str] = &[
    "called",
    "calls",
    "calling",
    "described",
    "describes",
    "describing",
    "dubbed",
    "termed",
    "labeled",
    "labelled",
    "branded",
    "deemed",
    "hailed",
];

/// Words that end a speaker phrase read after its cue ("said one adviser, who ...").
const PHRASE_END: &[&str] = &[
    "who", "whose", "which", "that", "in", "on", "at", "during", "after", "before", "as", "when",
    "while", "because", "and",
];

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

    /// Spans of quoted text (without marks), each with its speaker.
    fn direct(&self) -> Vec<(Span, Option<Speaker>)> {
        let spans: Vec<Span> = self
            .marked_spans()
            .into_iter()
            .map(|s| trim(self.body, s))
            .filter(|s| s.text(self.body).chars().any(char::is_alphanumeric))
            .collect();
        let mut out: Vec<(Span, Option<Speaker>)> = Vec::new();
        for (i, s) in spans.iter().enumerate() {
            let next = spans.get(i + 1).map_or(self.body.len(), |n| n.start);
            let paragraph_end = self.paragraph_of(*s).map_or(next, |p| p.end);
            let ends_sentence = s.text(self.body).ends_with(['.', '?', '!']);
            let after = || self.after_quote(*s, next.min(paragraph_end));
            let mut speaker = if ends_sentence {
                self.before_quote(*s).or_else(after)
            } else {
                after().or_else(|| self.before_quote(*s))
            };
            if speaker.is_none() {
                speaker = self.introduced(*s);
            }
            if speaker.is_none()
                && i > 0
                && (self.same_paragraph(spans[i - 1], *s) || self.continues(spans[i - 1], *s))
            {
                speaker = out[i - 1].1.clone();
            }
            out.push((*s, speaker));
        }
        // A quote over several paragraphs is attributed once, usually at its end.
        for i in (0..out.len().saturating_sub(1)).rev() {
            let open_ended = self
                .paragraph_of(spans[i])
                .is_some_and(|p| p.end == spans[i].end);
            if out[i].1.is_none() && open_ended && self.continues(spans[i], spans[i + 1]) {
                out[i].1 = out[i + 1].1.clone();
            }
        }
        out
    }

    /// The text between matching marks, paragraph by paragraph.
    fn marked_spans(&self) -> Vec<Span> {
        let mut spans = Vec::new();
        let mut open: Option<usize> = None;
        let mut prev_end = 0;
        for p in &self.paragraphs {
            let text = p.text(self.body);
            // A quote left open at a paragraph's end is kept up to there if it
            // opened like a long quote; the next paragraph starts afresh either way.
            if let Some(o) = open.take() {
                spans.extend(self.open_ended(o, prev_end));
            }
            for (i, c) in text.char_indices() {
                let after = p.start + i + c.len_utf8();
                match c {
                    '"' => match open.take() {
                        Some(o) => spans.push(Span::new(o, after - 1)),
                        None => open = Some(after),
                    },
                    '“' => open = Some(after),
                    '”' => {
                        if let Some(o) = open.take() {
                            spans.push(Span::new(o, after - c.len_utf8()));
                        }
                    }
                    _ => {}
                }
            }
            prev_end = p.end;
        }
        if let Some(o) = open {
            spans.extend(self.open_ended(o, prev_end));
        }
        spans
    }

    /// The span of a quote still open at `end` (a paragraph's end): kept
    /// where its mark opened a paragraph or followed a colon or comma, and
    /// it has words; a stray mark mid-sentence is dropped.
    fn open_ended(&self, o: usize, end: usize) -> Option<Span> {
        (o < end
            && self.body[o..end].chars().any(char::is_alphanumeric)
            && self.opens_long_quote(o))
        .then(|| Span::new(o, end))
    }

    /// The speaker of a quote that opens its paragraph after a paragraph
    /// ending in a colon: "Cruz continued:" / "he declared:" / "Breitbart
    /// News responded:" — the last sentence there introduces it.
    fn introduced(&self, q: Span) -> Option<Speaker> {
        let k = self.paragraphs.partition_point(|p| p.end <= q.start);
        let (prev, here) = (
            self.paragraphs.get(k.checked_sub(1)?)?,
            self.paragraphs.get(k)?,
        );
        if q.start > here.start + '“'.len_utf8() || !prev.text(self.body).ends_with(':') {
            return None;
        }
        let sentence = self.text.sentence_at(prev.end - 1)?;
        let (start, end) = self.text.sentences[sentence].tokens;
        let cue = (start..end.min(self.words.len()))
            .rev()
            .find(|&j| self.is_cue(j) || (is_in(QUOTE_CUES, &self.words[j]) && self.is_lower(j)));
        cue.and_then(|v| self.speaker_of(v))
            .or_else(|| self.subject(start, end))
    }

    /// Whether the mark before byte `o` can open a quote that runs on into
    /// the next paragraph: it opens its paragraph or follows a colon or
    /// comma ("He said: “..."). A stray mark mid-sentence does not.
    fn opens_long_quote(&self, o: usize) -> bool {
        let before = self.body[..o]
            .trim_end_matches(['"', '“'])
            .trim_end_matches([' ', '\t']);
        before.is_empty() || before.ends_with(['\n', ':', ','])
    }

    /// Whether quote `b` opens the paragraph right after the one quote `a`
    /// ends: a speaker named once goes on speaking there.
    fn continues(&self, a: Span, b: Span) -> bool {
        let k = self.paragraphs.partition_point(|p| p.end <= b.start);
        let Some(p) = self.paragraphs.get(k) else {
            return false;
        };
        k > 0 && self.paragraphs[k - 1].contains(a) && b.start <= p.start + '“'.len_utf8()
    }

    fn same_paragraph(&self, a: Span, b: Span) -> bool {
        self.paragraph_of(a).is_some_and(|p| p.contains(b))
    }

    /// The paragraph containing `s` (paragraphs are disjoint and in order).
    fn paragraph_of(&self, s: Span) -> Option<Span> {
        let k = self.paragraphs.partition_point(|p| p.end < s.end);
        self.paragraphs.get(k).filter(|p| p.contains(s)).copied()
    }

    /// Global token index range of `span`.
    fn tokens_in(&self, span: Span) -> (usize, usize) {
        let t = &self.text.tokens;
        (
            t.partition_point(|x| x.span.end <= span.start),
            t.partition_point(|x| x.span.start < span.end),
        )
    }

    /// `"...," said Wan` / `"...," Wan said` / `"...," he said`.
    fn after_quote(&self, q: Span, next: usize) -> Option<Speaker> {
        let (_, from) = self.tokens_in(q);
        let limit = self
            .text
            .tokens
            .partition_point(|x| x.span.start < next)
            .min(from + ATTRIBUTION_REACH);
        let mut k = from;
        while k < limit && is_punct(&self.words[k]) {
            k += 1;
        }
        if k < limit && self.dash_before(k) {
            // `"..." ― Oscar P. Quintero`
            if let Some(m) = self.mention_starting(k) {
                let span = self.mentions[m].span;
                return Some(Speaker {
                    span,
                    cue: "―".into(),
                    mention: Some(m),
                    resolved: None,
                });
            }
        }
        let end = (k..limit)
            .find(|&j| matches!(self.words[j].as_str(), "." | "?" | "!" | ";" | "\"" | "“"))
            .unwrap_or(limit);
        let near = (k..end.min(k + 8)).find(|&j| self.is_cue(j) || self.is_quote_cue(j, k));
        // `"...," Doug Usher, director of research at X, said`: a cue after an apposition
        let v = near.or_else(|| {
            let named = k < end && !self.is_lower(k);
            (k + 6..end).find(|&j| {
                named && self.words[j - 1] == "," && (self.is_cue(j) || self.is_quote_cue(j, k))
            })
        })?;
        if self.words[v..].first().is_some_and(|w| w == "saying") {
            return None;
        }
        self.speaker_of(v)
    }

    /// Whether a dash stands between the token before `k` and `k`.
    fn dash_before(&self, k: usize) -> bool {
        let end = k
            .checked_sub(1)
            .map_or(0, |p| self.text.tokens[p].span.start);
        let gap =
            &self.body[end.min(self.text.tokens[k].span.start)..self.text.tokens[k].span.start];
        gap.contains(['―', '—']) || gap.contains("--")
    }

    /// A verb of [`QUOTE_CUES`] at `j`, right after the quote (from `k`) or
    /// after a short phrase that names the speaker: `"...," he asked`,
    /// `"...," Sen. Chuck Schumer (D-N.Y.) said Tuesday`.
    fn is_quote_cue(&self, j: usize, k: usize) -> bool {
        let tagged_verb = self.text.tokens[j]
            .tag
            .is_some_and(|t| matches!(t.as_str(), "VBD" | "VBZ"))
            && self
                .mention_starting(k)
                .is_some_and(|m| self.mentions[m].tokens.1 == j);
        (is_in(QUOTE_CUES, &self.words[j]) || tagged_verb)
            && self.is_lower(j)
            && (k..j).all(|x| {
                !is_in(QUOTE_CUES, &self.words[x])
                    && !matches!(self.words[x].as_str(), "\"" | "“" | "”" | "." | ";")
            })
    }

    /// `X said in a statement that "..."` / `X said: "..."`.
    fn before_quote(&self, q: Span) -> Option<Speaker> {
        let (first, _) = self.tokens_in(q);
        let sentence = self.text.sentence_at(q.start.saturating_sub(1))?;
        let start = self.text.sentences[sentence].tokens.0;
        let cue = (start..first)
            .rev()
            .take(ATTRIBUTION_REACH)
            .find(|&j| self.is_cue(j) || (is_in(QUOTE_CUES, &self.words[j]) && self.is_lower(j)));
        let naming = (start..first)
            .rev()
            .take(6)
            .find(|&j| is_in(NAMING, &self.words[j]));
        if let Some(v) = naming.filter(|&v| cue.is_none_or(|c| v > c)) {
            // `Kerry called it a "tough spot"`: the subject names, and is the speaker
            let cue = self.text.tokens[v].span.text(self.body).to_string();
            return self.subject(start, first).map(|s| Speaker { cue, ..s });
        }
        match cue {
            Some(v) if !is_in(PARTICIPLES, &self.words[v]) => self.speaker_of(v),
            // `Clinton ..., telling the crowd, "..."`, `Moore thanked him for "..."`
            _ => self.subject(start, first),
        }
    }

    /// The subject of a sentence that quotes without a speech verb next to
    /// the quote: a mention or a personal pronoun among its first words.
    fn subject(&self, start: usize, first: usize) -> Option<Speaker> {
        let reach = first.min(start + 6);
        let cue = SUBJECT.to_string();
        let k = self.mentions.partition_point(|m| m.tokens.0 < start);
        if let Some(m) = self.mentions.get(k).filter(|m| {
            m.tokens.0 < reach && m.tokens.1 <= first && !shouted(m.span.text(self.body))
        }) {
            let i = k;
            return Some(Speaker {
                span: m.span,
                cue,
                mention: Some(i),
                resolved: None,
            });
        }
        let p = (start..reach).find(|&j| matches!(self.words[j].as_str(), "he" | "she"))?;
        let span = self.text.tokens[p].span;
        let resolved = self.last_person_before(span.start);
        Some(Speaker {
            span,
            cue,
            mention: None,
            resolved,
        })
    }

    /// The speaker of the speech verb at global token `v`.
    fn speaker_of(&self, v: usize) -> Option<Speaker> {
        let cue = self.text.tokens[v].span.text(self.body).to_string();
        let sentence_start = self
            .text
            .sentence_at(self.text.tokens[v].span.start)
            .map_or(0, |s| self.text.sentences[s].tokens.0);
        let sentence_end = self
            .text
            .sentence_at(self.text.tokens[v].span.start)
            .map_or(self.words.len(), |s| self.text.sentences[s].tokens.1);
        // "..., said Wan", "\"...,\" said the ministry": inverted only after punctuation
        let mut k = v + 1;
        while k < sentence_end && self.words[k] == "the" {
            k += 1;
        }
        // "told X" names the hearer after the verb, never the speaker
        let hearer_follows = matches!(
            self.words[v].as_str(),
            "told" | "tells" | "tell" | "asked" | "asks" | "ask" | "urged" | "urges"
        );
        if !hearer_follows
            && k < sentence_end
            && let Some(m) = self.mention_starting(k)
            && self.inverted(v, m, sentence_start, sentence_end)
        {
            // "said MSNBC host Chris Matthews": the person the phrase ends with
            let m = self.person_in_phrase(m, sentence_end).unwrap_or(m);
            return Some(Speaker {
                span: self.mentions[m].span,
                cue,
                mention: Some(m),
                resolved: None,
            });
        }
        if let Some(found) = self
            .phrase_after(v, sentence_start, sentence_end)
            .filter(|_| !hearer_follows)
        {
            return Some(Speaker {
                span: found,
                cue,
                mention: None,
                resolved: None,
            });
        }
        // "Wan said", "Zhang, an expert on Europe, said", "he said", "analysts said"
        let mut j = v;
        while j > sentence_start
            && (self.words[j - 1].ends_with("ly") || self.words[j - 1] == "also")
        {
            j -= 1;
        }
        if j > sentence_start && self.words[j - 1] == ")" {
            // "Sen. Chuck Schumer (D-N.Y.) said": skip the parenthesis
            if let Some(open) = (sentence_start..j - 1)
                .rev()
                .take(8)
                .find(|&x| self.words[x] == "(")
            {
                j = open;
            }
        }
        if j > sentence_start + 1
            && self.words[j - 1] == ","
            && let Some(m) = self
                .mention_ending(j - 2)
                .or_else(|| self.before_parenthesis(j - 2, sentence_start))
            && matches!(
                self.mentions[m].kind,
                MentionKind::Person | MentionKind::Unknown
            )
        {
            // "Gov. John Kasich (R-OH), said": the comma closes the name itself
            return Some(Speaker {
                span: self.mentions[m].span,
                cue,
                mention: Some(m),
                resolved: None,
            });
        }
        if j > sentence_start && self.words[j - 1] == "," {
            // skip an apposition back to its opening comma
            let open = (sentence_start..j - 1)
                .rev()
                .take(16)
                .find(|&x| self.words[x] == ",")?;
            j = open;
        }
        let prev = j.checked_sub(1).filter(|&p| p >= sentence_start)?;
        if let Some(m) = self.mention_ending(prev) {
            return Some(Speaker {
                span: self.mentions[m].span,
                cue,
                mention: Some(m),
                resolved: None,
            });
        }
        let w = self.words[prev].as_str();
        if matches!(w, "he" | "she") {
            let at = self.text.tokens[prev].span.start;
            let name = self.last_person_before(at);
            return Some(Speaker {
                span: self.text.tokens[prev].span,
                cue,
                mention: None,
                resolved: name,
            });
        }
        if is_punct(w)
            || is_in(DETERMINERS, w)
            || is_in(PREPOSITIONS, w)
            || w == "it"
            || w == "they"
        {
            return None;
        }
        // a bare noun phrase: up to two modifiers before the noun
        let mut s = prev;
        while s > sentence_start
            && prev - s < 2
            && !is_punct(&self.words[s - 1])
            && !is_in(DETERMINERS, &self.words[s - 1])
            && !is_in(PREPOSITIONS, &self.words[s - 1])
            && !self.words[s - 1].ends_with("ly")
            && self.is_lower(s - 1)
        {
            s -= 1;
        }
        // "once said", "Speaking Sunday, said": no noun phrase, no speaker
        if !self.nominal(prev) || self.words[s].ends_with("ing") || self.words[prev] == "once" {
            return None;
        }
        let span = self.text.tokens[s].span.cover(self.text.tokens[prev].span);
        Some(Speaker {
            span,
            cue,
            mention: None,
            resolved: None,
        })
    }

    /// The last person mention of the phrase that starts with mention `m`
    /// and runs to the next punctuation or clause word.
    fn person_in_phrase(&self, m: usize, end: usize) -> Option<usize> {
        let stop = (self.mentions[m].tokens.0..end)
            .find(|&x| is_punct(&self.words[x]) || is_in(PHRASE_END, &self.words[x]))
            .unwrap_or(end);
        (m..self.mentions.len())
            .take_while(|&i| self.mentions[i].tokens.1 <= stop)
            .filter(|&i| self.mentions[i].kind == MentionKind::Person)
            .last()
    }

    /// The mention closed by the parenthesis ending at token `k`: "Sen.
    /// Chuck Schumer (D-N.Y.)".
    fn before_parenthesis(&self, k: usize, start: usize) -> Option<usize> {
        if self.words[k] != ")" {
            return None;
        }
        let open = (start..k).rev().take(8).find(|&x| self.words[x] == "(")?;
        self.mention_ending(open.checked_sub(1)?)
    }

    /// The phrase after an inverted cue that no mention covers: `"...," said
    /// one of those advisers, who ...` → "one of those advisers".
    fn phrase_after(&self, v: usize, start: usize, end: usize) -> Option<Span> {
        let prev = if v > start {
            self.words[v - 1].as_str()
        } else {
            ""
        };
        if !matches!(prev, "\"" | "”" | "''" | ",") || v + 1 >= end {
            return None;
        }
        let first = v + 1;
        let last = (first..end.min(first + 8))
            .take_while(|&x| !is_punct(&self.words[x]) && !is_in(PHRASE_END, &self.words[x]))
            .last()?;
        (self.nominal(last) && !matches!(self.words[first].as_str(), "it" | "that" | "in" | "on"))
            .then(|| {
                self.text.tokens[first]
                    .span
                    .cover(self.text.tokens[last].span)
            })
    }

    /// Whether token `k` can end a noun phrase: a noun or pronoun by its tag
    /// where tagged, else not an adverb, conjunction or time word.
    fn nominal(&self, k: usize) -> bool {
        let w = self.words[k].as_str();
        if matches!(
            w,
            "then"
                | "and"
                | "or"
                | "but"
                | "later"
                | "earlier"
                | "before"
                | "after"
                | "week"
                | "today"
                | "yesterday"
                | "tonight"
        ) || w.ends_with("day")
        {
            return false;
        }
        self.text.tokens[k]
            .tag
            .is_none_or(|t| t.is_noun() || matches!(t.as_str(), "PRP" | "CD"))
    }

    /// Whether the speech verb at `v` has its speaker `m` after it: `"...," said
    /// Wan` (after a closing mark) or `..., said Wan.` (the mention closes the clause).
    fn inverted(&self, v: usize, m: usize, start: usize, end: usize) -> bool {
        let prev = if v > start {
            self.words[v - 1].as_str()
        } else {
            ""
        };
        let after = self.mentions[m].tokens.1;
        matches!(prev, "\"" | "”" | "''")
            || (prev == ","
                && (after >= end || matches!(self.words[after].as_str(), "," | "." | ";")))
    }

    /// A speech verb written in lower case ("States" in "United States" is not one).
    fn is_cue(&self, k: usize) -> bool {
        is_in(SPEECH_VERBS, &self.words[k]) && self.is_lower(k)
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

    fn last_person_before(&self, at: usize) -> Option<String> {
        let i = self
            .persons
            .partition_point(|&m| self.mentions[m].span.end <= at);
        let m = &self.mentions[*self.persons[..i].last()?];
        Some(self.fullest(&m.name))
    }

    /// Reported speech: sentences with a speech verb outside direct quotes.
    fn indirect(&self, inside: &dyn Fn(usize) -> bool) -> Vec<(Span, Speaker)> {
        let mut out = Vec::new();
        for s in &self.text.sentences {
            let (a, b) = (s.tokens.0, s.tokens.1.min(self.words.len()));
            let mut last_speaker: Option<Speaker> = None;
            for v in a..b {
                let w = self.words[v].as_str();
                let at = self.text.tokens[v].span.start;
                if inside(at) {
                    continue;
                }
                if w == "according" && v + 1 < b && self.words[v + 1] == "to" {
                    if let Some(found) = self.according_to(v, a, b) {
                        out.push(found);
                    }
                    continue;
                }
                if !self.is_cue(v) {
                    continue;
                }
                let speaker = if matches!(w, "adding" | "saying")
                    || (w == "added" && v > a && self.words[v - 1] == ",")
                {
                    last_speaker.clone()
                } else {
                    self.speaker_of(v)
                };
                let Some(speaker) = speaker else { continue };
                last_speaker = Some(speaker.clone());
                let participle = matches!(w, "adding" | "saying") || w.ends_with("ing");
                let inverted = speaker.span.start > at;
                // content after the cue: "X said (that) ...", "saying that ..."
                let mut c = v + 1;
                if !inverted && c < b && self.words[c] != "," {
                    while c < b
                        && matches!(
                            self.words[c].as_str(),
                            "that" | "reporters" | "on" | "in" | "a" | "statement" | "to"
                        )
                    {
                        c += 1;
                    }
                    let end = (c..b)
                        .find(|&k| {
                            inside(self.text.tokens[k].span.start) || (k > c + 2 && self.is_cue(k))
                        })
                        .unwrap_or(b);
                    // Reported content is a clause: "said on Tuesday, in the
                    // worst clash in decades" or "told reporters after the
                    // meeting" name only when and where something was said.
                    if end > c + 2
                        && !inside(self.text.tokens[c].span.start)
                        && self.has_verb(c, end)
                    {
                        out.push((self.content(c, end), speaker.clone()));
                    }
                }
                // content before the cue: "..., X said"
                let mut lead = self.tokens_in(speaker.span).0.min(v);
                // "..., the army said": the determiner opens the speaker's phrase.
                while lead > a && is_in(DETERMINERS, &self.words[lead - 1]) {
                    lead -= 1;
                }
                if !participle
                    && lead > a + 2
                    && self.words[lead - 1] == ","
                    && !inside(self.text.tokens[a].span.start)
                {
                    let start = if matches!(
                        self.words[a].as_str(),
                        "however" | "moreover" | "but" | "meanwhile"
                    ) && a + 1 < lead
                        && self.words[a + 1] == ","
                    {
                        a + 2
                    } else {
                        a
                    };
                    // "MOSCOW, June 16 -- ...": a dateline is not what was said.
                    let start = (start..(start + 10).min(lead - 1))
                        .find(|&k| matches!(self.words[k].as_str(), "--" | "—" | "–"))
                        .map_or(start, |k| k + 1);
                    out.push((self.content(start, lead - 1), speaker));
                }
            }
        }
        out
    }

    /// "according to X, ..." or "..., according to X".
    fn according_to(&self, v: usize, a: usize, b: usize) -> Option<(Span, Speaker)> {
        let mut k = v + 2;
        while k < b && is_in(DETERMINERS, &self.words[k]) {
            k += 1;
        }
        let m = self.mention_starting(k);
        let span = m.map_or(self.text.tokens[k.min(b - 1)].span, |m| {
            self.mentions[m].span
        });
        let speaker = Speaker {
            span,
            cue: "according to".to_string(),
            mention: m,
            resolved: None,
        };
        let after = m.map_or(k + 1, |m| self.mentions[m].tokens.1);
        if v > a + 2 {
            Some((self.content(a, v.saturating_sub(1).max(a + 1)), speaker))
        } else if after + 2 < b {
            let c = if self.words[after] == "," {
                after + 1
            } else {
                after
            };
            Some((self.content(c, b), speaker))
        } else {
            None
        }
    }

    /// Whether tokens `from..to` hold a verb, where the analysis tagged them
    /// (untagged text is given the benefit of the doubt).
    fn has_verb(&self, from: usize, to: usize) -> bool {
        let tokens = &self.text.tokens[from..to];
        tokens.iter().all(|t| t.tag.is_none())
            || tokens
                .iter()
                .any(|t| t.tag.is_some_and(|tag| tag.is_verb()))
    }

    /// The span of tokens `from..to`, without trailing punctuation.
    fn content(&self, from: usize, mut to: usize) -> Span {
        while to > from + 1 && is_punct(&self.words[to - 1]) {
            to -= 1;
        }
        self.text.tokens[from]
            .span
            .cover(self.text.tokens[to - 1].span)
    }

    /// The fullest person name in the document containing `name`'s last word.
    fn fullest(&self, name: &str) -> String {
        let last = name.split_whitespace().last().unwrap_or(name);
        self.names
            .get(last)
            .filter(|n| n.len() >= name.len())
            .cloned()
            .unwrap_or_else(|| name.to_string())
    }

    /// The description an apposition gave the person: "Wan Chengcai, an expert on ...".
    fn description(&self, full: &str) -> Option<String> {
        if let Some(d) = self.descriptions.borrow().get(full) {
            return d.clone();
        }
        let d = self.find_description(full);
        self.descriptions
            .borrow_mut()
            .insert(full.to_string(), d.clone());
        d
    }

    fn find_description(&self, full: &str) -> Option<String> {
        if let Some(role) = self
            .text
            .entities
            .iter()
            .find(|e| e.name() == full)
            .and_then(|e| e.role.clone())
        {
            return Some(role);
        }
        let at = self.body.find(full)? + full.len();
        let rest = self.body[at..].strip_prefix(", ")?;
        let end = rest.find([',', '.', ';', '\n']).unwrap_or(rest.len());
        let phrase = &rest[..end];
        let first = phrase.split_whitespace().next()?;
        (matches!(first, "a" | "an" | "the")
            || first.chars().next().is_some_and(char::is_lowercase))
        .then(|| phrase.to_string())
        .filter(|p| !p.split_whitespace().any(|w| is_in(SPEECH_VERBS, w)))
    }

    fn quote(&self, kind: QuoteKind, span: Span, speaker: Option<&Speaker>) -> Quote {
        let (name, actor, description) = match speaker {
            None => (None, None, None),
            Some(s) => self.resolve(s),
        };
        Quote {
            kind,
            text: span.text(self.body).to_string(),
            speaker: name,
            speaker_description: description,
            speaker_actor: actor,
            cue: speaker.map(|s| s.cue.clone()),
            speaker_span: speaker.map(|s| s.span),
            span,
        }
    }

    fn resolve(&self, s: &Speaker) -> (Option<String>, Option<ActorCode>, Option<String>) {
        if let Some(name) = &s.resolved {
            let actor = self.actors.get(name.as_str()).copied();
            return (Some(name.clone()), actor, self.description(name));
        }
        let raw = s.span.text(self.body);
        let raw = raw
            .strip_prefix("the ")
            .or_else(|| raw.strip_prefix("The "))
            .unwrap_or(raw);
        match s.mention.map(|m| &self.mentions[m]) {
            Some(m) if matches!(m.kind, MentionKind::Person | MentionKind::Unknown) => {
                let full = self.fullest(&m.name);
                let actor = m.actor.or_else(|| self.actors.get(full.as_str()).copied());
                let desc = self.description(&full);
                (Some(full), actor, desc)
            }
            Some(m) => (Some(raw.to_string()), m.actor, None),
            None if raw.chars().next().is_some_and(char::is_uppercase)
                && raw.split_whitespace().count() == 1
                && !raw.chars().all(|c| c.is_uppercase())
                && self.looks_like_name(raw) =>
            {
                let full = self.fullest(raw);
                let desc = self.description(&full);
                (Some(full), None, desc)
            }
            // "he" with nobody named before: unresolved, though `speaker_span` shows the word
            None if is_in(PERSON_PRONOUNS, &raw.to_lowercase()) => (None, None, None),
            None => (Some(raw.to_string()), None, None),
        }
    }

    /// Whether a capitalised word is a surname used elsewhere in a longer name.
    fn looks_like_name(&self, word: &str) -> bool {
        self.fullest(word) != word
    }
}

/// Whether marked text is a quotation rather than a name in marks: a
/// title ("Silent Night."), a handle, a number, a link, or a scare-quoted
/// word without a speaker ("the so-called "experts"").
fn is_quotation(text: &str, has_speaker: bool) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let wordy = words
        .iter()
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.contains(['/', '@']));
    if !wordy {
        return false;
    }
    let title = words.iter().all(|w| {
        w.chars().next().is_some_and(|c| !c.is_lowercase())
            || matches!(
                *w,
                "of" | "the" | "a" | "an" | "and" | "in" | "on" | "for" | "to" | "with"
            )
    });
    if has_speaker {
        // `said on "Meet the Press."`: a name in marks, even next to a speech verb
        return !(title && (2..=5).contains(&words.len()));
    }
    words.len() >= 4 && !(title && words.len() < 10)
}

/// Whether a phrase is written in capitals (a headline or dateline), not a name.
fn shouted(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    letters > 4 && text.chars().filter(|c| c.is_uppercase()).count() == letters
}

/// `span` without surrounding whitespace.
fn trim(body: &str, s: Span) -> Span {
    let t = s.text(body);
    let lead = t.len() - t.trim_start().len();
    let tail = t.len() - t.trim_end().len();
    if lead + tail >= t.len() {
        Span::new(s.start, s.start)
    } else {
        Span::new(s.start + lead, s.end - tail)
    }
}
