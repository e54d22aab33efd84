//! Actor mentions: the noun phrases that may be an event's source or target.
//!
//! Two inputs are merged: the knowledge base's matches over the whole body
//! (countries, capitals, demonyms, organisations, known persons, role nouns)
//! and the analyze stage's entities (persons or organisations the
//! dictionaries do not know, such as an expert quoted by name). Pieces that
//! form one noun phrase are joined into one [`Mention`] — "U.S. Secretary of
//! State John Kerry", "the Russian foreign ministry" — and the phrase's actor
//! code is composed from its pieces: a known person wins, then an
//! organisation, then the country (the last one, the head) with the role of
//! a role noun added (`RUS` + `GOV` = `RUSGOV`).
//!
//! A role phrase with no country takes the place it is "in" or "of"
//! ("security forces in Guinea" → `GINCOP`), unless a possessive already
//! owns it ("its troops in Syria"); a capital after "in", "at" or "near" is
//! a place and gives its country, not its government ("in Moscow" → `RUS`);
//! a name the dictionaries do not know after a title is part of the phrase
//! ("Bulgarian President Todor Zhivkov"). Each mention keeps its role so the
//! coder can give a countryless one the country of its sentence.

use detente_core::{ActorCode, Date, Entity, EntityKind, Span, TextAnalysis};
use detente_knowledge::{ActorKind, ActorMatch, Actors};

/// What kind of phrase a mention is, after merging.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    Person,
    Organization,
    /// A country, region, capital or demonym (possibly with a role noun).
    Place,
    /// A role noun alone ("analysts", "the foreign ministry").
    Agent,
    /// A named entity the dictionaries do not know.
    Unknown,
}

/// One actor phrase of the body.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub span: Span,
    /// Global token range `[first, end)`.
    pub tokens: (usize, usize),
    pub actor: Option<ActorCode>,
    pub kind: MentionKind,
    /// The fullest name known ("John Kerry" for "Kerry"), else the text.
    pub name: String,
    /// Whether the phrase includes a capital used as metonym ("Moscow").
    pub capital: bool,
    /// The role of the phrase's role noun (`COP` for "security forces"), kept
    /// so that a phrase with no country can take one from its sentence.
    pub role: Option<ActorCode>,
}

/// One piece before merging: a dictionary match or an entity.
struct Piece {
    span: Span,
    kind: ActorKind,
    code: Option<ActorCode>,
    name: String,
}

/// All actor mentions of the body, in text order.
pub fn mentions(
    body: &str,
    text: &TextAnalysis,
    actors: &Actors,
    date: Option<Date>,
) -> Vec<Mention> {
    let mut matches = actors.find(body, date);
    matches.retain(|m| !(m.kind == ActorKind::Agent && hyphenated(body, m.span)));
    let mut pieces: Vec<Piece> = matches.iter().map(|m| piece_of_match(body, m)).collect();
    for e in &text.entities {
        if !matches.iter().any(|m| m.span.overlaps(e.span)) {
            pieces.push(piece_of_entity(e, actors, date));
        }
    }
    pieces.sort_by_key(|p| (p.span.start, p.span.end));
    let mut out: Vec<Mention> = Vec::new();
    let mut group: Vec<Piece> = Vec::new();
    for p in pieces {
        if let Some(last) = group.last() {
            if p.span.start < last.span.end {
                continue; // an entity overlapping a match: the match came first
            }
            if !joins(body, &group, &p) {
                out.push(merge(body, std::mem::take(&mut group), text, p.span.start));
            }
        }
        group.push(p);
    }
    if !group.is_empty() {
        out.push(merge(body, group, text, body.len()));
    }
    out
}

/// Whether the span is part of a lowercase hyphenated word: the role noun
/// in "multi-party elections", "pro-government militias" or "party-run
/// press" names no actor, where "Vice-President" still does.
fn hyphenated(body: &str, span: Span) -> bool {
    let lower = |c: Option<char>| c.is_some_and(char::is_lowercase);
    let before = body.get(..span.start).and_then(|b| b.strip_suffix('-'));
    let after = body.get(span.end..).and_then(|a| a.strip_prefix('-'));
    before.is_some_and(|b| lower(b.chars().next_back()))
        || after.is_some_and(|a| lower(a.chars().next()))
}

fn piece_of_match(body: &str, m: &ActorMatch) -> Piece {
    // "in Moscow" is a place, not the government "Moscow said" stands for.
    let code = if m.kind == ActorKind::Capital && locative_before(body, m.span.start) {
        ActorCode::parse(m.code.head()).unwrap_or(m.code)
    } else {
        m.code
    };
    Piece {
        span: m.span,
        kind: m.kind,
        code: Some(code),
        name: m.entry.clone(),
    }
}

