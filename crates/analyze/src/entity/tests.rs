use super::*;
use crate::sentence;
use crate::steps::Tagger;
use crate::tagger::RuleTagger;
use crate::tokenize::tokenize;

fn entities(text: &str) -> Vec<Entity> {
    let mut spans = Vec::new();
    tokenize(text, &mut spans);
    let sentences = sentence::split(text, &spans);
    let words: Vec<&str> = spans.iter().map(|s| s.text(text)).collect();
    let mut tags = vec![None; spans.len()];
    for s in &sentences {
        RuleTagger.tag(
            &words[s.tokens.0..s.tokens.1],
            &mut tags[s.tokens.0..s.tokens.1],
        );
    }
    find(&Doc::new(text, &spans, &words, &tags, &sentences), None)
}

fn person<'e>(es: &'e [Entity], name: &str) -> &'e Entity {
    es.iter()
        .find(|e| e.kind == EntityKind::Person && e.name() == name)
        .unwrap_or_else(|| panic!("no person {name} in {es:#?}"))
}

#[test]
fn titles_with_countries_make_one_mention() {
    let text = "The visit by U.S. Secretary of State John Kerry ended. German Foreign Minister Frank-Walter Steinmeier met President Vladimir Putin and Russia's Foreign Minister Sergei Lavrov.";
    let es = entities(text);
    let kerry = person(&es, "John Kerry");
    assert_eq!(kerry.text, "U.S. Secretary of State John Kerry");
    assert_eq!(kerry.role.as_deref(), Some("Secretary of State"));
    assert_eq!(kerry.country.unwrap().as_str(), "USA");
    let fw = person(&es, "Frank-Walter Steinmeier");
    assert_eq!(
        (fw.role.as_deref(), fw.country.unwrap().as_str()),
        (Some("Foreign Minister"), "DEU")
    );
    let putin = person(&es, "Vladimir Putin");
    assert_eq!(
        (putin.role.as_deref(), putin.country),
        (Some("President"), None)
    );
    let lavrov = person(&es, "Sergei Lavrov");
    assert_eq!(lavrov.country.unwrap().as_str(), "RUS");
    assert!(
        !es.iter().any(|e| e.text == "U.S." || e.text == "German"),
        "{es:#?}"
    );
}

#[test]
fn appositions_and_coreference() {
    let text = "\"We agree,\" said Li Wei, an analyst at a think tank in Beijing.\n\nLi noted that the Islamic State (IS) had lost ground. IS fighters fled. Kerry's trip was noted by John Kerry himself.";
    let es = entities(text);
    let li = person(&es, "Li Wei");
    assert_eq!(
        li.role.as_deref(),
        Some("analyst at a think tank in Beijing")
    );
    let short: Vec<&Entity> = es.iter().filter(|e| e.text == "Li").collect();
    assert_eq!(short.len(), 1, "{es:#?}");
    assert_eq!(short[0].name(), "Li Wei");
    assert_eq!(
        short[0].role.as_deref(),
        Some("analyst at a think tank in Beijing")
    );
    let is: Vec<&Entity> = es.iter().filter(|e| e.text == "IS").collect();
    assert_eq!(is.len(), 2);
    assert!(
        is.iter()
            .all(|e| e.name() == "Islamic State" && e.kind == EntityKind::Organization)
    );
    assert_eq!(
        es.iter().find(|e| e.text == "Kerry").unwrap().name(),
        "John Kerry"
    );
    assert!(
        es.iter()
            .any(|e| e.text == "Beijing" && e.kind == EntityKind::Location)
    );
}

#[test]
fn sentence_initial_words_need_evidence() {
    let es = entities("Analysts said the talks failed. Shortly after, Moscow replied.");
    let texts: Vec<&str> = es.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, ["Moscow"]);
}
