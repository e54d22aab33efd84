//! Mentions as actors: a chunk's code (with a minority's country or the
//! sentence's country for a bare role), pronouns, lists joined by "and"
//! or commas with their shared roles and country, and the code helpers
//! the coder compares and completes actors with.

use detente_core::{ActorCode, Participant};

use super::{Actor, View};
use crate::mentions::{Mention, MentionKind};
use crate::patterns::Untargeted;
use crate::words::*;

impl View<'_> {
    pub(super) fn actor_of_chunk(&self, c: usize) -> Actor {
        let (start, m) = (self.chunks[c].0, self.chunks[c].2);
        let actor = m
            .actor
            .map(|a| self.minority(start, a))
            .or_else(|| Some(self.home?.with_role(m.role?.as_str())));
        Actor {
            text_span: m.span,
            actor,
            chunk: Some(c),
        }
    }

    /// "ethnic Albanians in southeastern Serbia": a nationality after
    /// "ethnic" names a minority, coded with the country the sentence places
    /// it in (`SRB`), keeping its roles; elsewhere the code stays.
    fn minority(&self, start: usize, code: ActorCode) -> ActorCode {
        if start == 0 || self.w(start - 1) != "ethnic" {
            return code;
        }
        match (self.home, country_of(code)) {
            (Some(home), Some(own)) if home != own => {
                ActorCode::parse(&format!("{}{}", home.as_str(), &code.as_str()[3..]))
                    .unwrap_or(code)
            }
            _ => code,
        }
    }

    /// The last person named before token `i`, for a pronoun there.
    pub(super) fn pronoun(&self, i: usize) -> Option<Actor> {
        let at = self.spans[i].start;
        let k = self.persons.partition_point(|m| m.span.end <= at);
        let p = self.persons[..k].last()?;
        Some(Actor {
            text_span: self.spans[i],
            actor: p.actor,
            chunk: None,
        })
    }

    /// The chunk `c` and the ones joined after it into a list: "A and B",
    /// "A, B and C". A comma alone does not join ("Moscow, German minister X").
    pub(super) fn group_forward(&self, c: usize) -> Vec<Actor> {
        let mut out = vec![self.actor_of_chunk(c)];
        let mut pending = Vec::new();
        let mut end = self.chunks[c].1;
        loop {
            let mut j = end;
            let (mut comma, mut and) = (false, false);
            while j < self.len()
                && (matches!(self.w(j), "and" | "," | "as" | "well")
                    || is_in(DETERMINERS, self.w(j)))
            {
                comma |= self.w(j) == ",";
                and |= self.w(j) == "and";
                j += 1;
            }
            match self.chunk_from.get(j).copied().flatten() {
                Some(next) if and => {
                    out.append(&mut pending);
                    out.push(self.actor_of_chunk(next));
                    end = self.chunks[next].1;
                }
                Some(next) if comma => {
                    pending.push(self.actor_of_chunk(next));
                    end = self.chunks[next].1;
                }
                _ => return self.share_roles(out),
            }
        }
    }

    /// "Russian and Chinese leaders": a one-word country right before "and"
    /// shares the role of the phrase after it (`RUS` → `RUSGOV`).
    fn share_roles(&self, mut group: Vec<Actor>) -> Vec<Actor> {
        for k in 1..group.len() {
            let (Some(a), Some(b)) = (group[k - 1].chunk, group[k].chunk) else {
                continue;
            };
            let (a_start, a_end, a_mention) = self.chunks[a];
            let joined =
                a_end - a_start == 1 && a_end + 1 == self.chunks[b].0 && self.w(a_end) == "and";
            let role = self.chunks[b]
                .2
                .role
                .filter(|_| joined && a_mention.role.is_none());
            if let (Some(role), Some(code)) = (role, group[k - 1].actor)
                && code.as_str().len() == 3
            {
                group[k - 1].actor = Some(code.with_role(role.as_str()));
            }
        }
        self.join_country(group)
    }

    /// "Laurent Fabius and a group of deputies": a role phrase that names
    /// no country takes the country of a member of its list that does.
    fn join_country(&self, mut group: Vec<Actor>) -> Vec<Actor> {
        let own = |a: &Actor| a.chunk.map(|c| self.chunks[c].2);
        let Some(country) = group
            .iter()
            .filter(|a| own(a).is_some_and(|m| m.actor.is_some()))
            .find_map(|a| a.actor.and_then(country_of))
        else {
            return group;
        };
        for a in &mut group {
            if let Some(m) = own(a).filter(|m| m.actor.is_none())
                && let Some(role) = m.role
            {
                a.actor = Some(country.with_role(role.as_str()));
            }
        }
        group
    }

    /// The chunk ending at `c` and the ones joined before it by "and" or ",".
    pub(super) fn group_backward(&self, c: usize) -> Vec<Actor> {
        let mut out = vec![self.actor_of_chunk(c)];
        let mut start = self.chunks[c].0;
        loop {
            let mut j = self.quantity_start(start);
            let mut joined = false;
            while j > 0
                && (matches!(self.w(j - 1), "and" | ",") || is_in(DETERMINERS, self.w(j - 1)))
            {
                joined |= matches!(self.w(j - 1), "and" | ",");
                j -= 1;
            }
            match (
                joined && j > 0,
                j.checked_sub(1).and_then(|k| self.chunk_to[k]),
            ) {
                (true, Some(prev)) if !self.object_of_preposition(prev) => {
                    out.insert(0, self.actor_of_chunk(prev));
                    start = self.chunks[prev].0;
                }
                _ => return self.share_roles(out),
            }
        }
    }

    /// Where "a group of" before token `j` starts, else `j`: the quantity
    /// is part of the phrase ("Fabius and a group of deputies").
    fn quantity_start(&self, j: usize) -> usize {
        if j >= 2 && self.w(j - 1) == "of" && is_in(QUANTITY_NOUNS, self.w(j - 2)) {
            let q = j - 2;
            if q > 0 && is_in(DETERMINERS, self.w(q - 1)) {
                return q - 1;
            }
            return q;
        }
        j
    }

    pub(super) fn participant(&self, a: &Actor) -> Participant {
        Participant {
            text: a.text_span.text(self.body).to_string(),
            actor: a.actor,
            span: Some(a.text_span),
        }
    }
}

