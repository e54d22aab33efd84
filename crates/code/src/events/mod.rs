//! Event coding: from a sentence's tokens and actor mentions to events.
//!
//! For each token, the patterns anchored on its lowercased form (or lemma)
//! are tried ([`Patterns::anchored_at`]). A pattern matches when its words
//! stand where it says and its `$T` slot finds an actor mention (a verb's
//! direct `$T` never stands after "in", "at" or "to": "protested in Cairo"
//! names a place). The source is then found by slot (`$S`), possessive
//! ("Kerry's visit", "its war"), "by X" after a noun, the parse's `nsubj`
//! where the parser ran, or else the clause subject: the nearest mention
//! before the anchor in the same clause that is not the object of a
//! preposition ("a group of diplomats" is no preposition's object) or the
//! target of an event already coded; an apposition ("Pakistan, a U.S. ally,
//! refused") is skipped, a participle takes the noun before it
//! ("demonstrators protesting"), an infinitive the subject of its verb.
//! Passive verbs swap the roles. Compound phrases ("Russia and the EU")
//! give one event per actor pair. A role phrase with no country ("rebels",
//! "President X") takes the country of a member of its list ("Fabius and a
//! group of deputies"), else the sentence's where it names only one; a
//! nationality after "ethnic" is a minority of that country. A pattern with
//! no target slot (`home`, `alone`) codes a domestic act against the
//! source's own country ("staged a general strike") or an act with no
//! target ("declared a ceasefire"). Where the heaviest match at an anchor
//! codes nothing because its target is its source, the next lighter one
//! is tried.
//!
//! What the sentence says of the act decides how it is coded: negated ("did
//! not attend"), obliged ("Y must withdraw") and conditional ("unless the
//! president steps down") acts are not coded; refused
//! ones ("refused to meet", "will not accept") are rejections (12); future
//! and hypothetical ones are flagged and coded as intents (03) or threats
//! (13), conditional ones ("... unless Y") as threats; reported speech keeps
//! its speaker in `claimed_by`; a place after "in", "at" or "near" is the
//! event's location.
//!
//! Structure comes from closed word classes ([`crate::words`]) so the coder
//! works on plain tokens; tags and the dependency parse are used where the
//! analyzer gives them. Everything is linear in the sentence: one hash
//! lookup per token, bounded look-around per match.
//!
//! # Where each part lives
//!
//! All parts are methods of one [`View`] of the sentence, split by job:
//!
//! - here: [`Found`], [`View`] and its token basics, the bounds on
//!   look-around, and [`View::events`], the loop over anchors that picks
//!   the heaviest match at each and leaves out those inside another;
//! - `matching`: a pattern's words and slots against the tokens
//!   (`try_match`, `match_rest`, slot reach past place nouns and appositions);
//! - `coding`: one match to its events (`code_match`): the filters on the
//!   act, passive roles, the order in which a source is looked for, the
//!   choice of target and the pairing of sources and targets;
//! - `source`: where the source is found: possessive, "by X", `nsubj`, the
//!   clause subject with its apposition, participle and infinitive rules;
//! - `actors`: mentions as actors: lists ("Russia and the EU"), roles shared
//!   or given a country, minorities, pronouns, and the code helpers
//!   (`country_of`, `sole_country`, `same_actor`, `unnamed_target`);
//! - `syntax`: the shape of a noun phrase (determiners, modifiers,
//!   prepositions, possessors) from word classes and tags, and the
//!   dependency parse where the analyzer ran one;
//! - `mood`: what the sentence says of the act: negated, obliged,
//!   demanded, conditional, refused, future, a circumstance or backdrop,
//!   reported speech; and [`refusal_code`], [`threat_code`], [`intent_code`];
//! - `place`: the event's location, and the country a place lends to an
//!   actor the dictionaries cannot code.

mod actors;
mod coding;
mod matching;
mod mood;
mod place;
mod source;
mod syntax;

use detente_core::{
    ActorCode, CameoCode, Date, DepRel, Modality, Participant, PosTag, Span, TextAnalysis,
};

use crate::mentions::{Mention, MentionKind};
use crate::patterns::{Pattern, Patterns};
use crate::words::*;

use actors::sole_country;
pub use mood::{intent_code, refusal_code, threat_code};

