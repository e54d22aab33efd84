//! The embedded default knowledge loads and knows what a news article needs.

use detente_core::{CameoCode, Date, Plover};
use detente_knowledge::{ActorKind, Knowledge};

fn date(s: &str) -> Option<Date> {
    Some(Date::parse_from_str(s, "%Y-%m-%d").unwrap())
}

fn kb() -> Knowledge {
    Knowledge::embedded().unwrap_or_else(|e| panic!("embedded knowledge does not load: {e}"))
}

#[test]
fn embedded_loads_with_full_codebook() {
    let kb = kb();
    assert_eq!(kb.codebook.events().count(), 311);
    let visit = kb.codebook.event(CameoCode::parse("042").unwrap()).unwrap();
    assert_eq!(visit.plover, Some(Plover::Consult));
    assert_eq!(
        kb.codebook.actor_type("GOV"),
        Some("Government and executive")
    );
}

#[test]
fn load_dir_reads_the_same_files() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data");
    let kb = Knowledge::load_dir(std::path::Path::new(dir)).unwrap();
    assert_eq!(kb.codebook.events().count(), 311);
    let err = Knowledge::load_dir(std::path::Path::new("/nonexistent"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("/nonexistent/cameo/events.tsv"), "{err}");
}

#[test]
fn persons_are_coded_at_the_date() {
    let kb = kb();
    let text =
        "US Secretary of State John Kerry met Putin and Sergei Lavrov; Steinmeier and Obama too.";
    let found = kb.actors.find(text, date("2016-03-25"));
    let code_of = |name: &str| {
        found
            .iter()
            .find(|m| m.span.text(text) == name)
            .map(|m| (m.code.to_string(), m.kind, m.role.clone()))
    };
    assert_eq!(
        code_of("John Kerry"),
        Some((
            "USAGOV".into(),
            ActorKind::Person,
            Some("Secretary of State".into())
        ))
    );
    assert_eq!(code_of("Putin").unwrap().0, "RUSGOV");
    assert_eq!(code_of("Sergei Lavrov").unwrap().0, "RUSGOV");
    assert_eq!(code_of("Steinmeier").unwrap().0, "DEUGOV");
    assert_eq!(code_of("Obama").unwrap().2.as_deref(), Some("President"));
    assert_eq!(code_of("US").unwrap().0, "USA");
    let later = kb.actors.find("Obama", date("2019-06-01"));
    assert_eq!(later[0].code.as_str(), "USAELI");
    assert_eq!(later[0].role, None);
    let kerry = kb.actors.person("kerry", date("2016-03-25")).unwrap();
    assert_eq!(
        (kerry.entry.as_str(), kerry.code.as_str()),
        ("John Kerry", "USAGOV")
    );
    assert!(kerry.rule.starts_with("actors/people.txt:"));
}

#[test]
fn metonyms_demonyms_and_case_rules() {
    let kb = kb();
    let text = "Moscow and Washington, said a Russian diplomat; let us meet the U.S. envoy.";
    let found = kb.actors.find(text, date("2016-03-25"));
    let got: Vec<(&str, &str, ActorKind)> = found
        .iter()
        .map(|m| (m.span.text(text), m.code.as_str(), m.kind))
        .collect();
    assert!(
        got.contains(&("Moscow", "RUSGOV", ActorKind::Capital)),
        "{got:?}"
    );
    assert!(
        got.contains(&("Washington", "USAGOV", ActorKind::Capital)),
        "{got:?}"
    );
    assert!(
        got.contains(&("Russian", "RUS", ActorKind::Demonym)),
        "{got:?}"
    );
    assert!(
        got.contains(&("U.S.", "USA", ActorKind::Country)),
        "{got:?}"
    );
    assert!(!got.iter().any(|(t, _, _)| *t == "us"), "{got:?}");
}

#[test]
fn agents_give_roles() {
    let kb = kb();
    assert_eq!(kb.actors.agent("the Russian foreign ministry"), Some("GOV"));
    assert_eq!(kb.actors.agent("Syrian army troops"), Some("MIL"));
    assert_eq!(kb.actors.agent("a bowl of soup"), None);
}
