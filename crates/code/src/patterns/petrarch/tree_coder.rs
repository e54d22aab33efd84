//! A PETRARCH-style coder over a dependency parse: the route UD-PETRARCH
//! takes, with our actor mentions and a PETRARCH verb dictionary.
//!
//! For each verb of a sentence that the dictionary lists (as written, not
//! negated: "did not attack" is not coded, as everywhere in detente, unless
//! a PETRARCH coding ontology names the negated act, see [`TreeCoder::with_pico`]):
//!
//! 1. every pattern of its block is tried ([`super::matching`]); the one
//!    matching most pattern words wins; none matching, the verb's own or its
//!    block's code applies; a winning null code (`---`) means no event;
//! 2. the source is the subject, found through `xcomp` and `conj`; a pronoun
//!    subject of a clause complement is the subject above ("Ethiopia
//!    indicated it would act"); the target is the object, else the first
//!    prepositional phrase with an actor, else the subject of a clause
//!    complement ("Gollum allowed that Mordor ..."); slots of the pattern
//!    (`$`, `+`, `+` before the verb) override both;
//! 3. in the passive the "by" phrase is the source and the subject the
//!    target; without a "by" phrase the next actor of the clause is the
//!    source, as PETRARCH codes it;
//! 4. `%` codes between the members of a compound subject; a reverse code
//!    (`[042:043]`) adds the event from target to source;
//! 5. compound phrases give one event per actor ([`super::phrases`]).
//!
//! A discard list, where given, drops sentences and whole articles. Without
//! a parse (no heads) nothing is coded: use [`crate::EventCoder`] with the
//! compiled patterns ([`super::compile`]) there.

use std::collections::HashSet;
use std::sync::Arc;

use detente_core::stage::{Coder, Coding};
use detente_core::{Article, CameoCode, Event, Modality, Participant, Span, TextAnalysis};
use detente_knowledge::Knowledge;
use detente_knowledge::petrarch::discards::{Discards, Scope};
use detente_knowledge::petrarch::pico::Pico;

use super::lexicon::Lexicon;
use super::linked;
use super::matching::{Slots, match_pattern, particles_fit};
use super::phrases::{Sent, phrase, slot};
use super::tree::Tree;
use super::verbs::{Codes, Verb};
use crate::mentions;

/// The coder: knowledge (actors, codebook) and one verb dictionary.
#[derive(Debug, Clone)]
pub struct TreeCoder {
    knowledge: Arc<Knowledge>,
    lexicon: Lexicon,
    discards: Discards,
    pico: Option<Pico>,
}

/// One coded event as the dictionary writes it.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The code as written in the verb dictionary (or its negation).
    pub code: String,
    pub source: Participant,
    pub target: Participant,
    /// The sentence's index in the analysis.
    pub sentence: usize,
    pub evidence_span: Span,
    line: usize,
    block: usize,
    /// The verb's token in its sentence.
    pub(super) verb: usize,
    /// Read from a pattern line, not only from the verb's block default.
    pub(super) pattern: bool,
}

/// The winning reading of one verb.
struct Reading<'l> {
    codes: &'l Codes,
    slots: Slots,
    line: usize,
    block: usize,
    pattern: bool,
}

impl TreeCoder {
    pub fn new(knowledge: Arc<Knowledge>, lexicon: Lexicon) -> TreeCoder {
        TreeCoder {
            knowledge,
            lexicon,
            discards: Discards::default(),
            pico: None,
        }
    }

    /// The same coder skipping what a PETRARCH discard list names: a
    /// sentence with a sentence phrase, an article with a story phrase.
    pub fn with_discards(mut self, discards: Discards) -> Self {
        self.discards = discards;
        self
    }

    pub fn knowledge(&self) -> &Knowledge {
        &self.knowledge
    }

    /// With a PETRARCH coding ontology, a negated verb is coded as the
    /// code the ontology gives its negation ("did not disapprove" → 050),
    /// where it has one; without, negated verbs are not coded.
    pub fn with_pico(mut self, pico: Pico) -> Self {
        self.pico = Some(pico);
        self
    }

