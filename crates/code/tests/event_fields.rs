//! The fields an event carries besides its code, with the real analyze
//! stage: the date of the sentence's time expression (else the article's),
//! the place stated, the speaker of reported speech, the modality.

mod common;

use detente_core::{Date, Modality};

fn date(s: &str) -> Option<Date> {
    s.parse().ok()
}

#[test]
fn date_from_the_sentence_else_the_article() {
    let (_, c) = common::code(
        "On March 3, 2016, Russia attacked Ukraine. Turkey criticized Greece.",
        date("2016-03-25"),
    );
    let attack = c.events.iter().find(|e| e.code.as_str() == "190").unwrap();
    assert_eq!(attack.date, date("2016-03-03"), "{:?}", c.events);
    let criticism = c.events.iter().find(|e| e.code.as_str() == "111").unwrap();
    assert_eq!(criticism.date, date("2016-03-25"));
}

#[test]
fn location_claim_and_modality() {
    let (_, c) = common::code(
        "Ukraine said Russian troops attacked Georgian soldiers in Abkhazia. Turkey may attack Syria.",
        date("2016-03-25"),
    );
    let attack = c
        .events
        .iter()
        .find(|e| e.source.actor.is_some_and(|a| a.head() == "RUS"))
        .unwrap();
    assert_eq!(attack.location.as_deref(), Some("Abkhazia"), "{attack:?}");
    assert_eq!(attack.claimed_by.as_ref().unwrap().text, "Ukraine");
    assert_eq!(attack.modality, Modality::Asserted);
    let possible = c
        .events
        .iter()
        .find(|e| e.source.actor.is_some_and(|a| a.head() == "TUR"))
        .unwrap();
    assert_eq!(possible.modality, Modality::Possible);
}

#[test]
fn negated_acts_are_not_coded() {
    let (_, c) = common::code(
        "Russia did not attack Ukraine. France never visited Mali.",
        None,
    );
    assert!(c.events.is_empty(), "{:?}", c.events);
}
