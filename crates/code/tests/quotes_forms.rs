//! The forms of quotation issue 5 names, through the real analyze stage:
//! marks of both kinds, quotes over paragraphs, split quotes, fragments,
//! reported speech, and speakers resolved to their fullest name.

mod common;

use detente_core::{Quote, QuoteKind};

fn quotes(body: &str) -> Vec<Quote> {
    common::code(body, chrono::NaiveDate::from_ymd_opt(2016, 3, 25))
        .1
        .quotes
}

fn direct(qs: &[Quote]) -> Vec<(&str, Option<&str>)> {
    qs.iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| (q.text.as_str(), q.speaker.as_deref()))
        .collect()
}

#[test]
fn straight_and_curly_marks() {
    let qs = quotes("\"We will not give up,\" said Maria Lopez. “Talks must go on,” Lopez said.");
    assert_eq!(
        direct(&qs),
        [
            ("We will not give up,", Some("Maria Lopez")),
            ("Talks must go on,", Some("Maria Lopez"))
        ]
    );
}

#[test]
fn quote_over_several_paragraphs() {
    let body = "Maria Lopez, a senior negotiator, spoke after the meeting.\n\n\
                “The first round went well and both teams worked hard.\n\n\
                “The second round starts on Monday,” Lopez said.";
    let qs = quotes(body);
    let d = direct(&qs);
    assert_eq!(d.len(), 2, "{d:?}");
    assert!(d.iter().all(|(_, s)| *s == Some("Maria Lopez")), "{d:?}");
    let q = qs.iter().find(|q| q.kind == QuoteKind::Direct).unwrap();
    let description = q.speaker_description.as_deref().unwrap_or_default();
    assert!(
        description.ends_with("senior negotiator"),
        "{description:?}"
    );
}

#[test]
fn split_quote_and_pronoun() {
    let body =
        "Ahmed Karimi arrived on Tuesday.\n\n“We want peace,” he said, “and we will work for it.”";
    let qs = quotes(body);
    let d = direct(&qs);
    assert_eq!(
        d,
        [
            ("We want peace,", Some("Ahmed Karimi")),
            ("and we will work for it.", Some("Ahmed Karimi"))
        ]
    );
}

#[test]
fn fragments_with_a_speaker_and_scare_quotes_without() {
    let body = "Ahmed Karimi called the talks a “tough spot” for both sides.\n\nThe so-called “experts” stayed home.";
    let qs = quotes(body);
    let d = direct(&qs);
    assert_eq!(d, [("tough spot", Some("Ahmed Karimi"))]);
}

#[test]
fn dash_and_inverted_attributions() {
    let body = "“No sympathy, no plan, no idea what to do next.” ― Oscar P. Quintero\n\n\
                “There won't be a path for them,” said one of those advisers, who asked not to be named.";
    let qs = quotes(body);
    let d = direct(&qs);
    assert_eq!(d.len(), 2, "{d:?}");
    assert!(d[0].1.is_some_and(|s| s.contains("Quintero")), "{d:?}");
    assert!(d[1].1.is_some_and(|s| s.contains("advisers")), "{d:?}");
    assert!(qs.iter().all(|q| q.speaker_span.is_some()));
}

#[test]
fn reported_speech_forms() {
    let body = "Maria Lopez said that the talks would resume in May. \
                According to the ministry, the border will stay open. \
                Lopez told reporters the deal was close.";
    let qs = quotes(body);
    let indirect: Vec<(&str, Option<&str>)> = qs
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| (q.text.as_str(), q.speaker.as_deref()))
        .collect();
    for (part, speaker) in [
        ("the talks would resume in May", "Maria Lopez"),
        ("the border will stay open", "ministry"),
        ("the deal was close", "Maria Lopez"),
    ] {
        assert!(
            indirect
                .iter()
                .any(|(t, s)| t.contains(part) && s.is_some_and(|s| s.contains(speaker))),
            "{part:?} by {speaker} in {indirect:?}"
        );
    }
}

#[test]
fn unbalanced_mark_and_plural_possessive_do_not_derail() {
    let body = "The firms' profits fell, and one \"stray mark stayed open.\n\n\
                “Prices will rise,” said Maria Lopez.\n\n\"Wages will not,\" Lopez added.";
    let qs = quotes(body);
    let d = direct(&qs);
    assert_eq!(
        d,
        [
            ("Prices will rise,", Some("Maria Lopez")),
            ("Wages will not,", Some("Maria Lopez"))
        ]
    );
}
