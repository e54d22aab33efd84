//! Arbitrary input never panics the readers or the matcher.

use detente_knowledge::Knowledge;
use detente_knowledge::lines::{Source, records};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn records_never_panic(text in "\\PC*(\t\\PC*){0,4}(\n\\PC*(\t\\PC*){0,4}){0,5}") {
        for r in records(Source { name: "x", text: &text }) {
            prop_assert!(r.line >= 1);
        }
    }

    #[test]
    fn dir_with_arbitrary_files_errors_cleanly(text in "[A-Za-z0-9 |.\t#\n-]{0,200}") {
        let dir = std::env::temp_dir().join(format!("detente-kb-prop-{}", std::process::id()));
        let src = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data"));
        for f in detente_knowledge::FILES {
            let path = dir.join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::copy(src.join(f), &path).unwrap();
        }
        // Replace each file in turn by the arbitrary text: loading either
        // succeeds or names the file it failed on.
        for f in detente_knowledge::FILES {
            let orig = std::fs::read_to_string(src.join(f)).unwrap();
            std::fs::write(dir.join(f), &text).unwrap();
            if let Err(e) = Knowledge::load_dir(&dir) {
                // A broken file may surface as an error in a later file that
                // depends on it (unknown codes); either way a data file is named.
                let msg = e.to_string();
                prop_assert!(detente_knowledge::FILES.iter().any(|g| msg.contains(g)), "{msg}");
            }
            std::fs::write(dir.join(f), orig).unwrap();
        }
    }

    #[test]
    fn find_never_panics(text in "\\PC{0,300}") {
        let kb = Knowledge::embedded().unwrap();
        for m in kb.actors.find(&text, None) {
            prop_assert!(text.get(m.span.start..m.span.end).is_some());
        }
        let _ = kb.actors.agent(&text);
        let _ = kb.actors.person(&text, None);
    }
}
