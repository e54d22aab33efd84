//! Direct quotes: the quoted spans with their speakers, looked for after
//! the closing mark, before the opening mark, in a paragraph ending with a
//! colon just before, and else from the quote before (a speaker goes on
//! speaking).

use detente_core::Span;

use crate::words::{is_in, is_punct};

use super::cues::{NAMING, PARTICIPLES, QUOTE_CUES, SUBJECT};
use super::marks::trim;
use super::{Quoter, Speaker};

/// How many tokens after a closing mark the attribution may start.
const ATTRIBUTION_REACH: usize = 12;

impl Quoter<'_> {
    /// Spans of quoted text (without marks), each with its speaker.
    pub(super) fn direct(&self) -> Vec<(Span, Option<Speaker>)> {
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
}

/// Whether a phrase is written in capitals (a headline or dateline), not a name.
fn shouted(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    letters > 4 && text.chars().filter(|c| c.is_uppercase()).count() == letters
}
