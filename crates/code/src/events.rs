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

use detente_core::{
    ActorCode, CameoCode, Date, DepRel, Modality, Participant, PosTag, Span, TextAnalysis,
};

use crate::mentions::{Mention, MentionKind};
use crate::patterns::{AnchorKind, Element, Pattern, Patterns, Untargeted};
use crate::words::*;

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

    fn actor_of_chunk(&self, c: usize) -> Actor {
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
    fn pronoun(&self, i: usize) -> Option<Actor> {
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
    fn group_forward(&self, c: usize) -> Vec<Actor> {
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
    fn group_backward(&self, c: usize) -> Vec<Actor> {
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

    /// Whether the chunk stands after a preposition (skipping determiners and
    /// modifiers: "of the divided Mediterranean"), itself or as a later
    /// member of a list ("on Europe and NATO").
    fn object_of_preposition(&self, c: usize) -> bool {
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
    fn phrase_start(&self, j: usize) -> usize {
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
    fn lowercase_word(&self, j: usize) -> bool {
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

    /// Whether the tagger marked token `j` as a modifier inside a noun phrase.
    fn modifier(&self, j: usize) -> bool {
        matches!(
            self.tags[j].map(|t| t.as_str()),
            Some("JJ" | "JJR" | "JJS" | "CD" | "PRP$" | "VBN" | "NN" | "NNP")
        ) && self.chunk_to[j].is_none()
    }

    /// The first chunk starting in `from..to`, not crossing a clause break
    /// or another word class that ends a phrase.
    fn slot(&self, from: usize, reach: Option<usize>) -> Vec<usize> {
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
    fn coded_chunk_at(&self, j: usize) -> bool {
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
    fn try_match<'p>(&self, p: &'p Pattern, i: usize) -> Option<Match<'p>> {
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

    /// The country of the place right after chunk `c` ("... in central
    /// Iran", "(UCF) near Gaza"), for a phrase the dictionaries cannot code.
    fn placed_in(&self, c: usize) -> Option<ActorCode> {
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

    /// Where the text goes on after an apposition of one mention starting
    /// at token `j` (", UNHCR," or "(UNHCR)"); `j` where there is none.
    fn past_apposition(&self, j: usize) -> usize {
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

    /// The subject the parse gives the verb at `i`: its `nsubj`, or that of
    /// the verb it complements or is conjoined to ("threatened to ban",
    /// "met and praised"); only where it names a coded actor.
    fn parsed_subject(&self, i: usize) -> Option<Vec<Actor>> {
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

    /// The first dependent of token `v` whose relation passes `rel`; the
    /// scan is bounded so that a huge sentence stays linear.
    fn child(&self, v: usize, rel: impl Fn(DepRel) -> bool) -> Option<usize> {
        let lo = v.saturating_sub(SUBJECT_REACH);
        let hi = (v + SUBJECT_REACH).min(self.len());
        (lo..hi).find(|&k| self.heads[k] == Some(v) && self.deps[k].is_some_and(&rel))
    }

    /// The coded mention at token `k`, or at one of its nominal modifiers
    /// ("a group of Moroccan diplomats"), with the actors joined to it.
    fn actor_at(&self, k: usize) -> Option<Vec<Actor>> {
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

    fn chunk_containing(&self, k: usize) -> Option<usize> {
        let c = self.chunks.partition_point(|x| x.1 <= k);
        (c < self.chunks.len() && self.chunks[c].0 <= k).then_some(c)
    }

    /// The subject of the clause the anchor at `i` stands in, searching back
    /// from token `i` (exclusive).
    fn subject(&self, i: usize, used: &[usize]) -> Option<Vec<Actor>> {
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
    fn modifies_common_noun(&self, i: usize) -> bool {
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
    fn nearest_before(&self, i: usize) -> Option<Vec<Actor>> {
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

    /// Whether the chunk is a possessor of a following noun ("Russia's recovery").
    fn possessor(&self, c: usize) -> bool {
        let end = self.chunks[c].1;
        self.w(end - 1).ends_with("'s") || (end < self.len() && is_possessive(self.w(end)))
    }

    /// The possessor of the noun at `i` ("Kerry's visit", "his talks").
    fn possessive_source(&self, i: usize) -> Option<Vec<Actor>> {
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
    fn between(&self, m: &Match) -> Option<Vec<Actor>> {
        let between = m
            .pattern
            .after
            .iter()
            .any(|e| matches!(e, Element::Word(alts) if alts.iter().any(|a| a == "between")));
        let group = m.targets.first().filter(|g| between && g.len() > 1)?;
        Some(group.clone())
    }

    /// "by X" right after a noun anchor.
    fn by_agent(&self, from: usize) -> Option<Vec<Actor>> {
        (from < self.len() && self.w(from) == "by")
            .then(|| {
                self.slot(from + 1, Some(3))
                    .first()
                    .map(|&c| self.group_forward(c))
            })
            .flatten()
    }

    fn is_passive(&self, i: usize) -> bool {
        (1..=2).any(|k| i >= k && is_in(BE_FORMS, self.w(i - k))) && !self.w(i).ends_with("ing")
    }

    fn negated(&self, i: usize) -> bool {
        let lo = i.saturating_sub(4);
        (lo..i).rev().take_while(|&j| !self.is_break(j)).any(|j| {
            is_in(NEGATORS, self.w(j))
                || (is_in(NEGATING_VERBS, self.w(j)) && j + 1 < self.len() && self.w(j + 1) == "to")
        })
    }

    fn modality(&self, i: usize) -> Modality {
        let lo = i.saturating_sub(10);
        let mut j = i;
        while j > lo {
            j -= 1;
            let w = self.w(j);
            if matches!(w, "if" | "unless") || is_in(HYPOTHETICAL, w) {
                return Modality::Hypothetical;
            }
            if self.is_break(j) {
                break;
            }
            if is_in(FUTURE, w) || (is_in(FUTURE_TO, w) && self.to_follows(j, i)) {
                return Modality::Future;
            }
            if is_in(POSSIBLE, w) {
                return Modality::Possible;
            }
        }
        Modality::Asserted
    }

    /// Whether forces are readied for the act at `i`: "prepared to resume
    /// shelling", "poised to attack".
    fn poised(&self, i: usize) -> bool {
        (i.saturating_sub(6)..i)
            .rev()
            .take_while(|&j| !self.is_break(j))
            .any(|j| {
                matches!(
                    self.w(j),
                    "prepared" | "preparing" | "prepares" | "poised" | "readying"
                ) && self.to_follows(j, i + 1)
            })
    }

    /// Whether "to" follows token `j` before token `i`, over at most a short
    /// adverbial ("threatened on Monday to break").
    fn to_follows(&self, j: usize, i: usize) -> bool {
        (j + 1..i.min(j + 5)).any(|k| self.w(k) == "to")
    }

    /// Whether "unless" follows the anchor at `i` in the sentence: "X will
    /// withdraw unless Y ..." states a condition, i.e. a threat.
    fn conditional(&self, i: usize) -> bool {
        (i + 1..self.len().min(i + GAP_REACH)).any(|k| self.w(k) == "unless")
    }

    /// Whether the anchor at `i` is refused: "refused to attend", "declined
    /// to meet", "will not accept". Refusal is coded as rejection (CAMEO 12),
    /// where plain negation ("did not attend") is not coded at all.
    fn refused(&self, i: usize) -> bool {
        let lo = i.saturating_sub(4);
        (lo..i).rev().take_while(|&j| !self.is_break(j)).any(|j| {
            let w = self.w(j);
            (is_in(REFUSING_VERBS, w) && self.to_follows(j, i + 1))
                || (is_in(NEGATORS, w) && j > 0 && is_in(REFUSING_MODALS, self.w(j - 1)))
        })
    }

    /// Whether "must" or "should" governs the anchor at `i`: "Y must
    /// withdraw" is a demand on Y (coded from the demand), not a withdrawal.
    fn obliged(&self, i: usize) -> bool {
        (i.saturating_sub(3)..i).any(|j| matches!(self.w(j), "must" | "should" | "ought"))
    }

    /// Whether the act at `i` is what someone demands or urges, not what
    /// happened: "demanded that its partners refuse to recognize X",
    /// "urged Y to withdraw", "called for the release of Z". The demand
    /// itself is coded from its own pattern.
    fn demanded(&self, i: usize, noun: bool) -> bool {
        if noun {
            // "demanded the release", "called for the withdrawal".
            let j = self.phrase_start(i);
            let k = match j.checked_sub(1) {
                Some(k) if self.w(k) == "for" && k > 0 => k - 1,
                Some(k) => k,
                None => return false,
            };
            if is_in(DEMAND_VERBS, self.w(k)) {
                return true;
            }
        }
        let mut chunk_between = false;
        for j in (i.saturating_sub(12)..i).rev() {
            let w = self.w(j);
            if is_in(DEMAND_VERBS, w) {
                let next = self.w(j + 1);
                // "urged Y to withdraw": an addressee, then the act.
                let to = i >= 2 && self.w(i - 1) == "to" && chunk_between;
                return next == "that" || to;
            }
            chunk_between |= self.chunk_to[j].is_some();
            if self.is_break(j) && w != "that" {
                return false;
            }
        }
        false
    }

    /// A verb in "-ing" right after a preposition is the content of another
    /// phrase ("an appeal for deploying troops"), not an event of its own.
    fn gerund_in_phrase(&self, i: usize) -> bool {
        self.w(i).ends_with("ing")
            && i > 0
            && matches!(
                self.w(i - 1),
                "for" | "of" | "about" | "on" | "against" | "after" | "before" | "from" | "by"
            )
    }

    /// Whether the noun at `i` is the complement of another noun ("an
    /// investigation of illegal arms sales"): the clause subject did not
    /// do what it names.
    fn complement_of_noun(&self, i: usize) -> bool {
        let j = self.phrase_start(i);
        j >= 2 && self.w(j - 1) == "of" && self.lowercase_word(j - 2)
    }

    /// Whether the anchor at `i` stands in an "if" or "unless" clause: "...
    /// unless the president agrees to step down" states the condition of
    /// another act (coded as a threat there), not an event of its own.
    fn condition(&self, i: usize) -> bool {
        // "if" and "unless" are clause breaks themselves: checked first.
        for j in (i.saturating_sub(10)..i).rev() {
            if matches!(self.w(j), "if" | "unless") {
                return true;
            }
            if self.is_break(j) {
                return false;
            }
        }
        false
    }

    /// Whether the noun at `i` names the circumstance of another act ("after
    /// a demonstration", "during the strike"): then its clause's subject is
    /// not the one who held it.
    fn circumstance(&self, i: usize) -> bool {
        let j = self.phrase_start(i);
        j > 0
            && matches!(
                self.w(j - 1),
                "after" | "following" | "before" | "during" | "since" | "despite" | "amid" | "over"
            )
    }

    /// Whether the noun at `i` gives the cause or backdrop of another act
    /// ("closed its borders because of fighting between ...", "amid
    /// clashes with ..."): reported as background, not as the news.
    fn background(&self, i: usize) -> bool {
        let j = self.phrase_start(i);
        j > 0
            && (self.w(j - 1) == "amid"
                || (j > 1 && self.w(j - 1) == "of" && self.w(j - 2) == "because")
                || (j > 1 && self.w(j - 1) == "to" && self.w(j - 2) == "due"))
    }

    /// The place stated for the event at anchor `i`: the first place (or
    /// name the dictionaries do not know) after a locative preposition
    /// following the anchor, else the last before it.
    fn location(&self, i: usize) -> Option<String> {
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
    fn placed_sources(&self, sources: Vec<Actor>, i: usize) -> Vec<Actor> {
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

    /// Who the sentence attributes its content to ("analysts said ...",
    /// "..., Wan said"), if anyone: the speech verb's index and speaker.
    fn claim(&self) -> Option<(usize, Participant)> {
        let k = (0..self.len()).find(|&k| self.is_cue(k))?;
        let before = k
            .checked_sub(1)
            .and_then(|j| self.chunk_to[j])
            .map(|c| self.actor_of_chunk(c));
        let after = self
            .chunk_from
            .get(k + 1)
            .copied()
            .flatten()
            .map(|c| self.actor_of_chunk(c));
        let speaker = match (before, after) {
            (Some(a), _) | (None, Some(a)) => self.participant(&a),
            _ => {
                let j = k.checked_sub(1)?;
                let w = self.w(j);
                // A bare word names a speaker only if it can be one: a noun
                // or pronoun, not "and" in "criticized X and urged Y".
                let nominal =
                    self.tags[j].is_none_or(|t| t.is_noun() || t.as_str().starts_with("PRP"));
                if is_punct(w) || is_in(DETERMINERS, w) || is_in(PREPOSITIONS, w) || !nominal {
                    return None;
                }
                Participant {
                    text: self.spans[j].text(self.body).to_string(),
                    actor: None,
                    span: Some(self.spans[j]),
                }
            }
        };
        Some((k, speaker))
    }

    fn participant(&self, a: &Actor) -> Participant {
        Participant {
            text: a.text_span.text(self.body).to_string(),
            actor: a.actor,
            span: Some(a.text_span),
        }
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

    fn code_match<'p>(
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

/// The target of an event whose pattern names none: the source's own
/// country for a domestic act (`home`: "Nigerians staged a rally" is
/// `NGACVL` → `NGA`), else none. Organisations and groups without a country
/// block have no home: their domestic acts have no target either.
fn unnamed_target(u: Untargeted, source: ActorCode) -> Participant {
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
fn country_of(code: ActorCode) -> Option<ActorCode> {
    let head = code.head();
    let bloc = matches!(head, "IGO" | "NGO" | "IMG" | "MNC" | "UIS" | "REB" | "INT");
    // "NATO", "EU", "AQ": organisation codes, not country plus roles.
    let blocks = code.as_str().len() >= 3 && code.as_str().len().is_multiple_of(3);
    (blocks && !bloc)
        .then(|| ActorCode::parse(head).ok())
        .flatten()
}

/// The country of the sentence's places, where they all name one.
fn sole_country(chunks: &[(usize, usize, &Mention)]) -> Option<ActorCode> {
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
fn same_actor(a: ActorCode, b: ActorCode) -> bool {
    let state = |c: ActorCode| c.as_str().len() == 3 || c.roles().eq(["GOV"]);
    a == b || (a.head() == b.head() && (a.roles().eq(b.roles()) || (state(a) && state(b))))
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

/// CAMEO codes a refused act as rejection (12): refusing to meet or
/// negotiate is 125, to yield 124, to cooperate or help 120.
pub fn refusal_code(code: CameoCode) -> CameoCode {
    let mapped = match code.root().number() {
        4 => "125",
        8 => "124",
        _ => "120",
    };
    CameoCode::parse(mapped).unwrap_or(code)
}

/// An act stated under a condition ("will withdraw unless ...") is a
/// threat: the threat its intent code names, else an unspecified one (130).
pub fn threat_code(code: CameoCode) -> CameoCode {
    let intent = intent_code(code);
    if intent.root().number() == 13 {
        intent
    } else {
        CameoCode::parse("130").unwrap_or(code)
    }
}

/// CAMEO codes a promised or threatened act as the promise or the threat:
/// "X will visit Y" is an intent to meet (036), "X would attack Y" a threat
/// of force (138). Maps the code of an event with future or hypothetical
/// modality accordingly; other codes stay.
pub fn intent_code(code: CameoCode) -> CameoCode {
    let mapped = match (code.root().number(), code.as_str()) {
        (_, "161") => "1313",
        (_, "162") => "1311",
        (_, "163") => "1312",
        (4, _) => "036",
        (5, _) => "032",
        (6, _) => "031",
        (7, _) => "033",
        (8, _) => "035",
        (16, _) => "131",
        (17, _) => "137",
        (15 | 18 | 19 | 20, _) => "138",
        _ => return code,
    };
    CameoCode::parse(mapped).unwrap_or(code)
}