    fn sentence_hits(&self, s: &Sent, sentence: usize) -> Vec<Hit> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for i in 0..s.tree.len() {
            if s.tree.tag(i).is_some_and(|t| !t.is_verb()) || s.mention_at[i].is_some() {
                continue;
            }
            // A negated verb states that the event did not happen: not
            // coded, unless an ontology says what "not" it is.
            let negated = s.tree.is_negated(i);
            if negated && self.pico.is_none() {
                continue;
            }
            let Some(r) = self.read_verb(s, i) else {
                continue;
            };
            let codes = self.codes_of(r.codes, negated);
            for (code, source, target) in self.triples(s, i, &r, &codes) {
                if seen.insert((code.clone(), source.actor, target.actor)) {
                    out.push(Hit {
                        code,
                        source,
                        target,
                        sentence,
                        evidence_span: s.tree.span(i),
                        line: r.line,
                        block: r.block,
                        verb: i,
                        pattern: r.pattern,
                    });
                }
            }
        }
        out
    }

    /// The dictionary's codes as written, negated through the ontology.
    fn codes_of(&self, codes: &Codes, negated: bool) -> (Option<String>, Option<String>) {
        let map = |c: &Option<String>| -> Option<String> {
            let c = c.as_deref()?;
            match (&self.pico, negated) {
                (Some(p), true) => p.negated(c).map(str::to_string),
                _ => Some(c.to_string()),
            }
        };
        (map(&codes.forward), map(&codes.reverse))
    }

    /// Every coded (code as the dictionary writes it, source, target) of an
    /// article: PETRARCH's own view, dictionary codes outside CAMEO included.
    pub fn code_as_written(&self, article: &Article, text: &TextAnalysis) -> Vec<Hit> {
        let body = article.body.as_str();
        if self.discards.find(body) == Some(Scope::Story) {
            return Vec::new();
        }
        let all = mentions::mentions(body, text, &self.knowledge.actors, article.date);
        let mut hits = Vec::new();
        for (index, sentence) in text.sentences.iter().enumerate() {
            let (a, b) = (sentence.tokens.0, sentence.tokens.1.min(text.tokens.len()));
            if a >= b || self.discards.find(sentence.span.text(body)).is_some() {
                continue;
            }
            let tree = Tree::new(body, &text.tokens[a..b]);
            if !tree.has_parse() {
                continue;
            }
            let mut mention_at = vec![None; b - a];
            for m in all.iter().filter(|m| m.tokens.1 > a && m.tokens.0 < b) {
                for g in m.tokens.0.max(a)..m.tokens.1.min(b) {
                    mention_at[g - a] = Some(m);
                }
            }
            let s = Sent {
                tree,
                mention_at,
                actors: &self.knowledge.actors,
            };
            hits.extend(linked::settle(&s.tree, self.sentence_hits(&s, index)));
        }
        hits
    }

    /// The best pattern of the dictionary entries at token `i`, or the entry's default.
    fn read_verb<'l>(&'l self, s: &Sent, i: usize) -> Option<Reading<'l>> {
        let t = &s.tree;
        // Surface forms only, as PETRARCH: a misspelt verb ("departes") is no verb.
        let mut verbs: Vec<&Verb> = self.lexicon.verbs_at(&t.words[i]).collect();
        verbs.retain(|v| particles_fit(t, i, v));
        // Multi-word verbs first, then a verb written as this very form
        // ("LEFT" before the "left" of LEAVE).
        let word = t.words[i].to_uppercase();
        verbs.sort_by_key(|v| {
            (
                std::cmp::Reverse(v.before.len() + v.after.len()),
                v.lemma != word,
            )
        });
        let verb = *verbs.first()?;
        let after: Vec<usize> = t
            .clause_after(i)
            .into_iter()
            .filter(|&x| x > i + verb.after.len())
            .collect();
        let best = self
            .lexicon
            .patterns_of(verb)
            .iter()
            .filter_map(|p| match_pattern(s, p, i - verb.before.len(), &after).map(|sl| (p, sl)))
            .max_by_key(|(p, sl)| {
                (
                    sl.words + usize::from(sl.compound),
                    std::cmp::Reverse(p.line),
                )
            });
        Some(match best {
            Some((p, slots)) => Reading {
                codes: &p.codes,
                slots,
                line: p.line,
                block: verb.block,
                pattern: true,
            },
            None => Reading {
                codes: self.lexicon.default_codes(verb),
                slots: Slots::default(),
                line: verb.line,
                block: verb.block,
                pattern: false,
            },
        })
    }

    /// (code, source, target) for a reading, one per actor pair.
    fn triples(
        &self,
        s: &Sent,
        i: usize,
        r: &Reading,
        codes: &(Option<String>, Option<String>),
    ) -> Vec<(String, Participant, Participant)> {
        let t = &s.tree;
        let passive = t.is_passive(i);
        let (forward, reverse) = codes;
        if forward.is_none() && reverse.is_none() {
            return Vec::new();
        }
        let subject = subject_of(s, i);
        let both = |a: &[Participant], b: &[Participant]| {
            let mut out = forward.as_ref().map(|c| pairs(a, b, c)).unwrap_or_default();
            out.extend(reverse.as_ref().map(|c| pairs(b, a, c)).unwrap_or_default());
            out
        };
        if r.slots.compound {
            return both(&subject, &subject);
        }
        let (sources, targets) = if r.slots.target_before {
            (
                r.slots.source.map(|x| slot(s, x)).unwrap_or_default(),
                subject,
            )
        } else if passive && r.slots.source.is_none() && r.slots.target.is_none() {
            // Without a "by" phrase PETRARCH takes the next actor of the
            // clause ("X was shot dead in Osgiliath" → Osgiliath did it).
            let agent = match t.agent(i) {
                Some(a) => phrase(s, a),
                None => default_target(s, i, r.pattern),
            };
            (agent, subject)
        } else {
            // A `$` slot after the verb takes the source's place: the
            // subject is then the one acted upon ("Mordor celebrated
            // Tabaski with Eriador" under `TABASKI $`: Eriador → Mordor).
            match (r.slots.source, r.slots.target) {
                (Some(x), None) => (slot(s, x), subject),
                (src, tgt) => (
                    src.map(|x| slot(s, x)).unwrap_or(subject),
                    tgt.map_or_else(|| default_target(s, i, r.pattern), |x| slot(s, x)),
                ),
            }
        };
        both(&sources, &targets)
    }

    /// The event of a hit whose code is a CAMEO code; `None` for the
    /// dictionary's own codes outside CAMEO.
    fn event(&self, body: &str, hit: Hit, article: &Article) -> Option<Event> {
        let code = CameoCode::parse(&hit.code).ok()?;
        let entry = lookup(&self.knowledge, code);
        let block = &self.lexicon.blocks[hit.block].0;
        Some(Event {
            source: hit.source,
            target: hit.target,
            code,
            root: code.root(),
            name: entry.map_or_else(|| block.clone(), |e| e.name.clone()),
            goldstein: entry.map_or(0.0, |e| e.goldstein),
            quad: code.quad(),
            plover: entry.and_then(|e| e.plover),
            date: article.date,
            sentence: hit.sentence,
            evidence: hit.evidence_span.text(body).to_string(),
            evidence_span: hit.evidence_span,
            rule: format!("petrarch:{}:{} {block}", self.lexicon.file, hit.line),
            modality: Modality::Asserted,
            claimed_by: None,
            location: None,
            tone: None,
        })
    }
}