/// Whether a locative preposition stands right before `at` (over "the").
fn locative_before(body: &str, at: usize) -> bool {
    let before = body.get(..at).unwrap_or("");
    let mut words = before.split_whitespace().rev();
    let mut last = words.next().unwrap_or("");
    if last.eq_ignore_ascii_case("the") {
        last = words.next().unwrap_or("");
    }
    matches!(
        last,
        "in" | "at" | "near" | "into" | "outside" | "around" | "across" | "inside"
    )
}

fn piece_of_entity(e: &Entity, actors: &Actors, date: Option<Date>) -> Piece {
    let known = (e.kind == EntityKind::Person)
        .then(|| actors.person(e.name(), date))
        .flatten();
    Piece {
        span: e.span,
        // A place the dictionaries do not know is still a place: the
        // location of an event, the place a role phrase is in.
        kind: match e.kind {
            EntityKind::Person => ActorKind::Person,
            EntityKind::Location => ActorKind::Region,
            _ => ActorKind::Organization,
        },
        code: known.as_ref().map(|m| m.code).or(e.actor),
        name: known
            .map(|m| m.entry)
            .unwrap_or_else(|| e.name().to_string()),
    }
}

/// Whether the next piece `b` continues the noun phrase of `group`: only
/// spaces between them; a capitalised title before a person or role ("U.S.
/// Secretary of State John Kerry"); a possessive before a role or person
/// ("Taiwan's vice foreign minister"); up to two lowercase modifiers between
/// a country and a role ("Nigerian junior foreign minister"); or a role
/// without a country "of", "from" or "in" a place ("the president of
/// Armenia", "doctors from two American aid groups", "security forces in
/// Guinea"): a role phrase that names no country takes the one it is placed
/// in, while "Russian troops in Syria" stays Russian.
fn joins(body: &str, group: &[Piece], b: &Piece) -> bool {
    let a = &group[group.len() - 1];
    let between = body.get(a.span.end..b.span.start).unwrap_or(",");
    if between.trim().is_empty() {
        return !between.contains("\n\n");
    }
    if between.contains(['\n', ',', ';', '(', ')', '"']) {
        return false;
    }
    // "Vietnamese-led forces" are that country's; "Syrian-backed" ones are not.
    if between.trim() == "-led" {
        return b.kind == ActorKind::Agent
            && matches!(a.kind, ActorKind::Country | ActorKind::Demonym);
    }
    let words: Vec<&str> = between.split_whitespace().collect();
    let is_place = |k: ActorKind| {
        matches!(
            k,
            ActorKind::Country | ActorKind::Capital | ActorKind::Demonym | ActorKind::Region
        )
    };
    let role_like = matches!(b.kind, ActorKind::Person | ActorKind::Agent);
    let capitalised = |w: &&str| {
        *w == "of"
            || w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
    };
    let lowercase = |w: &&str| w.chars().all(|c| c.is_lowercase() || c == '-');
    let possessive = matches!(words.first(), Some(&("'s" | "’s" | "'" | "’")));
    if possessive
        && role_like
        && words.len() <= 3
        && words[1..].iter().all(|w| capitalised(w) || lowercase(w))
    {
        return is_place(a.kind) || a.kind == ActorKind::Organization;
    }
    if role_like && words.len() <= 4 && words.iter().all(capitalised) {
        return true;
    }
    let modifier = |w: &&str| {
        lowercase(w) && !w.ends_with("ed") && !w.ends_with("ing") && !NOT_MODIFIERS.contains(w)
    };
    if is_place(a.kind)
        && b.kind == ActorKind::Agent
        && words.len() <= 2
        && words.iter().all(modifier)
    {
        return true;
    }
    // "from" before a country name mostly belongs to the verb ("withdrew
    // its forces from Panama"); before a demonym it cannot.
    let placed = |w: &[&str]| match w {
        [p, rest @ ..]
            if rest.len() <= 2
                && (matches!(*p, "of" | "in")
                    || (*p == "from" && b.kind == ActorKind::Demonym)) =>
        {
            rest.iter().all(|w| PLACE_DETERMINERS.contains(w))
        }
        _ => false,
    };
    a.kind == ActorKind::Agent
        && is_place(b.kind)
        && placed(&words)
        && !group.iter().any(|p| is_place(p.kind))
        && !owned(body, group[0].span.start)
}

/// Whether a possessive determiner stands right before `at` ("its troops"):
/// such a phrase already has its country, whatever place follows it.
fn owned(body: &str, at: usize) -> bool {
    let before = body.get(..at).unwrap_or("");
    let last = before.split_whitespace().next_back().unwrap_or("");
    matches!(
        last.to_lowercase().as_str(),
        "its" | "their" | "his" | "her" | "our"
    )
}

/// Words that may stand between "of", "from" or "in" and a place joined to a
/// role ("doctors from two American aid groups").
const PLACE_DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "two",
    "three",
    "several",
    "some",
    "many",
    "various",
    "neighbouring",
    "neighboring",
];

/// Lowercase words that end a noun phrase rather than modify its head.
const NOT_MODIFIERS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "and", "or", "to", "of",
    "in", "on", "for", "with", "by", "at", "from", "the", "a", "an", "said", "says", "that", "as",
    "also", "not", "its", "their",
];

