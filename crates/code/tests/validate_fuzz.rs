//! Fuzzing the PETRARCH verb dictionary reader and the validation-record
//! reader: no input panics; problems name the file and an existing line.

use detente_code::patterns::petrarch::{VerbDictionary, compile::compile};
use detente_code::validate::records;
use proptest::prelude::*;

/// Lines made of the verb dictionary's own symbols.
fn verbs_like() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        "&[A-Z_]{0,8}",
        "\\+[A-Z_&()]{0,12}",
        "--- ?[A-Z_ ]{0,8} *\\[[0-9:A-Z-]{0,7}\\]? *---",
        "\\+?[A-Z_+]{1,10} ?(\\{[A-Z_+ ]{0,16}\\}?)? ?(\\[[0-9:-]{0,6}\\]?)?",
        "- [A-Z*$+^%&(){} ]{0,30} \\[[0-9:-]{0,8}\\]?",
        "~ [a-z ()]{0,20}",
        "\\PC{0,30}",
    ];
    proptest::collection::vec(line, 0..16).prop_map(|ls| ls.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn verb_reader_and_compiler_never_panic(text in verbs_like()) {
        let (d, mut problems) = VerbDictionary::parse("v.txt", &text);
        let (p, _, more) = compile(&d, |_| true);
        problems.extend(more);
        for e in &problems {
            let msg = e.to_string();
            prop_assert!(msg.starts_with("v.txt:"), "{msg}");
            let line: usize = msg.split(':').nth(1).unwrap().parse().unwrap();
            prop_assert!(line >= 1 && line <= text.lines().count(), "{msg}");
        }
        for pat in p.patterns() {
            prop_assert!(!pat.anchor.is_empty());
        }
    }

    #[test]
    fn verb_reader_takes_any_text(text in "\\PC{0,400}") {
        let (d, _) = VerbDictionary::parse("v.txt", &text);
        let _ = compile(&d, |_| true);
    }

    #[test]
    fn record_reader_never_panics(
        parts in proptest::collection::vec(prop_oneof![
            Just("<Sentence ".to_string()),
            Just("</Sentence>".to_string()),
            Just("<Text>".to_string()),
            Just("</Text>".to_string()),
            Just("<!--".to_string()),
            Just("-->".to_string()),
            "id=\"[a-z0-9]{0,4}\"",
            "date=\"[0-9]{0,9}\"",
            "<EventCoding( [a-z]{1,10}=\"[A-Z0-9]{0,4}\"){0,3} ?/?>",
            "\\PC{0,20}",
        ], 0..24)
    ) {
        let xml = parts.concat();
        if let Err(e) = records::read("r.xml", &xml) {
            prop_assert!(e.to_string().starts_with("r.xml:"));
        }
    }
}
