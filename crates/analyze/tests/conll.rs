//! NER on CoNLL-2003 testa (read in place; skipped with a message where
//! ../shared is absent): the rule-based recogniser (no floor: a fallback),
//! and the default trained stage, with a floor just under its measured F1.

const TESTA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/conll2003/eng.testa"
);

#[test]
fn conll_testa_scores() {
    let path = std::path::Path::new(TESTA);
    if !path.exists() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    let report = detente_analyze::eval::conll_ner(path).expect("testa reads");
    eprintln!("CoNLL-2003 testa, rule-based entities: {}", report.overall);
    for (t, s) in &report.by_type {
        eprintln!("  {t:<5} {s}");
    }
    // testa holds 5,942 mentions: 1,842 PER, 1,341 ORG, 1,837 LOC, 922 MISC.
    let gold: Vec<usize> = report.by_type.iter().map(|(_, s)| s.gold).collect();
    assert_eq!(gold, [1842, 1341, 1837, 922]);
    assert!(report.overall.correct > 0);
}

/// The whole entity step of the default analyzer (model, then titles and
/// coreference): measured F1 0.874 when the models were trained.
#[test]
fn trained_stage_meets_its_floor() {
    let path = std::path::Path::new(TESTA);
    if !path.exists() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    let analyzer = detente_analyze::RuleAnalyzer::trained().expect("embedded models load");
    let report = detente_analyze::eval::conll_ner_with(path, &analyzer).expect("testa reads");
    eprintln!("CoNLL-2003 testa, trained stage: {}", report.overall);
    assert!(
        report.overall.f1() >= 0.869,
        "F1 {:.4}",
        report.overall.f1()
    );
}
