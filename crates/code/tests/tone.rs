//! Tone through the whole code stage: document and sentence tone in
//! GDELT's V2Tone layout, each event carrying its sentence's tone, negation
//! and intensifiers, and a user's lexicon (`--lexicon FILE`) with errors
//! that name the file and line.

mod common;

use std::sync::Arc;

use detente_analyze::RuleAnalyzer;
use detente_code::{EventCoder, Lexicon};
use detente_core::stage::{Analyzer, Coder, Coding};
use detente_core::{Article, Tone};
use detente_knowledge::Knowledge;

fn code_with(coder: &EventCoder, body: &str) -> Coding {
    let article = Article::from_body(body);
    coder.code(&article, &RuleAnalyzer::new().analyze(&article))
}

fn doc_tone(body: &str) -> Tone {
    common::code(body, None).1.tone
}

#[test]
fn events_carry_the_tone_of_their_sentence() {
    let body = "Russia attacked Ukraine in a brutal and deadly massacre. \
                Germany praised France for the excellent and peaceful agreement.";
    let (_, coding) = common::code(body, None);
    let attack = coding
        .events
        .iter()
        .find(|e| e.root.number() == 19 || e.root.number() == 18);
    let praise = coding.events.iter().find(|e| e.sentence == 1);
    let (Some(attack), Some(praise)) = (attack, praise) else {
        panic!("both events coded: {:?}", coding.events)
    };
    assert!(attack.tone.is_some_and(|t| t < 0.0), "{:?}", attack.tone);
    assert!(praise.tone.is_some_and(|t| t > 0.0), "{:?}", praise.tone);
    let doc = coding.tone.tone;
    assert!(
        attack.tone.unwrap() < doc && doc < praise.tone.unwrap(),
        "document tone lies between"
    );
}

#[test]
fn v2tone_layout_negation_and_intensifiers() {
    let t = doc_tone("We welcome the peaceful agreement, but the attack was a terrible crisis.");
    assert!((t.polarity - (t.positive + t.negative)).abs() < 1e-9);
    assert!((t.tone - (t.positive - t.negative)).abs() < 1e-9);
    assert!(t.self_group_density > 0.0, "we");
    assert_eq!(t.to_gdelt().split(',').count(), 7);
    assert!(
        doc_tone("The talks were not a failure.").tone > doc_tone("The talks were a failure.").tone
    );
    assert!(
        doc_tone("The talks were a very serious failure.").negative
            > doc_tone("The talks were a failure.").negative
    );
}

/// A lexicon file of our own under the system temp folder.
fn lexicon_file(name: &str, text: &str) -> std::path::PathBuf {
    let p = std::env::temp_dir().join(format!("detente-tone-test-{}-{name}", std::process::id()));
    std::fs::write(&p, text).expect("temp file writes");
    p
}

#[test]
fn a_user_lexicon_replaces_ours() {
    let knowledge = Arc::new(Knowledge::embedded().expect("knowledge loads"));
    let body = "The summit was splendid.";
    let ours = code_with(&EventCoder::new(knowledge.clone()), body).tone;
    assert_eq!(
        ours.polarity, 0.0,
        "'splendid' is not in our lexicon: {ours:?}"
    );
    for (score, positive) in [("3", true), ("-2.5", false)] {
        let path = lexicon_file(score, &format!("# user lexicon\nsplendid\t{score}\n"));
        let lexicon = Lexicon::from_tsv(&path).expect("lexicon reads");
        let t = code_with(
            &EventCoder::new(knowledge.clone()).with_lexicon(lexicon),
            body,
        )
        .tone;
        assert_eq!(t.tone > 0.0, positive, "{score}: {t:?}");
        std::fs::remove_file(path).ok();
    }
}

#[test]
fn a_bad_user_lexicon_names_file_and_line() {
    let path = lexicon_file("bad", "good\t2\nawful -3\n");
    let e = Lexicon::from_tsv(&path).unwrap_err().to_string();
    assert!(e.starts_with(&format!("{}:2:", path.display())), "{e}");
    std::fs::remove_file(path).ok();
    let e = Lexicon::from_tsv("/nonexistent/detente/lexicon.tsv")
        .unwrap_err()
        .to_string();
    assert!(e.contains("/nonexistent/detente/lexicon.tsv"), "{e}");
}
