//! Matching a pattern at an anchor: its words before and after the anchor,
//! `...` gaps, and its `$S`/`$T` slots, which take the first mention
//! within reach (a place noun uses up no reach, an apposition is passed
//! over, a verb's direct object stands after no locative preposition).

use super::{Actor, GAP_REACH, Match, SLOT_REACH, View, WORD_REACH};
use crate::patterns::{AnchorKind, Element, Pattern};
use crate::words::*;

impl View<'_> {
    /// Whether the chunk's noun phrase follows a locative preposition right
    /// after the verb at `i` ("protested in the city of Homs"); "condemned
    /// the coup in Togo" has its object before the place.
    fn after_locative(&self, c: usize, i: usize) -> bool {
        let j = self.phrase_start(self.chunks[c].0);
        j == i + 2
            && matches!(
                self.w(j - 1),
                "in" | "at" | "near" | "inside" | "outside" | "across" | "around" | "during"
            )
    }

    /// The first chunk starting in `from..to`, not crossing a clause break
    /// or another word class that ends a phrase.
    pub(super) fn slot(&self, from: usize, reach: Option<usize>) -> Vec<usize> {
        let to = match reach {
            Some(r) => self.reach_end(from, r),
            None => (from + GAP_REACH).min(self.len()),
        };
        let mut found = Vec::new();
        for j in from..to {
            if let Some(c) = self.chunk_from[j] {
                found.push(c);
                if reach.is_some() {
                    break;
                }
            }
            if reach.is_some()
                && (self.is_break(j) || self.w(j) == "," || is_in(SPEECH_VERBS, self.w(j)))
            {
                break;
            }
        }
        found
    }

    /// Where a slot starting at `from` with reach `r` ends: a place noun with
    /// its adjectives and "of" ("the southern regional capital Juba", "the
    /// town of Cizre") uses up no reach, so the name after it is found.
    fn reach_end(&self, from: usize, r: usize) -> usize {
        let base = (from + r).min(self.len());
        // The name stands right after the place noun or after "of (the)".
        (from..base)
            .rfind(|&j| self.chunk_from[j].is_none() && is_in(PLACE_NOUNS, self.w(j)))
            .map_or(base, |p| (p + 3).max(base))
            .min(self.len())
    }

    /// Whether a mention with an actor code starts at token `j`: literal
    /// words of a pattern are not looked for across one.
    pub(super) fn coded_chunk_at(&self, j: usize) -> bool {
        self.chunk_from[j].is_some_and(|c| self.actor_of_chunk(c).actor.is_some())
    }

    fn word_at(&self, j: usize, alts: &[String]) -> bool {
        let w = self.w(j);
        // An "-ing" form is not its lemma's noun: "according" is no "accord".
        let gerund = w.ends_with("ing");
        alts.iter().any(|a| {
            w == a
                || ((!gerund || a.ends_with("ing")) && self.lemmas[j] == Some(a.as_str()))
                || (w.len() == a.len() + 1 && w.starts_with(a.as_str()) && w.ends_with('s'))
        })
    }

    /// Tries `p` with its anchor at token `i`.
    pub(super) fn try_match<'p>(&self, p: &'p Pattern, i: usize) -> Option<Match<'p>> {
        // A determiner makes a noun of the word ("the visit", "a strike"), "to"
        // or a modal a verb ("to visit", "will strike"). Tags are not trusted
        // for this yet: the rule tagger confuses nouns and verbs too often.
        let prev = i.checked_sub(p.before.len() + 1).map(|j| self.w(j));
        let anchor = self.w(i);
        let noun_context = prev.is_some_and(|w| {
            matches!(
                w,
                "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "these"
            ) || (w.ends_with("ed")
                && !is_in(BE_FORMS, w)
                && !anchor.ends_with("ing")
                && !anchor.ends_with("ed"))
        });
        let verb_context = prev.is_some_and(|w| {
            matches!(
                w,
                "to" | "will" | "would" | "may" | "might" | "could" | "can" | "should" | "must"
            )
        });
        // "illegal arms sales": a verb's "-s" form right after an adjective is a plural noun.
        let plural_noun = anchor.ends_with('s')
            && i.checked_sub(p.before.len() + 1)
                .is_some_and(|j| self.tags[j].is_some_and(|t| t.as_str() == "JJ"));
        if (p.kind == AnchorKind::Verb && (noun_context || plural_noun))
            || (p.kind == AnchorKind::Noun && verb_context)
        {
            return None;
        }
        let start = i.checked_sub(p.before.len())?;
        if !p
            .before
            .iter()
            .enumerate()
            .all(|(k, alts)| self.word_at(start + k, alts))
        {
            return None;
        }
        let m = Match {
            pattern: p,
            anchor: i,
            end: i + 1,
            source: None,
            targets: Vec::new(),
            gap_target: false,
            solid_end: None,
        };
        self.match_rest(p, 0, m, false, i + 1)
    }

    /// Matches the elements of `p.after` from the `k`-th on, `m` being the
    /// match so far. A word after `...` is tried at its first three
    /// occurrences, so that "dispatch ... inspectors ... to|in $T" reaches
    /// past a "to" that has no actor after it to an "in" that has one.
    fn match_rest<'p>(
        &self,
        p: &'p Pattern,
        k: usize,
        mut m: Match<'p>,
        gap: bool,
        gap_start: usize,
    ) -> Option<Match<'p>> {
        let Some(e) = p.after.get(k) else {
            return Some(m);
        };
        match e {
            Element::Gap => {
                let at = m.end;
                self.match_rest(p, k + 1, m, true, at)
            }
            Element::Word(alts) if gap => {
                let reach = (m.end + GAP_REACH).min(self.len());
                (m.end..reach)
                    .filter(|&j| self.word_at(j, alts))
                    .take(3)
                    .find_map(|j| {
                        let mut next = m.clone();
                        next.end = j + 1;
                        self.match_rest(p, k + 1, next, false, gap_start)
                    })
            }
            Element::Word(alts) => {
                // "forced the UN refugee agency, UNHCR, out of": an
                // apposition after a slot is passed over.
                if k > 0 && matches!(p.after[k - 1], Element::Target | Element::Source) {
                    m.end = self.past_apposition(m.end);
                }
                let reach = (m.end + WORD_REACH).min(self.len());
                let j = (m.end..reach).find(|&j| {
                    self.word_at(j, alts) || self.is_break(j) || self.coded_chunk_at(j)
                })?;
                if !self.word_at(j, alts) {
                    return None;
                }
                m.end = j + 1;
                self.match_rest(p, k + 1, m, false, gap_start)
            }
            Element::Target | Element::Source => {
                let i = m.anchor;
                if gap {
                    m.solid_end.get_or_insert(gap_start);
                }
                let found = self.slot(m.end, (!gap).then_some(SLOT_REACH));
                let first = *found.first()?;
                // The object of a verb stands after no locative preposition:
                // "protested in Cairo" names a place, not a target, and
                // "refused to extradite X" has X as another verb's object.
                if !gap
                    && m.end == i + 1
                    && p.kind == AnchorKind::Verb
                    && (self.after_locative(first, i) || self.w(i + 1) == "to")
                {
                    return None;
                }
                // `$T=diplomats`: the target phrase must end in one of the words.
                if *e == Element::Target
                    && let Some(heads) = &p.target_head
                    && !heads.iter().any(|h| self.w(self.chunks[first].1 - 1) == h)
                {
                    return None;
                }
                let groups: Vec<Vec<Actor>> =
                    found.iter().map(|&c| self.group_forward(c)).collect();
                let last = groups[0]
                    .iter()
                    .filter_map(|a| a.chunk)
                    .max()
                    .unwrap_or(first);
                m.end = self.chunks[last].1;
                if *e == Element::Target {
                    m.gap_target = gap;
                    m.targets = groups;
                } else {
                    m.source = groups.into_iter().next();
                }
                self.match_rest(p, k + 1, m, false, gap_start)
            }
        }
    }

    /// Where the text goes on after an apposition of one mention starting
    /// at token `j` (", UNHCR," or "(UNHCR)"); `j` where there is none.
    pub(super) fn past_apposition(&self, j: usize) -> usize {
        let close = match self.words.get(j).map(String::as_str) {
            Some(",") => ",",
            Some("(") => ")",
            _ => return j,
        };
        match self.chunk_from.get(j + 1).copied().flatten() {
            Some(c) if self.words.get(self.chunks[c].1).is_some_and(|w| w == close) => {
                self.chunks[c].1 + 1
            }
            _ => j,
        }
    }
}
