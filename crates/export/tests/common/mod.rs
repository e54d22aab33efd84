//! A small analysed document made by hand from core types, and the path to
//! ../shared (read in place, never copied).

#![allow(dead_code)]

use std::path::PathBuf;

use detente_core::graph::{Count, DateMention, Named, ThemeMentions};
use detente_core::{
    ActorCode, Analysis, Article, CameoCode, DateRange, Event, Graph, Modality, Participant,
    Plover, Quote, QuoteKind, Span, Tone,
};

/// A file under ../shared, or `None` (with a visible message) where it is absent.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")).join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipping: ../shared not found ({})", p.display());
        None
    }
}

fn span(body: &str, text: &str) -> Span {
    let start = body.find(text).expect("fixture text in body");
    Span::new(start, start + text.len())
}

fn code(s: &str) -> Option<ActorCode> {
    Some(ActorCode::parse(s).expect("fixture code"))
}

/// "Kerry visited Moscow ..." with one event, one quote and a small graph.
pub fn analysis() -> (Analysis, Graph) {
    let body = "U.S. Secretary of State John Kerry visited Moscow on Thursday, the ministry said.\n\n\
                “Both sides want peace, and talks, too,” said Wan Chengcai; envoys from 30 countries met.";
    let mut article = Article::from_body(body);
    article.title = Some("Kerry in Moscow; talks #1".into());
    article.publisher = Some("Xinhua".into());
    article.url = Some("http://example.invalid/kerry".into());
    article.date = chrono::NaiveDate::from_ymd_opt(2016, 3, 24);
    let code042 = CameoCode::parse("042").unwrap();
    let event = Event {
        source: Participant {
            text: "U.S. Secretary of State John Kerry".into(),
            actor: code("USAGOV"),
            span: Some(span(body, "U.S. Secretary")),
        },
        target: Participant {
            text: "Moscow".into(),
            actor: code("RUSGOV"),
            span: Some(span(body, "Moscow")),
        },
        code: code042,
        root: code042.root(),
        name: "Make a visit".into(),
        goldstein: 1.9,
        quad: code042.quad(),
        plover: Some(Plover::Consult),
        date: article.date,
        sentence: 0,
        evidence: "visited".into(),
        evidence_span: span(body, "visited"),
        rule: "verbs.txt:12 VISIT".into(),
        modality: Modality::Asserted,
        claimed_by: None,
        location: Some("Moscow".into()),
        tone: Some(1.5),
    };
    let quote_span = span(body, "Both sides want peace, and talks, too,");
    let quote = Quote {
        kind: QuoteKind::Direct,
        text: quote_span.text(body).into(),
        speaker: Some("Wan Chengcai".into()),
        speaker_description: Some("an expert".into()),
        speaker_actor: None,
        cue: Some("said".into()),
        speaker_span: Some(span(body, "Wan Chengcai")),
        span: quote_span,
    };
    let tone = Tone {
        tone: 1.2,
        positive: 3.4,
        negative: 2.2,
        polarity: 5.6,
        activity_density: 10.0,
        self_group_density: 0.0,
        word_count: 27,
    };
    let day = article.date.unwrap();
    let graph = Graph {
        persons: vec![Named {
            name: "John Kerry".into(),
            actor: code("USAGOV"),
            country: code("USA"),
            offsets: vec![span(body, "John").start],
        }],
        organizations: vec![Named {
            name: "Foreign Ministry, Russia".into(),
            actor: code("RUSGOV"),
            country: code("RUS"),
            offsets: vec![span(body, "ministry").start],
        }],
        locations: vec![Named {
            name: "Moscow".into(),
            actor: code("RUSGOV"),
            country: code("RUS"),
            offsets: vec![span(body, "Moscow").start],
        }],
        themes: vec![ThemeMentions {
            theme: "DIPLOMACY".into(),
            offsets: vec![span(body, "talks").start],
        }],
        counts: vec![
            Count {
                kind: None,
                number: 30,
                object: "countries".into(),
                offset: span(body, "30").start,
            },
            Count {
                kind: Some("KILL".into()),
                number: 2,
                object: "people".into(),
                offset: 0,
            },
        ],
        dates: vec![
            DateMention {
                text: "Thursday".into(),
                range: Some(DateRange::day(day)),
                offset: span(body, "Thursday").start,
            },
            DateMention {
                text: "March".into(),
                range: Some(DateRange::new(
                    day.with_day0(0).unwrap(),
                    day.with_day(31).unwrap(),
                )),
                offset: 0,
            },
        ],
    };
    let a = Analysis {
        id: Some("doc-1".into()),
        path: None,
        entities: Vec::new(),
        events: vec![event],
        quotes: vec![quote],
        tone: tone.tone,
        tone_detail: tone,
        graph: graph.clone(),
        article,
    };
    (a, graph)
}

pub fn context() -> detente_export::Context {
    let added = chrono::NaiveDate::from_ymd_opt(2016, 3, 25)
        .unwrap()
        .and_hms_opt(12, 15, 0)
        .unwrap();
    detente_export::Context {
        first_event_id: 1000,
        added,
        record: 7,
    }
}

use chrono::Datelike;