/// One mention from a group of pieces; `limit` is where the next piece starts.
fn merge(body: &str, group: Vec<Piece>, text: &TextAnalysis, limit: usize) -> Mention {
    let mut span = group[0].span.cover(group[group.len() - 1].span);
    if group[group.len() - 1].kind == ActorKind::Agent {
        span = span.cover(name_after(body, text, span.end, limit));
    }
    let of = |k: ActorKind| group.iter().rev().find(|p| p.kind == k);
    let is_place = |p: &Piece| {
        matches!(
            p.kind,
            ActorKind::Country | ActorKind::Capital | ActorKind::Demonym | ActorKind::Region
        )
    };
    // The last place is the head ("the Russian foreign ministry"), but of
    // two nationalities side by side the first is the country the people
    // live in: "Bosnian Serbs" are Bosnia's, "Iraqi Kurds" Iraq's.
    let mut place = group.iter().rposition(is_place);
    while let Some(k) = place.filter(|&k| k > 0) {
        let (a, b) = (&group[k - 1], &group[k]);
        let adjacent = body
            .get(a.span.end..b.span.start)
            .is_some_and(|w| w.trim().is_empty());
        if adjacent
            && b.kind == ActorKind::Demonym
            && matches!(a.kind, ActorKind::Country | ActorKind::Demonym)
        {
            place = Some(k - 1);
        } else {
            break;
        }
    }
    let place = place.map(|k| &group[k]);
    let agent = of(ActorKind::Agent).and_then(|a| a.code);
    // A capital joined to a role ("demonstrators in Baghdad") gives its
    // country, not the government it stands for alone.
    let place_code = place.and_then(|c| c.code).map(|code| match agent {
        Some(_) if is_capital(place) => ActorCode::parse(code.head()).unwrap_or(code),
        _ => code,
    });
    let (kind, actor, name) = if let Some(p) = of(ActorKind::Person) {
        // Out of all offices at the date (an elite, `SRBELI`), a person is
        // taken at the title the text gives ("Serbian President X": SRBGOV).
        let titled = place_code
            .zip(agent)
            .filter(|_| p.code.is_none_or(|c| c.as_str().ends_with("ELI")))
            .map(|(c, _)| with_agent(c, agent));
        let actor = titled
            .or(p.code)
            .or_else(|| place_code.map(|c| with_agent(c, agent)));
        (MentionKind::Person, actor, p.name.clone())
    } else if let Some(o) = of(ActorKind::Organization) {
        // A name the dictionaries do not know after a nationality ("Iraqi
        // Kurds") belongs to that country.
        let kind = if o.code.is_some() {
            MentionKind::Organization
        } else {
            MentionKind::Unknown
        };
        (kind, o.code.or(place_code), o.name.clone())
    } else if let Some(c) = place {
        let code = place_code.map(|code| with_agent(code, agent));
        (MentionKind::Place, code, c.name.clone())
    } else {
        (MentionKind::Agent, None, span.text(body).to_string())
    };
    let first = text.tokens.partition_point(|t| t.span.end <= span.start);
    let end = text.tokens.partition_point(|t| t.span.start < span.end);
    let capital = group.iter().any(|p| p.kind == ActorKind::Capital);
    Mention {
        span,
        tokens: (first, end.max(first)),
        actor,
        kind,
        name,
        capital,
        role: agent,
    }
}

fn is_capital(place: Option<&Piece>) -> bool {
    place.is_some_and(|p| p.kind == ActorKind::Capital)
}

/// The span of the name the dictionaries do not know after a title
/// ("Bulgarian President Todor Zhivkov"): up to four capitalised words
/// right after `end`, before `limit`; else an empty span at `end`.
fn name_after(body: &str, text: &TextAnalysis, end: usize, limit: usize) -> Span {
    let first = text.tokens.partition_point(|t| t.span.start < end);
    let mut last = Span::new(end, end);
    for t in text.tokens[first..].iter().take(4) {
        if t.span.end > limit {
            break;
        }
        let w = t.span.text(body);
        let gap = body.get(last.end..t.span.start).unwrap_or(",");
        let capitalised = w.starts_with(|c: char| c.is_uppercase())
            && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
            && !NOT_NAMES.contains(&w);
        if !capitalised || !gap.trim().is_empty() || gap.contains('\n') {
            break;
        }
        last = t.span;
    }
    last
}

/// Capitalised words that follow a role noun without being a name.
const NOT_NAMES: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "And",
    "But",
    "Mr.",
    "Mrs.",
];

/// A country code with the role of a role noun added (`RUS` + `GOV`); codes
/// that already carry a role keep it.
fn with_agent(code: ActorCode, agent: Option<ActorCode>) -> ActorCode {
    match agent {
        Some(role) if code.as_str().len() == 3 => code.with_role(role.as_str()),
        _ => code,
    }
}
