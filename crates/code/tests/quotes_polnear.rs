//! PolNeAR (../shared/data/polnear, read in place): quotes in quotation
//! marks, their content and their speakers, with the analyze and code stages
//! of the route. Floors sit just under what we measure; the figures are
//! printed (`cargo test -p detente-code --test quotes_polnear -- --nocapture`;
//! `DETENTE_QUOTE_MISSES=1` also lists every miss). Measured: content F1
//! 0.968, content+speaker F1 0.858 over train+dev (RuleAnalyzer).

mod common;

use detente_analyze::RuleAnalyzer;
use detente_code::quotes::eval::{self, MissKind};

#[test]
fn polnear_quote_content_and_speaker_floors() {
    let Some(shared) = common::shared("data/polnear") else {
        return;
    };
    let shared = shared
        .parent()
        .and_then(|p| p.parent())
        .expect("shared root");
    let report =
        eval::report(shared, &RuleAnalyzer::new(), common::coder()).expect("PolNeAR reads");
    if std::env::var_os("DETENTE_QUOTE_MISSES").is_some() {
        for m in &report.misses {
            let kind = match m.kind {
                MissKind::Missed => "MISSED",
                MissKind::Spurious => "SPURIOUS",
                MissKind::WrongSpeaker => "SPEAKER",
            };
            eprintln!(
                "{kind}\t{}\t{}\t{}",
                m.document,
                m.detail,
                m.text.replace('\n', " ")
            );
        }
    }
    eprintln!("{report}");
    let total = report.total();
    assert!(
        total.documents > 900,
        "train and dev read: {}",
        total.documents
    );
    assert!(
        total.content.f1() >= 0.96,
        "content F1 {:.3}",
        total.content.f1()
    );
    assert!(
        total.speaker.f1() >= 0.845,
        "speaker F1 {:.3}",
        total.speaker.f1()
    );
}
