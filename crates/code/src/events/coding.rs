//! One match to its events: the filters that leave an act uncoded, the
//! roles of a passive, the order in which the source is looked for, the
//! choice of target, and the pairing of sources and targets with the
//! act's mood, claim and location.

use detente_core::{ActorCode, Participant};

use super::actors::{same_actor, unnamed_target};
use super::{Actor, Found, Match, View};
use crate::patterns::AnchorKind;

impl View<'_> {
    pub(super) fn code_match<'p>(
        &self,
        m: &Match<'p>,
        used: &mut Vec<usize>,
        claim: Option<&(usize, Participant)>,
    ) -> Vec<Found<'p>> {
        let p = m.pattern;
        let first = m.anchor - p.before.len();
        let refused = self.refused(first);
        if (!refused && self.negated(first))
            || (p.kind == AnchorKind::Verb && self.gerund_in_phrase(first))
            || self.obliged(first)
            || self.demanded(first, p.kind == AnchorKind::Noun)
            || (p.untargeted.is_some() && p.kind == AnchorKind::Noun && self.circumstance(first))
            || (p.kind == AnchorKind::Noun && self.background(first))
            || self.condition(first)
        {
            return Vec::new();
        }
        let passive =
            p.is_transitive() && self.is_passive(m.anchor) && self.w(m.anchor).ends_with('d');
        let (sources, targets) = if passive {
            let Some(agent) = self.by_agent(m.anchor + 1) else {
                return Vec::new();
            };
            let Some(patient) = self
                .subject(m.anchor, used)
                .or_else(|| self.nearest_before(m.anchor))
            else {
                return Vec::new();
            };
            (agent, vec![patient])
        } else {
            let source = m.source.clone().or_else(|| match p.kind {
                AnchorKind::Noun => self
                    .possessive_source(first)
                    .or_else(|| self.by_agent(m.anchor + 1))
                    .or_else(|| self.by_agent(m.end))
                    .or_else(|| {
                        (!self.complement_of_noun(first))
                            .then(|| self.subject(first, used))
                            .flatten()
                    })
                    .or_else(|| self.between(m)),
                AnchorKind::Verb if self.modifies_common_noun(first) => None,
                AnchorKind::Verb => self
                    .parsed_subject(m.anchor)
                    .or_else(|| self.subject(first, used)),
            });
            let Some(source) = source else {
                return Vec::new();
            };
            (source, m.targets.clone())
        };
        let sources = self.placed_sources(sources, m.anchor);
        // A slot after `...` takes the first actor not of the source's own country.
        let heads: Vec<&str> = sources
            .iter()
            .filter_map(|a| a.actor.as_ref().map(ActorCode::head))
            .collect();
        let target = if m.gap_target {
            let foreign = |g: &&Vec<Actor>| {
                g.iter()
                    .any(|a| a.actor.is_some_and(|c| !heads.contains(&c.head())))
            };
            // Else the first actor at all: a domestic event ("imposed a
            // curfew in the town of Cizre in southeastern Turkey").
            let coded = |g: &&Vec<Actor>| g.iter().any(|a| a.actor.is_some());
            targets
                .iter()
                .find(foreign)
                .or_else(|| targets.iter().find(coded))
                .cloned()
        } else {
            targets.into_iter().next()
        };
        // "inspectors to the Esfahan facilities in central Iran": a target
        // the dictionaries cannot code is taken for the country it is in.
        let target = target.map(|g| {
            g.into_iter()
                .map(|mut a| {
                    if a.actor.is_none()
                        && let Some(c) = a.chunk
                    {
                        a.actor = self.placed_in(c);
                    }
                    a
                })
                .collect::<Vec<_>>()
        });
        let among = p.mutual || (sources.len() > 1 && target.as_ref() == Some(&sources));
        let target = if p.mutual {
            (sources.len() > 1).then(|| sources.clone())
        } else {
            target
        };
        // A pattern without a target slot (`home`, `alone`) is coded once per source.
        let untargeted = p.untargeted.filter(|_| target.is_none());
        let target = match (target, untargeted) {
            (Some(t), _) => t,
            (None, Some(_)) => Vec::new(),
            (None, None) => return Vec::new(),
        };
        if !m.gap_target {
            used.extend(target.iter().filter_map(|a| a.chunk));
        }
        let evidence =
            self.spans[m.anchor - p.before.len()].cover(self.spans[m.end.max(m.anchor + 1) - 1]);
        let modality = self.modality(first);
        let conditional = self.conditional(m.anchor);
        let poised = self.poised(first);
        let claimed_by = claim
            .filter(|(k, _)| *k != m.anchor)
            .map(|(_, who)| who.clone());
        let found = |s: &Actor, target: Participant| Found {
            pattern: p,
            source: self.participant(s),
            target,
            evidence,
            modality,
            refused,
            conditional,
            poised,
            claimed_by: claimed_by.clone().filter(|c| c.span != Some(s.text_span)),
            location: self.location(m.anchor),
        };
        let mut out = Vec::new();
        for s in &sources {
            let Some(sc) = s.actor else {
                continue;
            };
            if let Some(u) = untargeted {
                out.push(found(s, unnamed_target(u, sc)));
                continue;
            }
            for t in &target {
                let Some(tc) = t.actor else {
                    continue;
                };
                if among && s.text_span == t.text_span {
                    continue;
                }
                if same_actor(sc, tc) {
                    continue;
                }
                out.push(found(s, self.participant(t)));
                // A reciprocal act ("held talks with") goes both ways.
                if p.both && !among {
                    let mut back = found(t, self.participant(s));
                    back.claimed_by = claimed_by.clone().filter(|c| c.span != Some(t.text_span));
                    out.push(back);
                }
            }
        }
        out
    }
}
