//! The shape of the sentence around a token: where a noun phrase starts
//! (determiners, modifiers, possessors), whether it is a preposition's
//! object or a possessor, passive voice; from closed word classes and the
//! tags where present, and the dependency parse where the analyzer ran one.

use detente_core::DepRel;

use super::{Actor, SUBJECT_REACH, View};
use crate::words::*;

impl View<'_> {
    /// Whether the chunk stands after a preposition (skipping determiners and
    /// modifiers: "of the divided Mediterranean"), itself or as a later
    /// member of a list ("on Europe and NATO").
    pub(super) fn object_of_preposition(&self, c: usize) -> bool {
        let mut c = c;
        loop {
            let j = self.phrase_start(self.chunks[c].0);
            if j == 0 {
                return false;
            }
            if is_in(PREPOSITIONS, self.w(j - 1)) {
                // "a group of Moroccan diplomats": the actor is the head;
                // "up to 1,000 Turks", "about 200 people": a number's modifier.
                let quantity =
                    self.w(j - 1) == "of" && j >= 2 && is_in(QUANTITY_NOUNS, self.w(j - 2));
                return !quantity && !self.approximate(j - 1);
            }
            if self.w(j - 1) != "and" {
                return false;
            }
            match (j - 1).checked_sub(1).and_then(|k| self.chunk_to[k]) {
                Some(prev) => c = prev,
                None => return false,
            }
        }
    }

    /// Whether the preposition at `k` only makes a number approximate:
    /// "up to 1,000", "about 200", "over 50", "around 30".
    fn approximate(&self, k: usize) -> bool {
        let number = self.w(k + 1).starts_with(|c: char| c.is_ascii_digit())
            || self.tags[k + 1].is_some_and(|t| t.as_str() == "CD");
        number
            && (matches!(self.w(k), "about" | "around" | "over")
                || (self.w(k) == "to" && k > 0 && self.w(k - 1) == "up"))
    }

    /// Where the noun phrase ending in a mention that starts at token `j`
    /// begins: back over determiners and modifiers ("of the divided
    /// Mediterranean"), where up to two lowercase words count as modifiers
    /// when a determiner stands before them.
    pub(super) fn phrase_start(&self, j: usize) -> usize {
        let mut j = j;
        let mut skipped = 0;
        while j > 0 && skipped < 3 {
            let w = self.w(j - 1);
            if is_in(DETERMINERS, w) || self.modifier(j - 1) {
                j -= 1;
                skipped += 1;
                continue;
            }
            // A possessor is part of the phrase: "to Iraq's Al-Qaeda frontman".
            let owner = if is_possessive(w) {
                j.checked_sub(2)
            } else {
                Some(j - 1)
            };
            if let Some(c) = owner
                .and_then(|k| self.chunk_to[k])
                .filter(|&c| self.possessor(c))
            {
                j = self.chunks[c].0;
                skipped += 1;
                continue;
            }
            let det = (2..=3).find(|&k| {
                j >= k
                    && is_in(DETERMINERS, self.w(j - k))
                    && (j - k + 1..j).all(|x| self.lowercase_word(x))
            });
            match det {
                Some(k) => {
                    j -= k;
                    skipped += k;
                }
                None => break,
            }
        }
        j
    }

    /// A lowercase word that may modify a noun: not a clause word or a preposition.
    pub(super) fn lowercase_word(&self, j: usize) -> bool {
        let w = self.w(j);
        self.chunk_to[j].is_none()
            && !self.is_break(j)
            && !is_in(PREPOSITIONS, w)
            && !is_in(BE_FORMS, w)
            && w.chars().all(|c| c.is_lowercase() || c == '-')
            && self.spans[j]
                .text(self.body)
                .starts_with(|c: char| c.is_lowercase())
    }

    /// Whether the tagger marked token `j` as a modifier inside a noun phrase.
    fn modifier(&self, j: usize) -> bool {
        matches!(
            self.tags[j].map(|t| t.as_str()),
            Some("JJ" | "JJR" | "JJS" | "CD" | "PRP$" | "VBN" | "NN" | "NNP")
        ) && self.chunk_to[j].is_none()
    }

    /// The first dependent of token `v` whose relation passes `rel`; the
    /// scan is bounded so that a huge sentence stays linear.
    pub(super) fn child(&self, v: usize, rel: impl Fn(DepRel) -> bool) -> Option<usize> {
        let lo = v.saturating_sub(SUBJECT_REACH);
        let hi = (v + SUBJECT_REACH).min(self.len());
        (lo..hi).find(|&k| self.heads[k] == Some(v) && self.deps[k].is_some_and(&rel))
    }

    /// The coded mention at token `k`, or at one of its nominal modifiers
    /// ("a group of Moroccan diplomats"), with the actors joined to it.
    pub(super) fn actor_at(&self, k: usize) -> Option<Vec<Actor>> {
        let c = self.chunk_containing(k).or_else(|| {
            let m = self
                .child(k, |d| matches!(d.base(), "compound" | "amod" | "flat"))
                .or_else(|| {
                    self.child(k, |d| d.base() == "nmod")
                        .filter(|&m| m > 0 && self.w(m - 1) == "of")
                })?;
            self.chunk_containing(m)
        })?;
        let mut group = self.group_backward(c);
        group.extend(self.group_forward(c).into_iter().skip(1));
        group.iter().any(|a| a.actor.is_some()).then_some(group)
    }

    pub(super) fn chunk_containing(&self, k: usize) -> Option<usize> {
        let c = self.chunks.partition_point(|x| x.1 <= k);
        (c < self.chunks.len() && self.chunks[c].0 <= k).then_some(c)
    }

    /// Whether the chunk is a possessor of a following noun ("Russia's recovery").
    pub(super) fn possessor(&self, c: usize) -> bool {
        let end = self.chunks[c].1;
        self.w(end - 1).ends_with("'s") || (end < self.len() && is_possessive(self.w(end)))
    }

    pub(super) fn is_passive(&self, i: usize) -> bool {
        (1..=2).any(|k| i >= k && is_in(BE_FORMS, self.w(i - k))) && !self.w(i).ends_with("ing")
    }
}
