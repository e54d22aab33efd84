//! Bad input: the coder and the data-file readers never panic, and quote
//! finding stays linear on pathological quotation marks.

mod common;

use detente_code::{Lexicon, Patterns};
use proptest::prelude::*;

fn check_spans(body: &str) {
    let (_, coding) = common::code(body, None);
    for q in &coding.quotes {
        assert!(
            q.span.end <= body.len()
                && body.is_char_boundary(q.span.start)
                && body.is_char_boundary(q.span.end)
        );
        assert_eq!(q.text, &body[q.span.start..q.span.end]);
    }
    for e in &coding.events {
        assert_eq!(
            e.evidence,
            &body[e.evidence_span.start..e.evidence_span.end]
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_text_codes_without_panic(body in "([A-Za-z]{1,8}|Russia|said|\"|“|”|'|,|\\.| |\n\n|visited|Moscow|he){0,60}") {
        check_spans(&body);
    }

    #[test]
    fn pattern_reader_never_panics(text in "([0-9]{1,4}|[A-Z_]{1,6}|[a-z/|]{1,8}|\\$T|\\$S|\\.\\.\\.|\t| |\n|#|weak|mutual){0,40}") {
        let _ = Patterns::parse("v.txt", &text, "i.txt", "");
        let _ = Patterns::parse("v.txt", "042\tVISIT\tvisit $T\n", "i.txt", &text);
    }

    #[test]
    fn lexicon_reader_never_panics(text in "([a-z]{1,6}|-?[0-9]{1,2}(\\.[0-9])?|\t|\n|#|NaN|inf){0,30}") {
        let _ = Lexicon::parse("t.tsv", &text);
    }
}

#[test]
fn ten_thousand_quotation_marks() {
    let body = "He said \"yes\" and \"no. ".repeat(2_500);
    check_spans(&body);
}

#[test]
fn one_megabyte_quote_without_closing_mark() {
    let mut body = String::from("Wan said: \"");
    while body.len() < 1_000_000 {
        body.push_str("Russia and the EU want peace and talks with each other ");
    }
    check_spans(&body);
    body.push('"');
    let (_, coding) = common::code(&body, None);
    assert!(
        coding.quotes.iter().any(|q| q.text.len() > 900_000),
        "the long quote is found once closed"
    );
}
