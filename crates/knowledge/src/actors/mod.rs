//! Actors: who an actor mention in text stands for, at a given date.
//!
//! Four kinds of dictionary feed one [`Actors`] value:
//! - names (`actors/countries.txt`, `actors/organizations.txt`): countries,
//!   regions, demonyms, capitals and seats of government used as metonyms,
//!   organisations and armed groups, each with a fixed code;
//! - people (`actors/people.txt`): persons whose code depends on the date,
//!   because offices change hands;
//! - agents (`actors/agents.txt`): role nouns ("foreign minister",
//!   "rebels") that give a CAMEO role but no country.
//!
//! All surface forms go into one Aho-Corasick automaton, matched ASCII-case-
//! insensitively over the original text (so byte offsets need no mapping);
//! case rules and word boundaries are checked on each candidate afterwards
//! ([`matcher`]), and the longest leftmost candidates win.

mod agents;
mod codes;
mod matcher;
mod names;
mod people;

use detente_core::{ActorCode, Date, Span};

use crate::KnowledgeError;
use crate::codebook::Codebook;
use crate::lines::Source;

pub use agents::Agent;
pub use names::NameEntry;
pub use people::{Person, PersonRole};

use matcher::{Matcher, Target};

/// What kind of mention an [`ActorMatch`] is; the code stage decides from it
/// how the mention may act (a capital is an actor only as a grammatical agent,
/// "Moscow said", not as a place, "in Moscow").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    /// A country or territory by name: "Russia" → `RUS`.
    Country,
    /// A world region or group of countries: "Europe" → `EUR`.
    Region,
    /// A capital or seat of government as metonym: "Moscow" → `RUSGOV`.
    Capital,
    /// A demonym or adjective: "Russian" → `RUS`.
    Demonym,
    /// An organisation, armed group or NGO: "NATO" → `NATO`.
    Organization,
    /// A named person, coded by the office held at the date.
    Person,
    /// A role noun without a country: "foreign minister" → `GOV`.
    Agent,
}

/// One actor mention found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMatch {
    /// Byte offsets into the text given to [`Actors::find`].
    pub span: Span,
    pub code: ActorCode,
    pub kind: ActorKind,
    /// The canonical name of the entry, e.g. "John Kerry" for "Kerry".
    pub entry: String,
    /// For persons: the title held at the date, e.g. "Secretary of State".
    pub role: Option<String>,
    /// The dictionary line that produced the match, e.g. `actors/people.txt:42`.
    pub rule: String,
}

/// The actor dictionaries, read once, immutable and `Send + Sync`.
#[derive(Debug, Clone)]
pub struct Actors {
    names: Vec<NameEntry>,
    people: Vec<Person>,
    agents: Vec<Agent>,
    matcher: Matcher,
}

/// The files an [`Actors`] value is built from.
pub struct ActorSources<'a> {
    pub countries: Source<'a>,
    pub organizations: Source<'a>,
    pub people: Source<'a>,
    pub agents: Source<'a>,
}

impl Actors {
    /// Reads and checks all actor files; codes are validated against `codebook`
    /// and the countries declared in the countries file.
    pub fn parse(src: ActorSources, codebook: &Codebook) -> Result<Actors, KnowledgeError> {
        let mut known = codes::KnownCodes::new(codebook);
        let mut names = names::parse(src.countries, &mut known)?;
        names.extend(names::parse(src.organizations, &mut known)?);
        let people = people::parse(src.people, &known)?;
        let agents = agents::parse(src.agents, &known)?;
        Ok(Actors::from_parts(names, people, agents))
    }

    /// Builds the matcher over entries read by any reader (ours or PETRARCH's).
    pub fn from_parts(names: Vec<NameEntry>, people: Vec<Person>, agents: Vec<Agent>) -> Actors {
        let matcher = Matcher::build(&names, &people, &agents);
        Actors {
            names,
            people,
            agents,
            matcher,
        }
    }

    pub fn names(&self) -> &[NameEntry] {
        &self.names
    }

    pub fn people(&self) -> &[Person] {
        &self.people
    }

    pub fn agents(&self) -> &[Agent] {
        &self.agents
    }

    /// Every actor mention in `text`, in text order, not overlapping: the
    /// longest leftmost whole-word match wins. Persons are coded at `date`
    /// (`None`: today).
    pub fn find(&self, text: &str, date: Option<Date>) -> Vec<ActorMatch> {
        let date = date.unwrap_or_else(today);
        self.matcher
            .find(text)
            .into_iter()
            .filter_map(|(span, targets)| self.resolve(span, &targets, date))
            .collect()
    }

    /// A person by full name or alias (any case), coded at `date`; the span
    /// covers the whole of `name`.
    pub fn person(&self, name: &str, date: Option<Date>) -> Option<ActorMatch> {
        let date = date.unwrap_or_else(today);
        let name = name.trim();
        let candidates: Vec<usize> = (0..self.people.len())
            .filter(|&i| self.people[i].names().any(|n| n.eq_ignore_ascii_case(name)))
            .collect();
        let i = people::choose(&self.people, &candidates, date)?;
        Some(self.person_match(Span::new(0, name.len()), i, date))
    }

    /// The CAMEO role of a noun phrase built on a role noun: "the Russian
    /// foreign ministry" → `GOV`, "rebel fighters" → `REB`. The longest role
    /// noun in the phrase decides; ties go to the rightmost (the head noun).
    pub fn agent(&self, noun_phrase: &str) -> Option<&str> {
        self.agent_entry(noun_phrase).map(|a| a.role.as_str())
    }

    /// The role noun entry that decides [`Actors::agent`], with its rule
    /// and whether its role goes before the country.
    pub fn agent_entry(&self, noun_phrase: &str) -> Option<&Agent> {
        self.matcher
            .find_all(noun_phrase)
            .into_iter()
            .filter_map(|(span, targets)| {
                targets.iter().find_map(|t| match t {
                    Target::Agent(i) => Some((span, *i)),
                    _ => None,
                })
            })
            .max_by_key(|(span, _)| (span.len(), span.start))
            .map(|(_, i)| &self.agents[i])
    }

    fn resolve(&self, span: Span, targets: &[Target], date: Date) -> Option<ActorMatch> {
        let persons: Vec<usize> = targets
            .iter()
            .filter_map(|t| match t {
                Target::Person(i) => Some(*i),
                _ => None,
            })
            .collect();
        if !persons.is_empty() {
            let i = people::choose(&self.people, &persons, date)?;
            return Some(self.person_match(span, i, date));
        }
        match *targets.first()? {
            Target::Name(i) => {
                let e = &self.names[i];
                Some(ActorMatch {
                    span,
                    code: e.code,
                    kind: e.kind,
                    entry: e.canonical.clone(),
                    role: None,
                    rule: e.rule.clone(),
                })
            }
            Target::Agent(i) => {
                let a = &self.agents[i];
                Some(ActorMatch {
                    span,
                    code: a.code,
                    kind: ActorKind::Agent,
                    entry: a.phrase.clone(),
                    role: None,
                    rule: a.rule.clone(),
                })
            }
            Target::Person(_) => None,
        }
    }

    fn person_match(&self, span: Span, i: usize, date: Date) -> ActorMatch {
        let p = &self.people[i];
        let at = p.at(date);
        ActorMatch {
            span,
            code: at.code,
            kind: ActorKind::Person,
            entry: p.name.clone(),
            role: at.title.filter(|t| !t.is_empty()).map(str::to_string),
            rule: at.rule.to_string(),
        }
    }
}

fn today() -> Date {
    chrono::Utc::now().date_naive()
}
