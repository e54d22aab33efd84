//! The speaker of a speech verb: the phrase next to the cue, inverted
//! ("said Wan", "said one adviser, who ..."), before it past an apposition
//! or parenthesis ("Zhang, an expert on Europe, said"), a pronoun, or a
//! bare noun phrase ("analysts said").

use detente_core::Span;

use crate::mentions::MentionKind;
use crate::words::{DETERMINERS, PREPOSITIONS, is_in, is_punct};

use super::cues::PHRASE_END;
use super::{Quoter, Speaker};

impl Quoter<'_> {
    /// The speaker of the speech verb at global token `v`.
    pub(super) fn speaker_of(&self, v: usize) -> Option<Speaker> {
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
}
