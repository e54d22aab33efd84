//! Bad input for quote finding: thousands of marks, marks never closed,
//! nested and mixed marks, a quote of a megabyte, many paragraphs. No
//! panic, spans on character boundaries, and work that grows with the input
//! (each case is sized so that quadratic work would not finish in a test
//! run; speed itself is measured elsewhere, not asserted).

mod common;

use detente_core::QuoteKind;
use proptest::prelude::*;

fn check(body: &str) -> Vec<detente_core::Quote> {
    let (_, coding) = common::code(body, None);
    for q in &coding.quotes {
        assert!(
            q.span.end <= body.len()
                && body.is_char_boundary(q.span.start)
                && body.is_char_boundary(q.span.end)
        );
        assert_eq!(q.text, &body[q.span.start..q.span.end]);
        if let Some(s) = q.speaker_span {
            assert!(
                body.is_char_boundary(s.start)
                    && body.is_char_boundary(s.end)
                    && s.end <= body.len()
            );
        }
    }
    coding.quotes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn brat_reader_never_panics(text in "(T[0-9]{1,2}|E[0-9]|Source|Content|Cue|Attribution|:T[0-9]|[0-9]{1,3}|;|\t| |\n|#|x){0,40}") {
        let _ = detente_code::quotes::brat::parse("a.ann", &text);
    }

    #[test]
    fn any_marks_and_paragraphs(body in "(Wan|he|said|told|called|Lopez|the|talks|,|\\.|:|\"|“|”|‘|’|'| |\n\n|―|\\(|\\)){0,80}") {
        check(&body);
    }
}

#[test]
fn ten_thousand_curly_marks_over_ten_thousand_paragraphs() {
    let body = "“Peace is near,” he said.\n\n“And".repeat(10_000);
    let quotes = check(&body);
    assert!(
        quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .count()
            >= 9_000
    );
}

#[test]
fn marks_never_closed_in_every_paragraph() {
    let body = "Lopez said: “we go on and on\n\n".repeat(5_000);
    check(&body);
}

#[test]
fn nested_and_mixed_marks() {
    let quotes = check(
        "“He told me ‘never again’ and \"meant it,\" she said,” Lopez recalled. ”Odd“ marks.",
    );
    assert!(
        quotes
            .iter()
            .any(|q| q.kind == QuoteKind::Direct && q.text.contains("never again"))
    );
}

#[test]
fn a_megabyte_quote_with_a_speaker() {
    let mut body = String::from("Maria Lopez said: “");
    while body.len() < 1_000_000 {
        body.push_str("the talks go on and on without an end in sight, ");
    }
    body.push_str("truly.” Then she left.");
    let quotes = check(&body);
    let long = quotes
        .iter()
        .find(|q| q.text.len() > 900_000)
        .expect("the long quote");
    assert_eq!(long.speaker.as_deref(), Some("Maria Lopez"));
}

#[test]
fn ten_thousand_pronoun_speakers_without_a_person() {
    let body = "“Yes,” he said. ".repeat(10_000);
    check(&body);
}
