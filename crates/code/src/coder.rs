//! The code stage as a whole: [`EventCoder`] implements
//! [`detente_core::stage::Coder`].
//!
//! ```text
//! Article + TextAnalysis
//!   ├─ mentions (knowledge matches + entities, merged into phrases)
//!   ├─ per sentence: View → pattern matches → events (+ codebook names, date, tone)
//!   ├─ quotes (direct by marks, indirect by speech verbs)
//!   ├─ tone (document)
//!   └─ entities with actor codes
//! ```

use std::sync::Arc;

use detente_core::stage::{Coder, Coding};
use detente_core::{Article, CameoCode, Entity, EntityKind, Event, TextAnalysis, Tone};
use detente_knowledge::Knowledge;

use crate::events::{self, Found, View};
use crate::mentions::{self, Mention, MentionKind};
use crate::patterns::Patterns;
use crate::quotes;
use crate::tone::Lexicon;

/// The default coder: our verb patterns and tone lexicon over a knowledge base.
/// Built once, shared by all threads.
#[derive(Debug, Clone)]
pub struct EventCoder {
    knowledge: Arc<Knowledge>,
    patterns: Patterns,
    lexicon: Lexicon,
}

impl EventCoder {
    /// A coder with the embedded verb patterns and tone lexicon.
    pub fn new(knowledge: Arc<Knowledge>) -> Self {
        EventCoder {
            knowledge,
            patterns: Patterns::embedded(),
            lexicon: Lexicon::embedded(),
        }
    }

    /// The same coder with another tone lexicon (`--lexicon FILE`).
    pub fn with_lexicon(mut self, lexicon: Lexicon) -> Self {
        self.lexicon = lexicon;
        self
    }

    /// The same coder with other verb patterns.
    pub fn with_patterns(mut self, patterns: Patterns) -> Self {
        self.patterns = patterns;
        self
    }

    pub fn patterns(&self) -> &Patterns {
        &self.patterns
    }

    fn sentence_tone(&self, view: &View) -> Tone {
        self.lexicon.tone(view.words(), |w| {
            self.patterns.anchored_at(w).next().is_some()
        })
    }

