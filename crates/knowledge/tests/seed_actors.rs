//! Sanity check against the gold file of the seed article (read in place from
//! ../shared): every person the gold gives an actor code gets that code at
//! the article's date, and the gold metonyms resolve to governments.

use detente_core::Date;
use detente_knowledge::{ActorKind, Knowledge};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

fn read(rel: &str) -> Option<String> {
    let path = format!("{SHARED}/{rel}");
    let text = std::fs::read_to_string(&path).ok();
    if text.is_none() {
        eprintln!("skipping: ../shared not found ({path})");
    }
    text
}

/// Pulls `"key": "value"` pairs out of one JSON object's text, in order.
fn strings<'a>(obj: &'a str, key: &str) -> Option<&'a str> {
    let at = obj.find(&format!("\"{key}\""))?;
    let rest = &obj[at + key.len() + 2..];
    let start = rest.find('"')? + 1;
    let end = start + rest[start..].find('"')?;
    Some(&rest[start..end])
}

#[test]
fn gold_persons_and_metonyms() {
    let (Some(article), Some(gold)) = (
        read("corpus/seed/xinhua-2016-03-25-russia-west-ties.txt"),
        read("gold/seed.json"),
    ) else {
        return;
    };
    let kb = Knowledge::embedded().unwrap();
    let date = Date::from_ymd_opt(2016, 3, 25);
    let found = kb.actors.find(&article, date);
    let entities = &gold[gold.find("\"entities\"").unwrap()..gold.find("\"events\"").unwrap()];
    let mut checked = 0;
    for obj in entities.split('{').skip(1) {
        let (Some(actor), Some(name)) = (
            strings(obj, "actor"),
            strings(obj, "name").or(strings(obj, "text")),
        ) else {
            continue;
        };
        let hit = found
            .iter()
            .find(|m| m.entry == name || m.span.text(&article) == name)
            .unwrap_or_else(|| panic!("{name} not found in the seed article"));
        assert_eq!(hit.code.as_str(), actor, "{name}");
        if hit.kind == ActorKind::Person {
            assert_eq!(hit.role.as_deref(), strings(obj, "role"), "{name}");
        }
        checked += 1;
    }
    assert!(checked >= 7, "only {checked} gold entries checked");
}
