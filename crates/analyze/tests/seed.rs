//! The seed article against ../shared/gold/seed.json (read in place; skipped
//! with a message where ../shared is absent).

use detente_analyze::{RuleAnalyzer, StandardAnalyzer};
use detente_core::stage::Analyzer;
use detente_core::{Article, EntityKind};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

fn load() -> Option<(String, serde_json::Value)> {
    let raw = std::fs::read_to_string(format!(
        "{SHARED}/corpus/seed/xinhua-2016-03-25-russia-west-ties.txt"
    ));
    let gold = std::fs::read_to_string(format!("{SHARED}/gold/seed.json"));
    match (raw, gold) {
        (Ok(r), Ok(g)) => Some((r, serde_json::from_str(&g).expect("seed.json parses"))),
        _ => {
            eprintln!("skipping: ../shared not found");
            None
        }
    }
}

/// The body as the gold file bounds it.
fn body<'a>(raw: &'a str, gold: &serde_json::Value) -> &'a str {
    let first = gold["article"]["body_starts_with"].as_str().unwrap();
    let last = gold["article"]["body_ends_with"].as_str().unwrap();
    let s = raw.find(first).expect("body start in seed");
    let e = raw.find(last).expect("body end in seed") + last.len();
    &raw[s..e]
}

#[test]
fn every_gold_person_with_role_and_country() {
    persons_with_role_and_country(&RuleAnalyzer::new());
}

#[test]
fn every_gold_person_with_role_and_country_trained() {
    persons_with_role_and_country(&StandardAnalyzer::new().expect("embedded models load"));
}

fn persons_with_role_and_country(analyzer: &dyn Analyzer) {
    let Some((raw, gold)) = load() else { return };
    let mut article = Article::from_body(body(&raw, &gold));
    article.date = chrono::NaiveDate::from_ymd_opt(2016, 3, 25);
    let ta = analyzer.analyze(&article);
    let mut with_country = 0;
    for p in gold["entities"]["persons"].as_array().unwrap() {
        let name = p["name"].as_str().unwrap();
        let role = p["role"].as_str().unwrap();
        let mentions: Vec<_> = ta
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person && e.name() == name)
            .collect();
        assert!(
            !mentions.is_empty(),
            "{name} not found among {:#?}",
            ta.entities
        );
        assert!(
            mentions.iter().any(|e| e.role.as_deref() == Some(role)),
            "{name}: role {role:?} in {mentions:#?}"
        );
        if let Some(actor) = p["actor"].as_str() {
            for e in &mentions {
                if let Some(c) = e.country {
                    assert_eq!(c.as_str(), &actor[..3], "{name}: country");
                }
            }
            with_country += usize::from(mentions.iter().any(|e| e.country.is_some()));
        }
    }
    // Kerry, Obama, Lavrov and Steinmeier carry a nationality in their title; Putin does not.
    assert!(
        with_country >= 4,
        "only {with_country} persons got a country"
    );
    for short in ["Kerry", "Wan", "Zhang", "Steinmeier"] {
        let e = ta
            .entities
            .iter()
            .find(|e| e.text == short)
            .unwrap_or_else(|| panic!("no {short}"));
        assert_eq!(e.kind, EntityKind::Person, "{short}");
        assert!(
            e.name().len() > short.len(),
            "{short} has canonical {:?}",
            e.canonical
        );
    }
    let persons: std::collections::BTreeSet<&str> = ta
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name())
        .collect();
    eprintln!("persons: {persons:?}");
    assert_eq!(
        persons.len(),
        7,
        "persons beyond the gold seven: {persons:?}"
    );
}

#[test]
fn sentences_of_the_raw_page() {
    let Some((raw, _)) = load() else { return };
    let ta = RuleAnalyzer::new().analyze(&Article::from_body(raw.as_str()));
    let texts: Vec<&str> = ta.sentences.iter().map(|s| s.span.text(&raw)).collect();
    for s in &texts {
        assert!(
            !s.ends_with("U.S.") && !s.ends_with(" S."),
            "break after abbreviation: {s:?}"
        );
    }
    assert!(
        texts
            .iter()
            .any(|s| s.starts_with("The current visit by U.S. Secretary of State John Kerry")),
        "{texts:#?}"
    );
    assert!(
        texts
            .iter()
            .any(|s| s.starts_with("A series of confrontational steps")),
        "{texts:#?}"
    );
    assert!(texts.contains(
        &"News Analysis: Russia-West ties thaw, but obstacles remain before normalizing relations"
    ));
}

#[test]
fn seed_times_resolve() {
    let Some((raw, gold)) = load() else { return };
    let mut article = Article::from_body(body(&raw, &gold));
    article.date = chrono::NaiveDate::from_ymd_opt(2016, 3, 25);
    let ta = RuleAnalyzer::new().analyze(&article);
    let get = |t: &str| {
        ta.times
            .iter()
            .find(|x| x.text == t)
            .unwrap_or_else(|| panic!("no {t:?} in {:#?}", ta.times))
    };
    let range = |t: &str| {
        get(t)
            .range
            .map(|r| (r.first.to_string(), r.last.to_string()))
            .unwrap()
    };
    assert_eq!(
        range("Earlier this month"),
        ("2016-03-01".into(), "2016-03-25".into())
    );
    assert_eq!(
        range("early 2014"),
        ("2014-01-01".into(), "2014-05-01".into())
    );
    assert_eq!(
        range("since last year"),
        ("2015-01-01".into(), "2016-03-25".into())
    );
    assert_eq!(
        range("September"),
        ("2016-09-01".into(), "2016-09-30".into())
    );
    assert_eq!(
        range("the same day"),
        ("2016-03-25".into(), "2016-03-25".into())
    );
}

#[test]
fn seed_lemmas_for_the_code_stage() {
    let Some((raw, gold)) = load() else { return };
    let body = body(&raw, &gold);
    let ta = RuleAnalyzer::new().analyze(&Article::from_body(body));
    let lemma = |w: &str| {
        let t = ta
            .tokens
            .iter()
            .find(|t| t.span.text(body) == w)
            .unwrap_or_else(|| panic!("no token {w}"));
        t.lemma.clone()
    };
    for (w, l) in [
        ("visited", "visit"),
        ("imposed", "impose"),
        ("sanctions", "sanction"),
        ("talks", "talk"),
        ("extend", "extend"),
        ("said", "say"),
        ("criticizes", "criticize"),
    ]
    .into_iter()
    .filter(|(w, _)| body.contains(&format!(" {w} ")))
    {
        assert_eq!(lemma(w).as_deref(), Some(l), "{w}");
    }
}
