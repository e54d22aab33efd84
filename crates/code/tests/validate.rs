//! The PETRARCH route against ../shared (read in place): the validation
//! records with their own dictionaries, and the Phoenix dictionaries
//! (`--dictionaries petrarch:DIR`). Floors sit just under what was measured;
//! the report's own figures are printed.

mod common;

use detente_code::patterns::petrarch;
use detente_core::stage::{Analyzer, Coder};
use detente_core::{Article, Date};

#[test]
fn validation_records_with_their_own_dictionaries() {
    let Some(xml) = common::shared("data/petrarch/validation/PETR_Validate_records_2_02.xml")
    else {
        return;
    };
    let report = detente_code::validate::run(&xml).expect("validation file loads");
    let t = report.total;
    eprintln!(
        "found {:.1}% of {} expected events; {:.1}% of {} records with extra events",
        t.found_pct(),
        t.expected,
        t.extra_records_pct(),
        t.records
    );
    assert_eq!(report.all.records, 274);
    assert_eq!(report.all.expected, 322);
    // Measured: 92.9% found, 6.8% of records with extras (the categories
    // the file's <Include> lists: 93.1%, 6.5%).
    assert!(t.found_pct() >= 92.5, "{report}");
    assert!(t.extra_records_pct() <= 7.2, "{report}");
    let inc = report.included;
    assert_eq!((inc.records, inc.expected), (245, 305));
    assert!(inc.found_pct() >= 92.5, "{report}");
    assert!(inc.extra_records_pct() <= 7.0, "{report}");
    // The file's own ontology codes negation ("didn't clash" → 050) and its
    // dictionary's codes outside CAMEO (212 ARREST) are compared as written.
    let found = |id: &str, code: &str, source: &str| {
        report
            .records
            .iter()
            .filter(|r| r.id == id)
            .any(|r| r.found.iter().any(|e| e.code == code && e.source == source))
    };
    assert!(found("SYNSET-13", "050", "BREGOV"), "{report}");
    assert!(found("DEMO-24", "212", "RUSCOP"), "{report}");
    // `[NGO~]` puts the role before the country; `[FRO/BIL/SAM]` is one code.
    assert!(found("AGENT-02", "050", "NGOARN"), "{report}");
    assert!(found("COMPOUND-11", "050", "FRO/BIL/SAM"), "{report}");
}

#[test]
fn phoenix_dictionaries_code_with_our_analysis() {
    let Some(dir) = common::shared("data/petrarch/dictionaries") else {
        return;
    };
    let dicts = petrarch::load_dir(&dir).expect("dictionaries load");
    let loaded = &dicts.verbs;
    eprintln!(
        "{} patterns, {} verb problems, skipped {:?}; {} problems in all",
        loaded.patterns.patterns().len(),
        loaded.problems.len(),
        loaded.skipped,
        dicts.problems.len()
    );
    assert!(loaded.patterns.patterns().len() > 10_000);
    // The published file has a few malformed lines and codes outside CAMEO:
    // each is reported, not fatal.
    assert!(loaded.problems.len() < 200, "{:?}", &loaded.problems[..20]);
    for p in &loaded.problems {
        assert!(p.to_string().contains("CAMEO.2.0.txt:"), "{p}");
    }
    let coder = dicts.event_coder();
    let body = "Russia accused Ukraine of violating the ceasefire.";
    let mut article = Article::from_body(body);
    article.date = Date::from_ymd_opt(2016, 3, 25);
    let text = detente_analyze::RuleAnalyzer::new().analyze(&article);
    let events = coder.code(&article, &text).events;
    assert!(
        events.iter().any(|e| e.code.root().number() == 11
            && e.source.actor.as_ref().is_some_and(|a| a.as_str() == "RUS")),
        "{events:#?}"
    );
    assert!(events.iter().all(|e| e.rule.contains("CAMEO.2.0.txt:")));
}