impl Coder for TreeCoder {
    fn code(&self, article: &Article, text: &TextAnalysis) -> Coding {
        let body = article.body.as_str();
        let events = self
            .code_as_written(article, text)
            .into_iter()
            .filter_map(|h| self.event(body, h, article))
            .collect();
        Coding {
            events,
            ..Coding::default()
        }
    }
}

/// The actors of the verb's subject; a pronoun subject of a clause
/// complement stands for the subject of the clause above ("Ethiopia
/// indicated it would act" → Ethiopia).
fn subject_of(s: &Sent, v: usize) -> Vec<Participant> {
    let mut v = v;
    // Each step goes up the tree: a malformed parse cannot make it loop.
    for _ in 0..s.tree.len() {
        let Some((x, _)) = s.tree.subject(v) else {
            return Vec::new();
        };
        let found = phrase(s, x);
        let pronoun = s.tree.tag(x).is_some_and(|t| t.as_str() == "PRP");
        if !found.is_empty() || !pronoun {
            return found;
        }
        match clause_above(&s.tree, v) {
            Some(h) => v = h,
            None => return found,
        }
    }
    Vec::new()
}

/// The verb whose clause complement `v` belongs to.
fn clause_above(t: &Tree, v: usize) -> Option<usize> {
    let mut c = v;
    for _ in 0..t.len() {
        match (t.rel(c), t.head(c)) {
            ("ccomp", Some(h)) => return Some(h),
            ("xcomp" | "conj", Some(h)) => c = h,
            _ => return None,
        }
    }
    None
}

/// The object, else the first prepositional phrase, else the subject of a
/// clause complement, else (for a verb read by a pattern) the object of its
/// adverbial or infinitive clause.
fn default_target(s: &Sent, v: usize, pattern: bool) -> Vec<Participant> {
    let agent = s.tree.agent(v);
    s.tree
        .objects(v)
        .into_iter()
        .filter(|&o| Some(o) != agent)
        .map(|o| phrase(s, o))
        .find(|p| !p.is_empty())
        // "Gollum allowed that Mordor ...": the subject of a clause complement.
        .or_else(|| {
            s.tree
                .complement(v)
                .and_then(|c| s.tree.subject(c))
                .map(|(x, _)| phrase(s, x))
        })
        .filter(|p| !p.is_empty())
        // "signed an accord to supply Gondor": the object of a purpose
        // clause, where a pattern read the verb with its clause ("SIGN *
        // ACCORD"); a verb read only by default leaves it to the clause's verb.
        .or_else(|| pattern.then(|| purpose_object(s, v)).flatten())
        .unwrap_or_default()
}

