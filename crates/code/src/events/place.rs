//! Places: the event's location (a place after "in", "at", "near" ...),
//! and the country a place lends to an actor the dictionaries cannot code
//! ("facilities in central Iran", "people ... in Hong Kong").

use detente_core::ActorCode;

use super::actors::country_of;
use super::{Actor, GAP_REACH, View};
use crate::mentions::{Mention, MentionKind};
use crate::words::*;

impl<'a> View<'a> {
    /// The country of the place right after chunk `c` ("... in central
    /// Iran", "(UCF) near Gaza"), for a phrase the dictionaries cannot code.
    pub(super) fn placed_in(&self, c: usize) -> Option<ActorCode> {
        let j = self.past_apposition(self.chunks[c].1);
        if !matches!(
            self.words.get(j).map(String::as_str),
            Some("in" | "near" | "at" | "outside" | "inside")
        ) {
            return None;
        }
        let k = (j + 1..(j + 4).min(self.len()))
            .find(|&k| !(is_in(DETERMINERS, self.w(k)) || self.lowercase_word(k)))?;
        let (_, _, m) = self.chunks[self.chunk_from[k]?];
        m.actor
            .filter(|_| m.kind == MentionKind::Place)
            .and_then(country_of)
    }

    /// The place stated for the event at anchor `i`: the first place (or
    /// name the dictionaries do not know) after a locative preposition
    /// following the anchor, else the last before it.
    pub(super) fn location(&self, i: usize) -> Option<String> {
        self.location_mention(i)
            .map(|m| m.span.text(self.body).to_string())
    }

    /// The mention of [`View::location`].
    fn location_mention(&self, i: usize) -> Option<&'a Mention> {
        let placed = |c: &&(usize, usize, &Mention)| {
            let (a, m) = (c.0, c.2);
            matches!(m.kind, MentionKind::Place | MentionKind::Unknown) && a > 0 && {
                let k = if self.w(a - 1) == "the" && a > 1 {
                    a - 2
                } else {
                    a - 1
                };
                matches!(self.w(k), "in" | "at" | "near" | "outside" | "inside")
            }
        };
        // Within reach of the anchor, so that a huge sentence stays linear.
        let lo = self.chunks.partition_point(|c| c.1 + GAP_REACH <= i);
        let hi = self.chunks.partition_point(|c| c.0 <= i + GAP_REACH);
        let near = &self.chunks[lo..hi.max(lo)];
        let after = near.iter().filter(|c| c.0 > i).find(placed);
        let before = || near.iter().filter(|c| c.1 <= i).rfind(placed);
        after.or_else(before).map(|c| c.2)
    }

    /// "Hundreds of thousands of people blocked streets in Hong Kong": a
    /// role phrase that found no country takes the country of the place
    /// the event happened in.
    pub(super) fn placed_sources(&self, sources: Vec<Actor>, i: usize) -> Vec<Actor> {
        let uncoded = |a: &Actor| {
            a.actor.is_none() && a.chunk.is_some_and(|c| self.chunks[c].2.role.is_some())
        };
        if !sources.iter().any(uncoded) {
            return sources;
        }
        let Some(country) = self
            .location_mention(i)
            .and_then(|m| m.actor)
            .and_then(country_of)
        else {
            return sources;
        };
        sources
            .into_iter()
            .map(|mut a| {
                if uncoded(&a)
                    && let Some(role) = a.chunk.and_then(|c| self.chunks[c].2.role)
                {
                    a.actor = Some(country.with_role(role.as_str()));
                }
                a
            })
            .collect()
    }
}
