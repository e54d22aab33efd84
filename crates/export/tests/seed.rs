//! The canonical seed article (../shared/corpus/seed, read in place) through
//! the real analyze and code stages, exported in every format: each row has
//! its layout's column count, and the GKG row names the article's people,
//! places and themes.

mod common;

use std::sync::Arc;

use detente_analyze::RuleAnalyzer;
use detente_code::EventCoder;
use detente_core::stage::{Analyzer, Coder};
use detente_core::{Analysis, Article, Graph};
use detente_export::{csv, gdelt, plover};
use detente_knowledge::Knowledge;

fn seed() -> Option<(Analysis, Graph)> {
    let page = std::fs::read_to_string(common::shared(
        "corpus/seed/xinhua-2016-03-25-russia-west-ties.txt",
    )?)
    .ok()?;
    let mut article = Article::from_body(page);
    article.date = chrono::NaiveDate::from_ymd_opt(2016, 3, 25);
    article.publisher = Some("Xinhua".into());
    let text = RuleAnalyzer::new().analyze(&article);
    let coder = EventCoder::new(Arc::new(Knowledge::embedded().expect("knowledge loads")));
    let c = coder.code(&article, &text);
    let a = Analysis {
        id: Some("seed".into()),
        path: None,
        article,
        entities: c.entities,
        events: c.events,
        quotes: c.quotes,
        tone: c.tone.tone,
        tone_detail: c.tone,
        graph: c.graph.clone(),
    };
    Some((a, c.graph))
}

fn lines(bytes: Vec<u8>) -> Vec<String> {
    String::from_utf8(bytes)
        .expect("UTF-8")
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn seed_exports_in_every_layout() {
    let Some((a, graph)) = seed() else { return };
    let ctx = common::context();
    assert!(!a.events.is_empty(), "the seed has events");
    let mut out = Vec::new();
    gdelt::write_events(&mut out, &a, &ctx).unwrap();
    for row in lines(out) {
        assert_eq!(row.split('\t').count(), gdelt::EVENT_COLUMNS.len());
    }
    let mut out = Vec::new();
    gdelt::write_mentions(&mut out, &a, &ctx).unwrap();
    for row in lines(out) {
        assert_eq!(row.split('\t').count(), gdelt::MENTION_COLUMNS.len());
    }
    let mut out = Vec::new();
    gdelt::write_gkg(&mut out, &a, &graph, &ctx).unwrap();
    let rows = lines(out);
    assert_eq!(rows.len(), 1);
    let gkg: Vec<&str> = rows[0].split('\t').collect();
    assert_eq!(gkg.len(), gdelt::GKG_COLUMNS.len());
    let field = |name: &str| gkg[gdelt::GKG_COLUMNS.iter().position(|c| *c == name).unwrap()];
    assert!(
        field("V2Persons").contains("Wan Chengcai,"),
        "{}",
        field("V2Persons")
    );
    assert!(
        field("V2Locations").contains("#Russia#RUS#"),
        "{}",
        field("V2Locations")
    );
    assert!(
        field("Themes").contains("SANCTIONS;"),
        "{}",
        field("Themes")
    );
    assert!(
        field("Quotations").contains("Both Moscow and Washington want"),
        "{}",
        field("Quotations")
    );
    assert_eq!(field("V2Tone").split(',').count(), 7);
    let mut out = Vec::new();
    let n = plover::write_plover(&mut out, &a, "seed").unwrap();
    assert_eq!(lines(out).len() as u64, n);
    let mut out = Vec::new();
    csv::write_events(&mut out, &a).unwrap();
    assert!(!out.is_empty());
}
