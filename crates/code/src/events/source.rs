//! Finding the source of an act without a `$S` slot: the parse's `nsubj`,
//! the clause subject searched back from the anchor (skipping
//! appositions and prepositions' objects; a participle takes the noun
//! before it, an infinitive the subject of its verb, a pronoun after a
//! speech verb its speaker), a possessive, "by X", or the members of a
//! "between" target.

use super::{Actor, Match, SUBJECT_REACH, View};
use crate::patterns::Element;
use crate::words::*;

impl View<'_> {
    /// The subject the parse gives the verb at `i`: its `nsubj`, or that of
    /// the verb it complements or is conjoined to ("threatened to ban",
    /// "met and praised"); only where it names a coded actor.
    pub(super) fn parsed_subject(&self, i: usize) -> Option<Vec<Actor>> {
        let mut v = i;
        for _ in 0..4 {
            if let Some(k) = self.child(v, |d| d.as_str() == "nsubj") {
                // A parse that makes the object of a preposition ("operating
                // in Iraq") or a word of an apposition ("Pakistan, a key U.S.
                // ally, ...") the subject is not trusted.
                if let Some(c) = self.chunk_containing(k)
                    && (self.object_of_preposition(c) || self.in_apposition(c))
                {
                    return None;
                }
                return self.actor_at(k);
            }
            let climbs = self.deps[v].is_some_and(|d| matches!(d.as_str(), "xcomp" | "conj"));
            match self.heads[v].filter(|&h| climbs && h < self.len()) {
                Some(h) => v = h,
                None => return None,
            }
        }
        None
    }

    /// The subject of the clause the anchor at `i` stands in, searching back
    /// from token `i` (exclusive).
    pub(super) fn subject(&self, i: usize, used: &[usize]) -> Option<Vec<Actor>> {
        // A participle right after a noun phrase modifies it: "demonstrators
        // protesting election results".
        if self.w(i).ends_with("ing")
            && let Some(c) = i.checked_sub(1).and_then(|k| self.chunk_to[k])
        {
            return Some(vec![self.actor_of_chunk(c)]);
        }
        if self.modifies_common_noun(i) {
            return None;
        }
        if let Some(owner) = self.intent_owner(i) {
            return Some(owner);
        }
        if let Some(v) = self.governing_verb(i) {
            return self.subject(v, used);
        }
        let mut j = i;
        while j > i.saturating_sub(SUBJECT_REACH) {
            j -= 1;
            let w = self.w(j);
            if self.is_break(j) && self.conjunct_without_subject(j, i) {
                // The subject of the clause before: that of its last finite verb.
                let finite = |k: &usize| {
                    self.tags[*k].is_some_and(|t| matches!(t.as_str(), "VBD" | "VBZ" | "VBP"))
                };
                return (j.saturating_sub(SUBJECT_REACH)..j)
                    .rev()
                    .find(finite)
                    .and_then(|v| self.subject(v, used));
            }
            if self.is_break(j) || (self.is_cue(j) && !self.object_of_cue(j, i)) {
                return None;
            }
            // A parenthesis names or explains what stands before it:
            // "The Hizbollah (Party of God) group declared".
            // An acronym in it that the dictionaries know is the actor itself:
            // "The International Labor Office (ILO) reiterated".
            if w == ")"
                && let Some(open) = (j.saturating_sub(12)..j).rev().find(|&k| self.w(k) == "(")
                && !(open..j).any(|k| self.coded_chunk_at(k))
            {
                j = open;
                continue;
            }
            if matches!(w, "he" | "she" | "it" | "they") {
                return self.speaker_pronoun(j, used).or_else(|| {
                    (w == "he" || w == "she")
                        .then(|| self.pronoun(j).map(|a| vec![a]))
                        .flatten()
                });
            }
            if w == ","
                && let Some(head) = self.appositive_head(j, i)
            {
                return Some(head);
            }
            if let Some(c) = self.chunk_to[j] {
                if !used.contains(&c) && !self.object_of_preposition(c) && !self.possessor(c) {
                    let found = self.apposition(c).unwrap_or_else(|| self.group_backward(c));
                    // A role word with no country modifying a noun ("a new
                    // military offensive") is no subject: look further back.
                    if found.iter().any(|a| a.actor.is_some()) || !self.modifies_noun(c) {
                        return Some(found);
                    }
                }
                j = self.chunks[c].0;
            }
        }
        None
    }

    /// After a common noun that names no actor, a participle at `i`
    /// modifies that noun: "a peaceful demonstration calling for ..." is no
    /// act of the clause's subject, where "issued a declaration demanding
    /// ..." is the issuer's.
    pub(super) fn modifies_common_noun(&self, i: usize) -> bool {
        self.w(i).ends_with("ing")
            && i > 0
            && self.chunk_to[i - 1].is_none()
            && self.tags[i - 1].is_some_and(|t| matches!(t.as_str(), "NN" | "NNS"))
            && self.lowercase_word(i - 1)
            && !is_in(MESSAGE_NOUNS, self.w(i - 1))
    }

    /// "Benin opened its borders ..., but was still refusing admittance":
    /// whether the break at `j` ("but", ", and") opens a verb phrase without
    /// a subject of its own up to the anchor at `i` (auxiliaries and adverbs
    /// only), which shares the subject of the clause before.
    fn conjunct_without_subject(&self, j: usize, i: usize) -> bool {
        let joins = matches!(self.w(j), "but" | "and");
        joins
            && (j + 1..i).all(|k| {
                self.chunk_to[k].is_none()
                    && (self.w(k) == "and"
                        || is_in(BE_FORMS, self.w(k))
                        || self.tags[k].is_some_and(|t| {
                            matches!(t.as_str(), "RB" | "MD" | "VBD" | "VBZ" | "VBP")
                        })
                        || matches!(
                            self.w(k),
                            "has" | "have" | "had" | "will" | "would" | "then" | "also" | "still"
                        ))
            })
    }

    /// Whether the chunk stands in an apposition to a coded phrase before
    /// it: "Pakistan, a key U.S. ally".
    fn in_apposition(&self, c: usize) -> bool {
        let j = self.phrase_start(self.chunks[c].0);
        j >= 2
            && self.w(j - 1) == ","
            && self.chunk_to[j - 2].is_some()
            && matches!(self.w(j), "a" | "an" | "the")
    }

    /// Whether a lowercase noun follows the chunk ("military offensive").
    fn modifies_noun(&self, c: usize) -> bool {
        let end = self.chunks[c].1;
        end < self.len()
            && self.lowercase_word(end)
            && !is_in(DETERMINERS, self.w(end))
            && !self.tags[end].is_some_and(|t| t.as_str().starts_with("VB"))
    }

    /// "Pakistan, a key U.S. ally in the war, has refused": at the comma at
    /// `j` that closes an apposition right before the verb at `i`, the coded
    /// noun phrase before the apposition.
    fn appositive_head(&self, j: usize, i: usize) -> Option<Vec<Actor>> {
        if (j + 1..i).any(|k| self.chunk_to[k].is_some() || is_punct(self.w(k))) {
            return None;
        }
        let open = (j.saturating_sub(15)..j)
            .rev()
            .find(|&k| self.w(k) == ",")?;
        if !matches!(self.w(open + 1), "a" | "an" | "the") {
            return None;
        }
        let c = open.checked_sub(1).and_then(|k| self.chunk_to[k])?;
        let a = self.actor_of_chunk(c);
        a.actor.is_some().then(|| vec![a])
    }

    /// "Germany's decision to send ...": the possessor of a noun of intent
    /// before an infinitive is its subject.
    fn intent_owner(&self, i: usize) -> Option<Vec<Actor>> {
        if i < 3 || self.w(i - 1) != "to" || !is_in(INTENT_NOUNS, self.w(i - 2)) {
            return None;
        }
        self.possessive_source(i - 2)
    }

    /// For an infinitive ("... burned a flag to protest ..."), the tagged
    /// verb it depends on, whose subject it shares, where an object stands
    /// between them; `None` where the tagger did not run.
    fn governing_verb(&self, i: usize) -> Option<usize> {
        if i < 2 || self.w(i - 1) != "to" {
            return None;
        }
        let verb = |k: usize| self.tags[k].is_some_and(|t| t.as_str().starts_with("VB"));
        let v = (i.saturating_sub(10)..i - 1)
            .rev()
            .take_while(|&k| !self.is_break(k) && self.w(k) != ",")
            .find(|&k| verb(k))?;
        // "agreed to", "wants to": nothing between, the plain search finds it.
        (v + 1 < i - 1).then_some(v)
    }

    /// Whether the words from the speech verb at `cue` to the anchor at `i`
    /// are its object's determiners and modifiers only: "Italy announced a
    /// suspension of ..." is Italy's act, not a report of someone else's.
    fn object_of_cue(&self, cue: usize, i: usize) -> bool {
        i > cue
            && i - cue <= 4
            && (cue + 1..i).all(|k| is_in(DETERMINERS, self.w(k)) || self.lowercase_word(k))
    }

    /// For a subject the dictionaries cannot code, the coded phrase it is in
    /// apposition to: "A member of the Syrian parliament, Mohammed Mamoun, ...".
    fn apposition(&self, c: usize) -> Option<Vec<Actor>> {
        if self.actor_of_chunk(c).actor.is_some() {
            return None;
        }
        let (start, end) = (self.chunks[c].0, self.chunks[c].1);
        if end >= self.len() || self.w(end) != "," {
            return None;
        }
        let prev = start
            .checked_sub(2)
            .filter(|&k| self.w(k + 1) == ",")
            .and_then(|k| self.chunk_to[k])?;
        let a = self.actor_of_chunk(prev);
        a.actor.is_some().then(|| vec![a])
    }

    /// The nearest coded mention before token `i` in its clause, whatever its
    /// role: the patient of a passive whose subject names no actor itself
    /// ("a camp for Congolese refugees was attacked by ...").
    pub(super) fn nearest_before(&self, i: usize) -> Option<Vec<Actor>> {
        let mut j = i;
        while j > i.saturating_sub(SUBJECT_REACH) {
            j -= 1;
            if self.is_break(j) || self.is_cue(j) {
                return None;
            }
            if let Some(c) = self.chunk_to[j] {
                let a = self.actor_of_chunk(c);
                if a.actor.is_some() {
                    return Some(vec![a]);
                }
                j = self.chunks[c].0;
            }
        }
        None
    }

    /// A pronoun subject right after a speech verb stands for its speaker:
    /// "Switzerland said (today) (that) it had expelled ...".
    fn speaker_pronoun(&self, j: usize, used: &[usize]) -> Option<Vec<Actor>> {
        let mut k = j;
        while k > 0 && k + 4 > j {
            k -= 1;
            if self.is_cue(k) {
                return self.parsed_subject(k).or_else(|| self.subject(k, used));
            }
            if self.chunk_to[k].is_some() || self.is_break(k) && self.w(k) != "that" {
                return None;
            }
        }
        None
    }

    /// The possessor of the noun at `i` ("Kerry's visit", "his talks").
    pub(super) fn possessive_source(&self, i: usize) -> Option<Vec<Actor>> {
        for k in (i.saturating_sub(3)..i).rev() {
            let w = self.w(k);
            if matches!(w, "his" | "her") {
                return self.pronoun(k).map(|a| vec![a]);
            }
            if matches!(w, "its" | "their") {
                return self.subject(k, &[]);
            }
            if let Some(c) = self.chunk_to[k] {
                return self.possessor(c).then(|| vec![self.actor_of_chunk(c)]);
            }
            if is_possessive(w) && k > 0 {
                continue;
            }
            if self.is_break(k) || is_punct(w) || is_in(PREPOSITIONS, w) {
                return None;
            }
        }
        None
    }

    /// "Talks between Armenia and Azerbaijan": with no source of its own, a
    /// pattern whose target follows "between" is coded among the target's
    /// members, each way (the members then stand as sources; `code_match`
    /// pairs them as it pairs a `mutual` pattern's).
    pub(super) fn between(&self, m: &Match) -> Option<Vec<Actor>> {
        let between = m
            .pattern
            .after
            .iter()
            .any(|e| matches!(e, Element::Word(alts) if alts.iter().any(|a| a == "between")));
        let group = m.targets.first().filter(|g| between && g.len() > 1)?;
        Some(group.clone())
    }

    /// "by X" right after a noun anchor.
    pub(super) fn by_agent(&self, from: usize) -> Option<Vec<Actor>> {
        (from < self.len() && self.w(from) == "by")
            .then(|| {
                self.slot(from + 1, Some(3))
                    .first()
                    .map(|&c| self.group_forward(c))
            })
            .flatten()
    }
}