/// The actors of the first object of an adverbial clause of the verb
/// ("signed an accord to supply Gondor", "vowed to wage war on the Rohans").
fn purpose_object(s: &Sent, v: usize) -> Option<Vec<Participant>> {
    let t = &s.tree;
    (0..t.len())
        .filter(|&c| t.head(c) == Some(v) && matches!(t.rel(c), "advcl" | "xcomp") && t.is_verb(c))
        .flat_map(|c| t.objects(c))
        .map(|o| phrase(s, o))
        .find(|p| !p.is_empty())
}

fn pairs(
    sources: &[Participant],
    targets: &[Participant],
    code: &str,
) -> Vec<(String, Participant, Participant)> {
    let mut out = Vec::new();
    for a in sources {
        for b in targets {
            if a.actor != b.actor {
                out.push((code.to_string(), a.clone(), b.clone()));
            }
        }
    }
    out
}

/// The codebook entry of `code`, or of its nearest ancestor the codebook has.
fn lookup(k: &Knowledge, code: CameoCode) -> Option<&detente_knowledge::EventType> {
    let mut c = Some(code);
    while let Some(x) = c {
        if let Some(e) = k.codebook.event(x) {
            return Some(e);
        }
        c = x.parent();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patterns::petrarch::VerbDictionary;
    use detente_knowledge::lines::Source;
    use detente_knowledge::petrarch::parse_actors;

    const VERBS: &str = "\
--- MEET [040:040] ---
MEET {MET}
--- ATTACK [190] ---
ATTACK
- * NOTHING [---]
--- CRITICIZE [110] ---
CRITICIZE
--- HOST [043:042] ---
HOST {HOSTED}
--- CELEBRATE [051] ---
CELEBRATE
- * EID [017]
";

    /// "Not criticize" is diplomatic cooperation; "not attack" has no code.
    const PICO: &str = "050:0x0080\n110:0x1007f\n190:0x00A0\n";

    fn coder() -> &'static TreeCoder {
        static CODER: std::sync::OnceLock<TreeCoder> = std::sync::OnceLock::new();
        CODER.get_or_init(build)
    }

    fn coder_with_pico() -> TreeCoder {
        let src = Source {
            name: "pico.txt",
            text: PICO,
        };
        let mut problems = Vec::new();
        let pico = Pico::parse(src, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        build().with_pico(pico)
    }

    fn build() -> TreeCoder {
        let actors = Source {
            name: "a.txt",
            text: "ARNOR [ARN]\nGONDOR [GON]\nMORDOR [MOR]\n",
        };
        let agents = Source {
            name: "g.txt",
            text: "SOLDIER [~MIL]\n",
        };
        let (actors, problems) = parse_actors(&[actors], agents).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        let knowledge = Knowledge {
            codebook: Knowledge::embedded().unwrap().codebook,
            actors,
        };
        let (dict, problems) = VerbDictionary::parse("v.txt", VERBS);
        assert!(problems.is_empty(), "{problems:?}");
        TreeCoder::new(Arc::new(knowledge), Lexicon::new(&dict, &mut Vec::new()))
    }

    /// `FORM TAG HEAD REL` per word, heads 1-based as in CoNLL-U.
    fn triples(rows: &[(&str, &str, usize, &str)]) -> Vec<String> {
        triples_with(coder(), rows)
    }

    fn triples_with(coder: &TreeCoder, rows: &[(&str, &str, usize, &str)]) -> Vec<String> {
        let parse: String = rows
            .iter()
            .enumerate()
            .map(|(i, (f, t, h, r))| format!("{}\t{f}\t_\t_\t{t}\t_\t{h}\t{r}\t_\t_\n", i + 1))
            .collect();
        let (body, analysis) = crate::validate::conllu::analysis("", Some(&parse));
        let events = coder.code(&Article::from_body(body), &analysis).events;
        events
            .iter()
            .map(|e| {
                let a = |p: &Participant| p.actor.map_or("-".into(), |c| c.to_string());
                format!("{} {} {}", a(&e.source), e.code, a(&e.target))
            })
            .collect()
    }

    #[test]
    fn reverse_codes_passive_negation_and_roles() {
        let met = triples(&[
            ("Arnor", "NNP", 2, "nsubj"),
            ("met", "VBD", 0, "root"),
            ("Gondor", "NNP", 2, "obj"),
        ]);
        assert_eq!(met, ["ARN 040 GON", "GON 040 ARN"]);
        let passive = triples(&[
            ("Gondor", "NNP", 3, "nsubj:pass"),
            ("was", "VBD", 3, "aux:pass"),
            ("attacked", "VBN", 0, "root"),
            ("by", "IN", 5, "case"),
            ("Arnor", "NNP", 3, "obl:agent"),
        ]);
        assert_eq!(passive, ["ARN 190 GON"]);
        let negated = triples(&[
            ("Arnor", "NNP", 4, "nsubj"),
            ("did", "VBD", 4, "aux"),
            ("not", "RB", 4, "advmod"),
            ("attack", "VB", 0, "root"),
            ("Gondor", "NNP", 4, "obj"),
        ]);
        assert!(negated.is_empty(), "{negated:?}");
        let null = triples(&[
            ("Arnor", "NNP", 2, "nsubj"),
            ("attacked", "VBD", 0, "root"),
            ("nothing", "NN", 2, "obj"),
            ("in", "IN", 5, "case"),
            ("Gondor", "NNP", 2, "obl"),
        ]);
        assert!(null.is_empty(), "a null-coded pattern wins: {null:?}");
        let soldiers = triples(&[
            ("Soldiers", "NNS", 4, "nsubj"),
            ("from", "IN", 3, "case"),
            ("Gondor", "NNP", 1, "nmod"),
            ("attacked", "VBD", 0, "root"),
            ("Arnor", "NNP", 4, "obj"),
        ]);
        assert_eq!(soldiers, ["GONMIL 190 ARN"]);
    }

    #[test]
    fn an_ontology_codes_negated_verbs() {
        fn negated(verb: &str) -> Vec<(&str, &'static str, usize, &'static str)> {
            vec![
                ("Arnor", "NNP", 4, "nsubj"),
                ("did", "VBD", 4, "aux"),
                ("not", "RB", 4, "advmod"),
                (verb, "VB", 0, "root"),
                ("Gondor", "NNP", 4, "obj"),
            ]
        }
        let pico = coder_with_pico();
        assert_eq!(triples_with(&pico, &negated("criticize")), ["ARN 050 GON"]);
        assert!(triples_with(&pico, &negated("attack")).is_empty());
        // Without an ontology a negated verb is not coded at all.
        assert!(triples(&negated("criticize")).is_empty());
    }

    #[test]
    fn a_pattern_read_clause_outranks_a_default_read_verb() {
        let got = triples(&[
            ("Arnor", "NNP", 2, "nsubj"),
            ("hosted", "VBD", 0, "root"),
            ("Gondor", "NNP", 2, "obj"),
            ("to", "TO", 5, "mark"),
            ("celebrate", "VB", 2, "advcl"),
            ("Eid", "NNP", 5, "obj"),
            ("with", "IN", 8, "case"),
            ("Mordor", "NNP", 5, "obl"),
        ]);
        // HOST read by its block default yields to CELEBRATE * EID, whose
        // subject is the one of the clause above.
        assert_eq!(got, ["ARN 017 MOR"]);
    }

    #[test]
    fn cyclic_heads_do_not_hang() {
        let got = triples(&[
            ("Arnor", "NNP", 2, "conj"),
            ("met", "VBD", 3, "xcomp"),
            ("Gondor", "NNP", 2, "ccomp"),
        ]);
        assert!(got.len() <= 2);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Any heads and relations, cycles included: coding ends and every
        /// event has both actors.
        #[test]
        fn arbitrary_trees_code_safely(
            shape in proptest::collection::vec((0usize..8, 0usize..6, 0usize..4), 1..8)
        ) {
            const WORDS: [&str; 8] = ["Arnor", "met", "Gondor", "attacked", "Soldiers", "from", "not", "nothing"];
            const RELS: [&str; 6] = ["nsubj", "obj", "conj", "xcomp", "ccomp", "nsubj:pass"];
            const TAGS: [&str; 4] = ["NNP", "VBD", "IN", "RB"];
            let rows: Vec<(&str, &str, usize, &str)> = shape
                .iter()
                .enumerate()
                .map(|(i, &(h, r, t))| (WORDS[(i + h) % 8], TAGS[t], h % (shape.len() + 1), RELS[r]))
                .collect();
            for e in triples(&rows) {
                proptest::prop_assert!(!e.contains('-'), "{e}");
            }
        }
    }
}