/// The target of an event whose pattern names none: the source's own
/// country for a domestic act (`home`: "Nigerians staged a rally" is
/// `NGACVL` → `NGA`), else none. Organisations and groups without a country
/// block have no home: their domestic acts have no target either.
pub(super) fn unnamed_target(u: Untargeted, source: ActorCode) -> Participant {
    let home = match u {
        Untargeted::Home => country_of(source),
        Untargeted::Alone => None,
    };
    Participant {
        text: String::new(),
        actor: home,
        span: None,
    }
}

/// The country block of an actor code (`NGACVL` → `NGA`), where it has one.
pub(super) fn country_of(code: ActorCode) -> Option<ActorCode> {
    let head = code.head();
    let bloc = matches!(head, "IGO" | "NGO" | "IMG" | "MNC" | "UIS" | "REB" | "INT");
    // "NATO", "EU", "AQ": organisation codes, not country plus roles.
    let blocks = code.as_str().len() >= 3 && code.as_str().len().is_multiple_of(3);
    (blocks && !bloc)
        .then(|| ActorCode::parse(head).ok())
        .flatten()
}

/// The country of the sentence's places, where they all name one.
pub(super) fn sole_country(chunks: &[(usize, usize, &Mention)]) -> Option<ActorCode> {
    let mut found: Option<ActorCode> = None;
    for (_, _, m) in chunks {
        // A phrase the entity model took for a person or organisation that
        // still carries a bare country code ("the Kenya Anti-Corruption
        // Commission": KEN) names that country too.
        // So does an organisation of one country ("the National Union for
        // the Total Independence of Angola": AGOREB).
        let placed = |c: &ActorCode| {
            m.kind == MentionKind::Place
                || (c.as_str().len() == 3 && country_of(*c).is_some())
                || (m.kind == MentionKind::Organization && country_of(*c).is_some())
        };
        let Some(code) = m.actor.filter(placed) else {
            continue;
        };
        let head = ActorCode::parse(code.head()).ok()?;
        match found {
            Some(f) if f != head => return None,
            _ => found = Some(head),
        }
    }
    found
}

/// Whether two codes are the same actor for coding purposes: the same code,
/// or the same country where one side has no role ("Moscow" and "Russia").
pub(super) fn same_actor(a: ActorCode, b: ActorCode) -> bool {
    let state = |c: ActorCode| c.as_str().len() == 3 || c.roles().eq(["GOV"]);
    a == b || (a.head() == b.head() && (a.roles().eq(b.roles()) || (state(a) && state(b))))
}