    fn event(
        &self,
        f: Found,
        sentence: usize,
        date: Option<chrono::NaiveDate>,
        tone: f64,
        body: &str,
    ) -> Event {
        let code = f.code();
        let entry = lookup(&self.knowledge, code);
        Event {
            source: f.source,
            target: f.target,
            code,
            root: code.root(),
            name: entry.map_or_else(|| f.pattern.label.clone(), |e| e.name.clone()),
            goldstein: entry.map_or(0.0, |e| e.goldstein),
            quad: code.quad(),
            plover: entry.and_then(|e| e.plover),
            date,
            sentence,
            evidence: f.evidence.text(body).to_string(),
            evidence_span: f.evidence,
            rule: f.pattern.rule.clone(),
            modality: f.modality,
            claimed_by: f.claimed_by,
            location: f.location,
            tone: Some(tone),
        }
    }
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

impl Coder for EventCoder {
    fn code(&self, article: &Article, text: &TextAnalysis) -> Coding {
        let body = article.body.as_str();
        let mentions = mentions::mentions(body, text, &self.knowledge.actors, article.date);
        let persons = events::persons(&mentions);
        let mut all_events = Vec::new();
        let mut words: Vec<String> = Vec::new();
        for i in 0..text.sentences.len() {
            let view = View::new(body, text, i, &mentions, &persons);
            let tone = self.sentence_tone(&view);
            words.extend(view.words().map(str::to_string));
            let date = events::event_date(text, i, article.date);
            let mut seen = std::collections::HashSet::new();
            for f in view.events(&self.patterns) {
                if !seen.insert((f.code(), f.modality, f.source.actor, f.target.actor)) {
                    continue;
                }
                all_events.push(self.event(f, i, date, tone.tone, body));
            }
        }
        let tone = self.lexicon.tone(words.iter().map(String::as_str), |w| {
            self.patterns.anchored_at(w).next().is_some()
        });
        let coding = Coding {
            entities: entities(body, text, &mentions, &self.knowledge, article.date),
            events: all_events,
            quotes: quotes::quotes(article, text, &mentions),
            tone,
            graph: Default::default(),
        };
        crate::graph::attach(coding, body, text)
    }
}

/// The first mention overlapping `span` (mentions are disjoint and in text order).
fn overlapping(mentions: &[Mention], span: detente_core::Span) -> Option<&Mention> {
    let k = mentions.partition_point(|m| m.span.end <= span.start);
    mentions.get(k).filter(|m| m.span.overlaps(span))
}

/// The analysed entities with actor codes, plus the countries and
/// organisations the dictionaries found where the analysis had no entity.
fn entities(
    body: &str,
    text: &TextAnalysis,
    mentions: &[Mention],
    knowledge: &Knowledge,
    date: Option<chrono::NaiveDate>,
) -> Vec<Entity> {
    let mut out: Vec<Entity> = text
        .entities
        .iter()
        .map(|e| {
            let mut e = e.clone();
            let m = overlapping(mentions, e.span);
            if e.actor.is_none() {
                e.actor = m.and_then(|m| m.actor).or_else(|| {
                    (e.kind == EntityKind::Person)
                        .then(|| knowledge.actors.person(e.name(), date).map(|p| p.code))
                        .flatten()
                });
            }
            if e.kind == EntityKind::Person
                && e.canonical.is_none()
                && let Some(m) = m.filter(|m| m.kind == MentionKind::Person && m.name != e.text)
            {
                e.canonical = Some(m.name.clone());
            }
            e
        })
        .collect();
    let analysed: Vec<detente_core::Span> = {
        let mut v: Vec<_> = out.iter().map(|e| e.span).collect();
        v.sort();
        v
    };
    for m in mentions {
        let k = analysed.partition_point(|s| s.end <= m.span.start);
        if analysed.get(k).is_some_and(|s| s.overlaps(m.span)) {
            continue;
        }
        let kind = match m.kind {
            MentionKind::Place => EntityKind::Location,
            MentionKind::Organization => EntityKind::Organization,
            MentionKind::Person => EntityKind::Person,
            MentionKind::Agent | MentionKind::Unknown => continue,
        };
        let mut e = Entity::new(m.span.text(body), kind, m.span);
        e.actor = m.actor;
        if m.name != e.text {
            e.canonical = Some(m.name.clone());
        }
        out.push(e);
    }
    out.sort_by_key(|e| (e.span.start, e.span.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::analyse;
    use detente_core::Modality;
    use detente_core::QuoteKind;

    fn coder() -> EventCoder {
        EventCoder::new(Arc::new(Knowledge::embedded().expect("knowledge loads")))
    }

    fn run(body: &str, persons: &[&str]) -> Coding {
        let mut article = Article::from_body(body);
        article.date = chrono::NaiveDate::from_ymd_opt(2016, 3, 25);
        coder().code(&article, &analyse(body, persons))
    }

    /// `SOURCE CODE TARGET` triples, e.g. `USAGOV 042 RUS`.
    fn triples(body: &str) -> Vec<String> {
        run(body, &[])
            .events
            .iter()
            .map(|e| {
                let a = |p: &detente_core::Participant| {
                    p.actor.map_or("-".to_string(), |c| c.to_string())
                };
                format!("{} {} {}", a(&e.source), e.code, a(&e.target))
            })
            .collect()
    }

    #[test]
    fn verbal_and_nominal_forms() {
        assert_eq!(triples("John Kerry visited Russia."), ["USAGOV 042 RUS"]);
        assert_eq!(
            triples("The visit by John Kerry to Moscow was short."),
            ["USAGOV 042 RUSGOV"]
        );
        assert_eq!(
            triples("Kerry's visit to Moscow is the first."),
            ["USAGOV 042 RUSGOV"]
        );
        assert_eq!(
            triples("Barack Obama extended by one year a series of sanctions against Russia."),
            ["USAGOV 163 RUS"]
        );
        assert_eq!(
            triples("Kerry held talks with Russian leaders."),
            ["USAGOV 040 RUSGOV", "RUSGOV 040 USAGOV"]
        );
        // Talks go both ways; a meeting stays the subject's.
        assert_eq!(
            triples("Kerry held a meeting with Russian leaders."),
            ["USAGOV 040 RUSGOV"]
        );
        assert_eq!(
            triples("Switzerland expelled two Russian diplomats."),
            ["CHE 161 RUSGOV"]
        );
        assert_eq!(
            triples("Switzerland expelled two Russian journalists."),
            ["CHE 174 RUSMED"]
        );
    }

    #[test]
    fn passive_compound_negation_modality() {
        assert_eq!(triples("Russia was attacked by Ukraine."), ["UKR 190 RUS"]);
        assert_eq!(
            triples("Russia and the EU criticized Ukraine."),
            ["RUS 111 UKR", "EU 111 UKR"]
        );
        assert!(triples("Russia did not attack Ukraine.").is_empty());
        let c = run("Russia will attack Ukraine.", &[]);
        assert_eq!(c.events[0].modality, Modality::Future);
        let c = run("Russia might attack Ukraine.", &[]);
        assert_eq!(c.events[0].modality, Modality::Possible);
    }

    #[test]
    fn same_input_same_output() {
        let body = "Russia and the EU criticized Ukraine. Kerry visited Moscow and met Lavrov in Sochi. Turkey threatened to attack Syria unless Damascus withdrew.";
        let first = run(body, &[]);
        assert!(first.events.len() >= 3, "{:?}", first.events);
        for _ in 0..3 {
            assert_eq!(run(body, &[]), first);
        }
    }

    #[test]
    fn refusal_condition_and_location() {
        assert_eq!(triples("Russia refused to meet Ukraine."), ["RUS 125 UKR"]);
        assert_eq!(triples("Russia will not help Ukraine."), ["RUS 120 UKR"]);
        assert_eq!(
            triples("Russia will attack Ukraine unless Ukraine withdraws."),
            ["RUS 138 UKR"]
        );
        assert_eq!(
            triples("Russia threatened on Monday to attack Ukraine."),
            ["RUS 1384 UKR"]
        );
        let c = run("Russia attacked Ukraine in Georgia.", &[]);
        assert_eq!(c.events[0].location.as_deref(), Some("Georgia"));
    }

    #[test]
    fn role_phrases_take_their_country_from_the_sentence() {
        assert_eq!(
            triples("Security forces in Egypt arrested protesters."),
            ["EGYCOP 173 EGYCVL"]
        );
        assert_eq!(
            triples("Pakistan, a key ally of Britain, refused to help Iraq."),
            ["PAK 120 IRQ"]
        );
        assert_eq!(
            triples("Rebels in Darfur said the government must resign."),
            Vec::<String>::new()
        );
        assert_eq!(
            triples("A camp for Ukrainian refugees was attacked by Russia."),
            ["RUS 190 UKRREF"]
        );
        assert_eq!(
            triples(
                "Libyan leader Omar Fadil and Bulgarian President Ivan Petrov signed a treaty."
            ),
            ["LBYGOV 057 BGRGOV", "BGRGOV 057 LBYGOV"]
        );
        assert_eq!(
            triples("Egyptian police dispersed demonstrators protesting in Cairo."),
            ["EGYCOP 175 EGYCVL", "EGYCVL 140 EGY"]
        );
    }

    #[test]
    fn phrases_that_change_an_actors_country() {
        // A minority takes the country the sentence places it in.
        assert_eq!(
            triples("Serb forces killed three ethnic Albanians in southern Serbia."),
            ["SRBMIL 1823 SRB"]
        );
        // "-led" forces are that country's.
        assert_eq!(
            triples("Vietnamese-led forces attacked Thailand."),
            ["VNMMIL 190 THA"]
        );
        // A role phrase in a list takes its partner's country; a person out
        // of office at the date (Fabius in 2016) is taken at the title the
        // text gives him.
        assert_eq!(
            triples("French president Laurent Fabius and a group of deputies visited Romania."),
            ["FRAGOV 042 ROU", "FRALEG 042 ROU"]
        );
        assert_eq!(
            triples("Laurent Fabius and a group of deputies visited Romania."),
            ["FRAELI 042 ROU", "FRALEG 042 ROU"]
        );
        // The act inside a condition is not coded; the threat is.
        assert_eq!(
            triples("Russia will attack Ukraine unless Ukraine agrees to withdraw."),
            ["RUS 138 UKR"]
        );
    }

    #[test]
    fn acts_without_a_named_target() {
        // Domestic acts aim at the actor's own country, others at nobody.
        assert_eq!(
            triples("Thousands of Nigerians staged a general strike on Monday."),
            ["NGA 143 NGA"]
        );
        assert_eq!(
            triples("Turkish authorities imposed a curfew in southeastern Turkey."),
            ["TURGOV 1723 TUR"]
        );
        assert_eq!(
            triples("Hamas declared a unilateral ceasefire on Wednesday."),
            ["PSEREB 0871 -"]
        );
        // Held after another act, a rally is not that act's subject's.
        assert!(
            triples("Police arrested 20 people after a rally in Lagos.")
                .iter()
                .all(|t| !t.contains(" 141 "))
        );
    }

    #[test]
    fn reported_speech_codes_the_claim() {
        let c = run("Ukraine said Russia attacked Georgia.", &[]);
        let e: Vec<_> = c
            .events
            .iter()
            .filter(|e| e.code.as_str() == "190")
            .collect();
        assert_eq!(e.len(), 1, "{:?}", c.events);
        assert_eq!(e[0].source.actor.unwrap().as_str(), "RUS");
        assert_eq!(e[0].claimed_by.as_ref().unwrap().text, "Ukraine");
    }

    #[test]
    fn quotes_with_speakers() {
        let body = "Wan Chengcai, an expert on Russian policy, spoke.\n\n\"Both sides want peace,\" said Wan. \"They need it,\" he said.\n\nZhang said that relations are improving.";
        let c = run(body, &["Wan Chengcai", "Wan", "Zhang"]);
        let direct: Vec<_> = c
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .collect();
        assert_eq!(direct.len(), 2, "{:?}", c.quotes);
        assert_eq!(direct[0].text, "Both sides want peace,");
        assert_eq!(direct[0].speaker.as_deref(), Some("Wan Chengcai"));
        assert_eq!(
            direct[0].speaker_description.as_deref(),
            Some("an expert on Russian policy")
        );
        assert_eq!(direct[1].speaker.as_deref(), Some("Wan Chengcai"));
        let indirect: Vec<_> = c
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .collect();
        assert!(
            indirect
                .iter()
                .any(|q| q.text == "relations are improving"
                    && q.speaker.as_deref() == Some("Zhang")),
            "{indirect:?}"
        );
    }

    #[test]
    fn unbalanced_mark_does_not_derail() {
        let body = "He said it was \"hard.\n\nThen Wan said: \"Peace is near.\"\n\nAll is \"calm,\" he said.";
        let c = run(body, &["Wan"]);
        let direct: Vec<_> = c
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .map(|q| q.text.as_str())
            .collect();
        assert_eq!(direct, ["Peace is near.", "calm,"]);
    }
}
