//! Fuzzing the PETRARCH dictionary readers (actors, agents, discards, issues):
//! arbitrary text, and text built from the formats' own symbols, never
//! panics, and every problem names its file and a line that exists.

use detente_knowledge::lines::Source;
use detente_knowledge::petrarch::{
    actors, agents, discards::Discards, issues::Issues, parse_actors,
};
use proptest::prelude::*;

/// Lines made of the symbols the PETRARCH formats give meaning to.
fn petrarch_like() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        "[A-Z_]{1,12}( \\[[A-Z~-]{0,9}( [<>]?[0-9]{0,8}(-[0-9]{0,8})?)?\\])?",
        "\\+[A-Z_ ]{0,10}",
        "[ \t]+\\[[A-Z]{0,6} [0-9-]{0,14}\\]",
        "![A-Z]{0,5}! = [A-Z, ]{0,20}",
        "[A-Z_!]{0,12} \\{[A-Z_ ]{0,12}\\}? \\[~?[A-Z]{0,6}\\]?",
        "<!-- [a-z ]{0,10} -->",
        "~?([nv]:)?[a-z+]{0,8}( [a-z:+]{0,8})? (\\[[A-Z_]{0,8}\\]?)?",
        "\\PC{0,30}",
    ];
    proptest::collection::vec(line, 0..12).prop_map(|ls| ls.join("\n"))
}

fn lines_of(text: &str) -> usize {
    text.lines().count().max(1)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn actor_and_agent_readers_never_panic(text in petrarch_like()) {
        let src = Source { name: "fuzz.txt", text: &text };
        let mut problems = Vec::new();
        let _ = actors::parse_lenient(src, &mut problems);
        let _ = agents::parse_lenient(src, &mut problems);
        let _ = Discards::parse(src, &mut problems);
        let issues = Issues::parse(src, &mut problems);
        let _ = issues.find(&text);
        for p in &problems {
            let msg = p.to_string();
            prop_assert!(msg.starts_with("fuzz.txt:"), "{msg}");
            let line: usize = msg.split(':').nth(1).unwrap().parse().unwrap();
            prop_assert!(line >= 1 && line <= lines_of(&text), "{msg}");
        }
        let (kb, _) = parse_actors(&[src], src).unwrap();
        let _ = kb.find(&text, None);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let src = Source { name: "x", text: &text };
        let mut problems = Vec::new();
        let _ = actors::parse_lenient(src, &mut problems);
        let _ = agents::parse_lenient(src, &mut problems);
        let d = Discards::parse(src, &mut problems);
        let _ = d.find(&text);
        let _ = Issues::parse(src, &mut problems).find(&text);
    }
}
