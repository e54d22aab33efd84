//! Reported speech: the content of each sentence around a speech verb
//! outside direct quotes ("X said (that) ...", "..., X said", ", adding
//! that ...") and "according to X".

use detente_core::Span;

use crate::words::{DETERMINERS, is_in, is_punct};

use super::{Quoter, Speaker};

impl Quoter<'_> {
    /// Reported speech: sentences with a speech verb outside direct quotes.
    pub(super) fn indirect(&self, inside: &dyn Fn(usize) -> bool) -> Vec<(Span, Speaker)> {
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
}