/// How far a slot or literal may stand from the previous element without `...`.
const SLOT_REACH: usize = 4;
const WORD_REACH: usize = 3;
/// How far `...` reaches, and how far back a subject is looked for: bounds
/// that keep coding linear even in a sentence of a megabyte.
const GAP_REACH: usize = 40;
const SUBJECT_REACH: usize = 40;

/// An event found in one sentence, before the codebook fills in its names.
#[derive(Debug, Clone)]
pub struct Found<'p> {
    pub pattern: &'p Pattern,
    pub source: Participant,
    pub target: Participant,
    pub evidence: Span,
    pub modality: Modality,
    /// The anchor is refused ("refused to meet"): coded as rejection.
    pub refused: bool,
    /// A condition follows ("... unless Y"): a promise or threat, not a fact.
    pub conditional: bool,
    /// Force is being readied ("prepared to resume shelling"): a show of
    /// force (15), not a threat in words.
    pub poised: bool,
    pub claimed_by: Option<Participant>,
    /// The place the sentence says the event happened ("in Gaza").
    pub location: Option<String>,
}

impl Found<'_> {
    /// The CAMEO code of the event as stated: a refused act is a rejection,
    /// a conditional one a threat, a promised one an intent
    /// ([`refusal_code`], [`threat_code`], [`intent_code`]).
    pub fn code(&self) -> CameoCode {
        let code = self.pattern.code;
        match self.modality {
            _ if self.refused => refusal_code(code),
            Modality::Future if self.poised && matches!(code.root().number(), 18..=20) => {
                CameoCode::parse("150").unwrap_or(code)
            }
            Modality::Future | Modality::Hypothetical if self.conditional => threat_code(code),
            Modality::Future | Modality::Hypothetical => intent_code(code),
            _ => code,
        }
    }
}

/// One sentence prepared for matching.
pub struct View<'a> {
    body: &'a str,
    words: Vec<String>,
    spans: Vec<Span>,
    tags: Vec<Option<PosTag>>,
    /// Dependency heads (sentence-relative) and relations, where the parser ran.
    heads: Vec<Option<usize>>,
    deps: Vec<Option<DepRel>>,
    lemmas: Vec<Option<&'a str>>,
    /// Mentions inside the sentence, with local token ranges.
    chunks: Vec<(usize, usize, &'a Mention)>,
    chunk_from: Vec<Option<usize>>,
    chunk_to: Vec<Option<usize>>,
    /// Persons named before each point of the document, for "he"/"his".
    persons: &'a [&'a Mention],
    /// The one country the sentence names, if it names exactly one: the
    /// country of its role phrases that name none ("rebels", "President X").
    home: Option<ActorCode>,
}

/// An actor phrase found for a slot: a mention or a resolved pronoun.
#[derive(Debug, Clone, PartialEq)]
struct Actor {
    text_span: Span,
    actor: Option<ActorCode>,
    chunk: Option<usize>,
}

#[derive(Clone)]
struct Match<'p> {
    pattern: &'p Pattern,
    anchor: usize,
    end: usize,
    source: Option<Vec<Actor>>,
    targets: Vec<Vec<Actor>>,
    gap_target: bool,
    /// The end of the match before its first `...`: anchors after it are free.
    solid_end: Option<usize>,
}

