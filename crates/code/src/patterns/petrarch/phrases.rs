//! Who a phrase of a parsed sentence names: the actor codes of a subject,
//! object or slot, one per conjunct, with roles completed from the parse.
//!
//! - a mention with an actor names it ("Russian police" → `RUSCOP`);
//! - a role noun with a place in its phrase combines them where the
//!   mentions did not ("Soldiers from Gondor" → `GON` + `MIL`);
//! - a phrase with no actor of its own stands for the first actor inside
//!   it ("a resumption of ties with Mordor");
//! - conjuncts each give an actor; a bare country joined inside a role
//!   phrase shares the role ("lawmakers in Arnor and Gondor" → `ARNLEG`,
//!   `GONLEG`), and a role noun joined to one takes its country ("the
//!   Danish media and government" → `DNKMED`, `DNKGOV`).

use detente_core::{ActorCode, Participant};
use detente_knowledge::Actors;

use super::tree::Tree;
use crate::mentions::{Mention, MentionKind};

/// A sentence ready for matching: its tree and the mention at each token.
pub struct Sent<'a> {
    pub tree: Tree<'a>,
    pub mention_at: Vec<Option<&'a Mention>>,
    pub actors: &'a Actors,
}

pub fn actor_at(s: &Sent, x: usize) -> Option<ActorCode> {
    s.mention_at[x].and_then(|m| m.actor)
}

pub fn same_mention(s: &Sent, a: usize, b: usize) -> bool {
    matches!((s.mention_at[a], s.mention_at[b]), (Some(x), Some(y)) if std::ptr::eq(x, y))
}

/// The actors a slot token stands for: the phrase of its mention.
pub fn slot(s: &Sent, x: usize) -> Vec<Participant> {
    // Climb to the token of the mention whose head lies outside it.
    let mut h = x;
    for _ in 0..s.tree.len() {
        match s.tree.head(h) {
            Some(up) if same_mention(s, up, x) => h = up,
            _ => break,
        }
    }
    phrase(s, h)
}

/// The actors of the phrase headed at `h`, one per conjunct.
pub fn phrase(s: &Sent, h: usize) -> Vec<Participant> {
    let mut out: Vec<Participant> = Vec::new();
    let mut members = s.tree.conjuncts(h);
    // An apposition that names an actor of its own, and the actors joined
    // to it, are more members of a list written with commas ("Mordor, the
    // Shire, Arnor and Bree"); one that describes ("Osgiliath, the state's
    // fiercest foe") names none and adds nothing.
    let named = |x: usize| {
        s.mention_at[x].is_some_and(|m| m.actor.is_some() && m.kind != MentionKind::Agent)
    };
    let listed: Vec<usize> = members
        .iter()
        .flat_map(|&m| s.tree.appositions(m))
        .flat_map(|a| s.tree.conjuncts(a))
        .filter(|&x| named(x) && !members.contains(&x))
        .collect();
    members.extend(listed);
    for x in members {
        match head_actor(s, x) {
            Some((p, inner)) => {
                let shared = inner_conjuncts(s, inner);
                let roles = roles_of(&p);
                out.push(p);
                for c in shared {
                    if let Some((q, _)) = head_actor(s, c) {
                        out.push(with_roles(q, roles.as_deref()));
                    }
                }
            }
            None => {
                // A role noun joined to an actor phrase takes its country.
                let role = role_at(s, x);
                if let (Some(role), Some(first)) = (role, out.first()) {
                    let country = first.actor.and_then(|a| ActorCode::parse(a.head()).ok());
                    if let Some(c) = country {
                        out.push(Participant {
                            text: s.tree.words[x].clone(),
                            actor: Some(c.with_role(role)),
                            span: Some(s.tree.span(x)),
                        });
                    }
                }
            }
        }
    }
    out.dedup_by(|a, b| a.actor == b.actor);
    out
}

/// The actor of the phrase headed at `x`, and the tokens of the mention it
/// came from.
fn head_actor<'a>(s: &Sent<'a>, x: usize) -> Option<(Participant, Vec<usize>)> {
    let own = s.mention_at[x].filter(|m| m.actor.is_some() && m.kind != MentionKind::Agent);
    if let Some(m) = own {
        let tokens = tokens_of(s, x);
        return Some((prefixed(s, &tokens, participant(m)), tokens));
    }
    let y = actor_inside(s, x)?;
    let m = s.mention_at[y]?;
    let mut p = participant(m);
    // The role noun heads the phrase: its role on the inner actor's country
    // ("lawmakers and officials in Arnor": the lawmakers are ARNLEG).
    if let (Some(role), Some(code)) = (role_at(s, x), p.actor) {
        let country = ActorCode::parse(code.head()).unwrap_or(code);
        p.actor = Some(country.with_role(role));
    }
    Some((p, tokens_of(s, y)))
}

/// A mention whose role noun puts its role before the country (PETRARCH's
/// `[NGO~]`: "MSF Arnor" → `NGOARN`, not `ARNNGO`).
fn prefixed(s: &Sent, tokens: &[usize], mut p: Participant) -> Participant {
    let text: Vec<&str> = tokens.iter().map(|&t| s.tree.words[t].as_str()).collect();
    let Some(agent) = s.actors.agent_entry(&text.join(" ")).filter(|a| a.prefix) else {
        return p;
    };
    if let Some(code) = p.actor {
        let c = code.as_str();
        if let Some(country) = c.strip_suffix(agent.role.as_str()).filter(|h| h.len() == 3) {
            p.actor = ActorCode::parse(&format!("{}{country}", agent.role))
                .ok()
                .or(p.actor);
        }
    }
    p
}

/// The tokens of the mention at `x`.
fn tokens_of(s: &Sent, x: usize) -> Vec<usize> {
    (0..s.tree.len())
        .filter(|&y| same_mention(s, x, y))
        .collect()
}

/// Conjuncts attached inside a mention but standing outside it.
fn inner_conjuncts(s: &Sent, inner: Vec<usize>) -> Vec<usize> {
    let mut out = Vec::new();
    for &y in &inner {
        for c in s.tree.conjuncts(y) {
            if !inner.contains(&c) && !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

/// The role blocks of a participant's code beyond its country (`ARNLEG` → `LEG`).
fn roles_of(p: &Participant) -> Option<String> {
    let code = p.actor?;
    let s = code.as_str();
    (s.len() > 3).then(|| s[3..].to_string())
}

/// A bare country code takes the roles of the phrase it is joined inside.
fn with_roles(mut q: Participant, roles: Option<&str>) -> Participant {
    if let (Some(r), Some(code)) = (roles, q.actor)
        && code.as_str().len() == 3
    {
        q.actor = Some(code.with_role(r));
    }
    q
}

/// The CAMEO role of the noun at `x`, if it is a role noun.
fn role_at<'a>(s: &Sent<'a>, x: usize) -> Option<&'a str> {
    let word = s.tree.words.get(x)?;
    s.actors.agent(word)
}

pub fn participant(m: &Mention) -> Participant {
    Participant {
        text: m.name.clone(),
        actor: m.actor,
        span: Some(m.span),
    }
}

/// The first token of an actor mention in the phrase of `x` (not in its
/// relative clauses, appositions or conjuncts).
pub fn actor_inside(s: &Sent, x: usize) -> Option<usize> {
    let t = &s.tree;
    t.subtree(x, |c| matches!(t.rel(c), "conj" | "acl:relcl" | "appos"))
        .into_iter()
        .find(|&y| y != x && actor_at(s, y).is_some())
}
