//! Bad input never panics, and every span stays on character boundaries
//! inside the body, through the rules alone and through the default
//! (trained) analyzer. (Linear time is argued in the module docs and
//! measured by the bench example, not timed here.)

use std::sync::LazyLock;

use detente_analyze::{RuleAnalyzer, StandardAnalyzer};
use detente_core::{Span, TextAnalysis};
use proptest::prelude::*;

fn check(body: &str, ta: &TextAnalysis) {
    let ok = |s: Span| {
        s.start <= s.end
            && s.end <= body.len()
            && body.is_char_boundary(s.start)
            && body.is_char_boundary(s.end)
    };
    let mut last = 0;
    for t in &ta.tokens {
        assert!(
            ok(t.span) && !t.span.is_empty() && t.span.start >= last,
            "token {:?}",
            t.span
        );
        last = t.span.end;
    }
    let mut next = 0;
    for s in &ta.sentences {
        assert!(ok(s.span), "sentence {:?}", s.span);
        assert_eq!(s.tokens.0, next, "sentences cover the tokens in order");
        assert!(s.tokens.0 < s.tokens.1 && s.tokens.1 <= ta.tokens.len());
        next = s.tokens.1;
    }
    assert_eq!(next, ta.tokens.len());
    for e in &ta.entities {
        assert!(ok(e.span) && e.span.text(body) == e.text, "entity {e:?}");
    }
    for t in &ta.times {
        assert!(ok(t.span) && t.span.text(body) == t.text, "time {t:?}");
    }
    for s in &ta.sentences {
        let tokens = ta.sentence_tokens(s);
        for t in tokens {
            assert!(
                t.head.is_none_or(|h| (h as usize) < tokens.len()),
                "head {t:?}"
            );
        }
    }
}

/// The trained analyzer, loaded once for all cases.
static TRAINED: LazyLock<StandardAnalyzer> =
    LazyLock::new(|| StandardAnalyzer::new().expect("embedded models load"));

fn run(body: &str) -> TextAnalysis {
    let date = chrono::NaiveDate::from_ymd_opt(2016, 3, 25);
    let rules = RuleAnalyzer::new().analyze_text(body, date);
    check(body, &rules);
    let trained = TRAINED.analyze_text(body, date);
    check(body, &trained);
    assert_eq!(rules.tokens.len(), trained.tokens.len());
    trained
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text(body in any::<String>()) {
        run(&body);
    }

    #[test]
    fn news_like_text(body in r#"([A-Z][a-z]{0,8}|[a-z]{1,8}|U\.S\.|S\.|Gen\.|[0-9]{1,4}|[.,;:!?"'’“”()\-]|'s|n't|\n|\n\n| |President|Minister|of|March|last|week|\(|\)|—|😀|שלום|\u{0}|\u{7}){0,80}"#) {
        run(&body);
    }
}

#[test]
fn a_sentence_of_ten_thousand_tokens() {
    let body = "Deputy Foreign Minister Kerry said that the talks ".repeat(1250);
    let ta = run(&body);
    assert_eq!(ta.tokens.len(), 10_000);
    assert_eq!(ta.sentences.len(), 1);
}

#[test]
fn hostile_shapes() {
    for body in [
        "no punctuation at all just words going on and on ".repeat(500),
        "ALL CAPITALS AND NO END IN SIGHT FOR RUSSIA AND THE U.S. ".repeat(300),
        "😀🇺🇸👍🏽 ".repeat(1000),
        "مرحبا بالعالم שלום עולם ".repeat(500),
        "\u{0}\u{1}\u{7}\u{1b}[31m\u{0}".repeat(1000),
        "Mr. (AB) X (AB) ".repeat(1000),
        "a".repeat(100_000),
        "A.".repeat(20_000),
        "-".repeat(50_000),
        "'".repeat(10_000),
        "\n".repeat(10_000) + "x",
    ] {
        run(&body);
    }
}
