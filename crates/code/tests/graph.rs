//! The knowledge graph of a coded article: names with countries, themes
//! from our dictionary, counts and dates, through the real analyze stage.

mod common;

use detente_code::graph::Themes;
use detente_core::Graph;
use proptest::prelude::*;

proptest! {
    #[test]
    fn theme_reader_never_panics(text in "([A-Z_]{1,6}|[a-z]{1,5}|\\*|,|\t| |\n|#){0,30}") {
        let _ = Themes::parse("t.txt", &text);
    }
}

fn graph(body: &str) -> Graph {
    let date = chrono::NaiveDate::from_ymd_opt(2016, 3, 25);
    common::code(body, date).1.graph
}

fn themes(g: &Graph) -> Vec<&str> {
    g.themes.iter().map(|t| t.theme.as_str()).collect()
}

#[test]
fn names_themes_counts_and_dates() {
    let body = "Gunmen killed 12 people in northern Nigeria on Tuesday, police said.\n\n\
                The European Union extended sanctions against Russia, and envoys from 30 countries met in Geneva last week.";
    let g = graph(body);
    let kill = g.counts.iter().find(|c| c.kind.as_deref() == Some("KILL"));
    assert!(
        kill.is_some_and(|c| c.number == 12 && c.object == "people"),
        "{:?}",
        g.counts
    );
    assert!(
        g.counts
            .iter()
            .any(|c| c.number == 30 && c.object == "countries" && c.kind.is_none()),
        "{:?}",
        g.counts
    );
    let t = themes(&g);
    for want in ["SANCTIONS", "KILL", "DIPLOMACY"] {
        assert!(t.contains(&want), "{want} in {t:?}");
    }
    let russia = g.locations.iter().find(|l| l.name.contains("Russia"));
    assert!(
        russia.is_some_and(|l| l.country.is_some_and(|c| c.as_str() == "RUS")),
        "{:?}",
        g.locations
    );
    assert!(!g.dates.is_empty(), "Tuesday and last week are dates");
    for o in g
        .themes
        .iter()
        .flat_map(|t| &t.offsets)
        .chain(g.counts.iter().map(|c| &c.offset))
    {
        assert!(body.is_char_boundary(*o) && *o < body.len());
    }
}

#[test]
fn seed_graph_names_the_people_and_places() {
    let Some(path) = common::shared("corpus/seed/xinhua-2016-03-25-russia-west-ties.txt") else {
        return;
    };
    let page = std::fs::read_to_string(path).expect("seed reads");
    let g = graph(&page);
    let persons: Vec<&str> = g.persons.iter().map(|p| p.name.as_str()).collect();
    assert!(
        persons.iter().any(|p| p.contains("Wan Chengcai")),
        "{persons:?}"
    );
    assert!(persons.iter().any(|p| p.contains("Obama")), "{persons:?}");
    assert!(
        g.locations
            .iter()
            .any(|l| l.country.is_some_and(|c| c.as_str() == "RUS")),
        "{:?}",
        g.locations
    );
    assert!(themes(&g).contains(&"SANCTIONS"), "{:?}", themes(&g));
    let json = serde_json::to_string(&g).expect("graph serialises");
    let back: Graph = serde_json::from_str(&json).expect("graph deserialises");
    assert_eq!(back, g);
}

#[test]
fn empty_text_has_an_empty_graph() {
    assert!(graph("").is_empty());
}
