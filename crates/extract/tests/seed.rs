//! The canonical seed page against its gold file, read in place from ../shared.

use detente_core::{Document, stage::Extractor};
use detente_extract::Extract;

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared");

#[test]
fn seed_article_matches_gold() {
    let page = format!("{SHARED}/corpus/seed/xinhua-2016-03-25-russia-west-ties.txt");
    let gold = format!("{SHARED}/gold/seed.json");
    let (Ok(page), Ok(gold)) = (
        std::fs::read_to_string(&page),
        std::fs::read_to_string(&gold),
    ) else {
        eprintln!("skipping: ../shared not found (seed page or gold/seed.json)");
        return;
    };
    let gold: serde_json::Value = serde_json::from_str(&gold).unwrap();
    let want = &gold["article"];
    let a = Extract.extract(&Document::text(page)).unwrap();
    assert_eq!(a.title.as_deref(), want["title"].as_str());
    assert_eq!(a.publisher.as_deref(), want["publisher"].as_str());
    assert_eq!(
        a.date.map(|d| d.to_string()).as_deref(),
        want["date"].as_str()
    );
    assert_eq!(a.dateline.as_deref(), Some("Xinhua, March 25, 2016"));
    assert_eq!(a.language.as_deref(), Some("en"));
    assert!(
        a.body
            .starts_with(want["body_starts_with"].as_str().unwrap()),
        "{}",
        &a.body[..200]
    );
    assert!(
        a.body.ends_with(want["body_ends_with"].as_str().unwrap()),
        "{}",
        &a.body[a.body.len() - 200..]
    );
    for junk in want["boilerplate_not_in_body"].as_array().unwrap() {
        assert!(
            !a.body.contains(junk.as_str().unwrap()),
            "body contains {junk}"
        );
    }
    // Paragraphs are the page's paragraphs, separated by blank lines.
    assert!(
        a.paragraphs.len() >= 15,
        "{} paragraphs",
        a.paragraphs.len()
    );
    for p in &a.paragraphs {
        assert!(!p.text(&a.body).contains('\n'));
    }
}