impl<'a> View<'a> {
    pub fn new(
        body: &'a str,
        text: &'a TextAnalysis,
        sentence: usize,
        mentions: &'a [Mention],
        persons: &'a [&'a Mention],
    ) -> View<'a> {
        let s = text.sentences[sentence];
        let tokens =
            &text.tokens[s.tokens.0.min(text.tokens.len())..s.tokens.1.min(text.tokens.len())];
        let words: Vec<String> = tokens
            .iter()
            .map(|t| t.span.text(body).to_lowercase().replace('’', "'"))
            .collect();
        let n = words.len();
        let first = mentions.partition_point(|m| m.tokens.1 <= s.tokens.0);
        let mut chunks = Vec::new();
        let (mut chunk_from, mut chunk_to) = (vec![None; n], vec![None; n]);
        for m in mentions[first..]
            .iter()
            .take_while(|m| m.tokens.0 < s.tokens.1)
        {
            let (a, b) = (
                m.tokens.0.max(s.tokens.0) - s.tokens.0,
                m.tokens.1.min(s.tokens.1) - s.tokens.0,
            );
            if a >= b || chunk_from[a].is_some() {
                continue;
            }
            chunk_from[a] = Some(chunks.len());
            chunk_to[b - 1] = Some(chunks.len());
            chunks.push((a, b, m));
        }
        // A minority ("ethnic Albanians") does not name the sentence's country.
        let placed: Vec<_> = chunks
            .iter()
            .filter(|c| c.0 == 0 || words[c.0 - 1] != "ethnic")
            .copied()
            .collect();
        let home = sole_country(&placed);
        View {
            body,
            words,
            spans: tokens.iter().map(|t| t.span).collect(),
            tags: tokens.iter().map(|t| t.tag).collect(),
            heads: tokens.iter().map(|t| t.head.map(|h| h as usize)).collect(),
            deps: tokens.iter().map(|t| t.dep).collect(),
            lemmas: tokens.iter().map(|t| t.lemma.as_deref()).collect(),
            chunks,
            chunk_from,
            chunk_to,
            persons,
            home,
        }
    }

    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }

    fn len(&self) -> usize {
        self.words.len()
    }

    fn w(&self, i: usize) -> &str {
        &self.words[i]
    }

    fn is_break(&self, i: usize) -> bool {
        is_in(CLAUSE_BREAKS, self.w(i)) || (self.w(i) == "and" && i > 0 && self.w(i - 1) == ",")
    }

    /// A speech verb, written in lower case ("States" in "United States" is not one).
    fn is_cue(&self, k: usize) -> bool {
        is_in(SPEECH_VERBS, self.w(k))
            && self.spans[k]
                .text(self.body)
                .starts_with(|c: char| c.is_lowercase())
    }

    /// All events of the sentence.
    pub fn events<'p>(&self, patterns: &'p Patterns) -> Vec<Found<'p>> {
        // Per anchor, its matches heaviest first (the first line wins ties).
        let mut alternatives: Vec<Vec<Match<'p>>> = Vec::new();
        for i in 0..self.len() {
            let lemma = self.lemmas[i].filter(|l| *l != self.w(i));
            let candidates = patterns
                .anchored_at(self.w(i))
                .chain(lemma.into_iter().flat_map(|l| patterns.anchored_at(l)));
            let mut here: Vec<Match<'p>> =
                candidates.filter_map(|p| self.try_match(p, i)).collect();
            here.sort_by_key(|m| std::cmp::Reverse(m.pattern.weight()));
            if !here.is_empty() {
                alternatives.push(here);
            }
        }
        let matches: Vec<&Match<'p>> = alternatives.iter().map(|a| &a[0]).collect();
        // Heavier matches first; a match whose anchor lies inside one already
        // taken ("impose sanctions on": the noun "sanctions") adds nothing.
        let mut order: Vec<usize> = (0..matches.len()).collect();
        order.sort_by_key(|&k| {
            (
                std::cmp::Reverse(matches[k].pattern.weight()),
                matches[k].anchor,
            )
        });
        let mut taken: Vec<usize> = Vec::new();
        for k in order {
            let m = &matches[k];
            let covers = |t: &Match| (t.anchor..t.solid_end.unwrap_or(t.end)).contains(&m.anchor);
            if !taken.iter().any(|&t| t != k && covers(matches[t])) {
                taken.push(k);
            }
        }
        taken.sort_by_key(|&k| matches[k].anchor);
        let claim = self.claim();
        let mut used: Vec<usize> = Vec::new();
        let mut out = Vec::new();
        for k in taken {
            // A heavier match whose target is the source itself ("imposed a
            // curfew in Turkey" by Turkish authorities) leaves the anchor to
            // a lighter one; one that found no target or source ends the search.
            for m in &alternatives[k] {
                let found = self.code_match(m, &mut used, claim.as_ref());
                if !found.is_empty() || m.targets.is_empty() {
                    out.extend(found);
                    break;
                }
            }
        }
        if out.iter().any(|f| !f.pattern.weak) {
            out.retain(|f| !f.pattern.weak);
        }
        out
    }
}

/// The day an event in `sentence` happened: its resolved time expression,
/// else the article date.
pub fn event_date(text: &TextAnalysis, sentence: usize, article: Option<Date>) -> Option<Date> {
    let span = text.sentences[sentence].span;
    text.times
        .iter()
        .filter(|t| span.contains(t.span))
        .find_map(|t| t.range.map(|r| r.first))
        .or(article)
}

/// Persons with an actor code, in text order, for pronoun resolution.
pub fn persons(mentions: &[Mention]) -> Vec<&Mention> {
    mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Person && m.actor.is_some())
        .collect()
}
