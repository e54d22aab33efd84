//! Acceptance on the canonical example: the seed article against
//! ../shared/gold/seed.json (read in place). The body is cut out of the saved
//! page at the gold's own body boundaries, since extraction is another stage.

mod common;

use detente_core::QuoteKind;
use serde_json::Value;

struct Seed {
    gold: Value,
    body: String,
    date: Option<detente_core::Date>,
}

fn seed() -> Option<Seed> {
    let gold_path = common::shared("gold/seed.json")?;
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(gold_path).ok()?).expect("gold is JSON");
    let page = std::fs::read_to_string(common::shared(gold["file"].as_str()?)?).ok()?;
    let a = &gold["article"];
    let start = page
        .find(a["body_starts_with"].as_str()?)
        .expect("body start in page");
    let end_marker = a["body_ends_with"].as_str()?;
    let end = page[start..].find(end_marker).expect("body end in page") + start + end_marker.len();
    let date = a["date"].as_str().and_then(|d| d.parse().ok());
    Some(Seed {
        body: page[start..end].to_string(),
        gold,
        date,
    })
}

/// Whether an event (source, target, code) matches a gold item leniently.
fn matches(item: &Value, source: &str, target: &str, code: &str) -> bool {
    item["source"].as_str() == Some(common::head(source))
        && item["target"].as_str() == Some(common::head(target))
        && item["roots"]
            .as_array()
            .is_some_and(|r| r.iter().any(|x| x.as_str() == Some(&code[..2])))
}

#[test]
fn seed_events_required_found_and_nothing_outside_the_lists() {
    let Some(s) = seed() else { return };
    let (_, coding) = common::code(&s.body, s.date);
    let coded: Vec<(String, String, String)> = coding
        .events
        .iter()
        .filter_map(|e| {
            Some((
                e.source.actor?.to_string(),
                e.target.actor?.to_string(),
                e.code.to_string(),
            ))
        })
        .collect();
    for e in &coding.events {
        eprintln!(
            "{} {} {} | {} | {}",
            e.source.actor.map(|a| a.to_string()).unwrap_or_default(),
            e.code,
            e.target.actor.map(|a| a.to_string()).unwrap_or_default(),
            e.evidence,
            e.rule
        );
    }
    let events = &s.gold["events"];
    for item in events["required"].as_array().unwrap() {
        assert!(
            coded.iter().any(|(a, b, c)| matches(item, a, b, c)),
            "required event missing: {}",
            item["what"]
        );
    }
    let allowed: Vec<&Value> = events["required"]
        .as_array()
        .unwrap()
        .iter()
        .chain(events["optional"].as_array().unwrap())
        .collect();
    for (a, b, c) in &coded {
        assert!(
            allowed.iter().any(|item| matches(item, a, b, c)),
            "event outside the gold lists: {a} {c} {b}"
        );
    }
    let obama = coding
        .events
        .iter()
        .find(|e| e.root.number() == 16 && e.source.text.contains("Obama"));
    if let Some(date) = obama.and_then(|e| e.date) {
        assert_eq!(date.format("%Y-%m").to_string(), "2016-03");
    }
}

#[test]
fn seed_quotes_with_speakers() {
    let Some(s) = seed() else { return };
    let (_, coding) = common::code(&s.body, s.date);
    for q in &coding.quotes {
        eprintln!("{:?} {:?} | {}", q.kind, q.speaker, q.text);
    }
    let speaker_ok = |q: &detente_core::Quote, want: &str| {
        q.speaker
            .as_deref()
            .is_some_and(|sp| sp.to_lowercase().contains(&want.to_lowercase()))
    };
    for item in s.gold["quotes"]["direct"].as_array().unwrap() {
        let (start, speaker) = (
            item["starts_with"].as_str().unwrap(),
            item["speaker"].as_str().unwrap(),
        );
        assert!(
            coding.quotes.iter().any(|q| q.kind == QuoteKind::Direct
                && q.text.starts_with(start)
                && speaker_ok(q, speaker)),
            "direct quote {start:?} by {speaker} not found"
        );
    }
    for item in s.gold["quotes"]["indirect"].as_array().unwrap() {
        let (part, speaker) = (
            item["contains"].as_str().unwrap(),
            item["speaker"].as_str().unwrap(),
        );
        assert!(
            coding.quotes.iter().any(|q| q.kind == QuoteKind::Indirect
                && q.text.contains(part)
                && speaker_ok(q, speaker)),
            "indirect quote {part:?} by {speaker} not found"
        );
    }
    let wan = coding
        .quotes
        .iter()
        .find(|q| q.speaker.as_deref() == Some("Wan Chengcai"))
        .expect("a quote by Wan");
    let description = wan.speaker_description.as_deref().unwrap_or_default();
    assert!(
        description.ends_with("expert on Russian foreign policy"),
        "{description:?}"
    );
}
