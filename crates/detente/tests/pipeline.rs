//! The pipeline as a library user meets it: default stages, a replaced
//! stage, and batch runs that keep input order.

use std::sync::Arc;

use detente::core::stage::{Coder, Coding};
use detente::{Article, Document, Knowledge, Pipeline, TextAnalysis, batch};

fn pipeline() -> Pipeline {
    Pipeline::new(Arc::new(
        Knowledge::embedded().expect("our dictionaries load"),
    ))
}

#[test]
fn default_stages_code_a_passage() {
    let a = pipeline()
        .run(&Document::text("China accused Japan of provocation."))
        .unwrap();
    let e = a.events.first().expect("an event");
    assert_eq!(
        e.source.actor.map(|c| c.to_string()).as_deref(),
        Some("CHN")
    );
    assert_eq!(
        e.target.actor.map(|c| c.to_string()).as_deref(),
        Some("JPN")
    );
    assert_eq!(e.root.number(), 11);
    assert!(!e.rule.is_empty());
}

/// A coder that counts sentences into the tone, to see that it was used.
struct SentenceCounter;

impl Coder for SentenceCounter {
    fn code(&self, _: &Article, text: &TextAnalysis) -> Coding {
        let mut coding = Coding::default();
        coding.tone.tone = text.sentences.len() as f64;
        coding
    }
}

#[test]
fn a_stage_can_be_replaced_alone() {
    let p = Pipeline::around(SentenceCounter);
    let a = p
        .run(&Document::text("One sentence here. And a second one."))
        .unwrap();
    assert_eq!(a.tone, 2.0);
    assert!(a.events.is_empty());
}

#[test]
fn an_empty_page_is_an_error_not_an_empty_record() {
    assert!(pipeline().run(&Document::text("   \n  ")).is_err());
}

#[test]
fn batch_keeps_input_order_and_reports_failures_in_place() {
    let p = pipeline();
    let texts = ["Russia criticized Ukraine.", "", "France praised Germany."];
    let docs = texts.iter().enumerate().map(|(i, t)| {
        let mut d = Document::text(*t);
        d.id = Some(format!("doc{i}"));
        Ok(d)
    });
    let mut seen = Vec::new();
    batch::run(&p, docs, |outcome| {
        seen.push(match outcome {
            Ok(a) => a.id.unwrap(),
            Err(f) => format!("failed:{}", f.input),
        });
        Ok::<(), ()>(())
    })
    .unwrap();
    assert_eq!(seen, ["doc0", "failed:doc1", "doc2"]);
}
