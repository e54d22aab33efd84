//! Acceptance of the first full route: `detente code` on the canonical seed
//! article, checked against ../shared/gold/seed.json (read in place).
//!
//! Everything goes through the binary: source, extract (the page still has
//! its furniture), analyze, code, JSON output. Events are matched as the
//! gold file describes: same source and target country, CAMEO root among
//! the item's roots.

mod common;

use serde_json::Value;

struct Run {
    gold: Value,
    out: Value,
}

fn run() -> Option<Run> {
    let gold_path = common::shared("gold/seed.json")?;
    let gold: Value = serde_json::from_slice(&std::fs::read(gold_path).unwrap()).unwrap();
    let page = common::shared(gold["file"].as_str().unwrap())?;
    let o = common::detente(&["code", page.to_str().unwrap()], b"");
    assert!(o.status.success(), "{}", common::stderr(&o));
    let mut records = common::records(&o);
    assert_eq!(records.len(), 1);
    Some(Run {
        gold,
        out: records.remove(0),
    })
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_default()
}

#[test]
fn article_fields_and_body_boundaries() {
    let Some(Run { gold, out }) = run() else {
        return;
    };
    let g = &gold["article"];
    for key in ["title", "publisher", "date"] {
        assert_eq!(out[key], g[key], "{key}");
    }
    let body = str_of(&out, "body");
    assert!(
        body.starts_with(str_of(g, "body_starts_with")),
        "body starts: {:?}",
        &body[..80]
    );
    assert!(
        body.trim_end().ends_with(str_of(g, "body_ends_with")),
        "body ends wrong"
    );
    for furniture in g["boilerplate_not_in_body"].as_array().unwrap() {
        let furniture = furniture.as_str().unwrap();
        assert!(
            !body.contains(furniture),
            "furniture {furniture:?} left in the body"
        );
    }
}

#[test]
fn persons_with_actor_codes() {
    let Some(Run { gold, out }) = run() else {
        return;
    };
    let entities = out["entities"].as_array().unwrap();
    let body = str_of(&out, "body");
    for person in gold["entities"]["persons"].as_array().unwrap() {
        let name = str_of(person, "name");
        let found: Vec<&Value> = entities
            .iter()
            .filter(|e| e["kind"] == "person")
            .filter(|e| str_of(e, "text").contains(name) || str_of(e, "canonical") == name)
            .collect();
        assert!(!found.is_empty(), "person {name} not found");
        if let Some(actor) = person["actor"].as_str() {
            assert!(
                found.iter().any(|e| e["actor"] == actor),
                "{name} is not {actor}"
            );
        }
        for e in found {
            let (start, end) = (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap());
            assert_eq!(
                &body[start as usize..end as usize],
                str_of(e, "text"),
                "offsets of {name}"
            );
        }
    }
}

fn head(actor: &str) -> &str {
    actor.get(..3).unwrap_or(actor)
}

fn matches(item: &Value, event: &Value) -> bool {
    let code = str_of(event, "code");
    item["source"].as_str() == Some(head(str_of(&event["source"], "actor")))
        && item["target"].as_str() == Some(head(str_of(&event["target"], "actor")))
        && item["roots"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r.as_str() == code.get(..2))
}

#[test]
fn required_events_found_and_none_outside_the_lists() {
    let Some(Run { gold, out }) = run() else {
        return;
    };
    let events = out["events"].as_array().unwrap();
    let required = gold["events"]["required"].as_array().unwrap();
    let optional = gold["events"]["optional"].as_array().unwrap();
    for item in required {
        assert!(
            events.iter().any(|e| matches(item, e)),
            "missing: {}",
            item["what"]
        );
    }
    for e in events {
        assert!(
            required.iter().chain(optional).any(|item| matches(item, e)),
            "event outside the gold lists: {e}"
        );
        for key in [
            "code",
            "root",
            "name",
            "goldstein",
            "quad",
            "sentence",
            "evidence",
            "rule",
        ] {
            assert!(!e[key].is_null(), "event without {key}: {e}");
        }
    }
}

#[test]
fn direct_quotes_with_their_speakers() {
    let Some(Run { gold, out }) = run() else {
        return;
    };
    let quotes = out["quotes"].as_array().unwrap();
    for item in gold["quotes"]["direct"].as_array().unwrap() {
        let (start, speaker) = (str_of(item, "starts_with"), str_of(item, "speaker"));
        assert!(
            quotes.iter().any(|q| q["kind"] == "direct"
                && str_of(q, "text").starts_with(start)
                && str_of(q, "speaker")
                    .to_lowercase()
                    .contains(&speaker.to_lowercase())),
            "direct quote {start:?} by {speaker} not found"
        );
    }
}
