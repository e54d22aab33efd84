//! The Phoenix dictionaries in ../shared (read in place) load with our
//! PETRARCH readers and code the seed article's people at its date.

use std::path::Path;

use detente_core::Date;
use detente_knowledge::Knowledge;

#[test]
fn phoenix_dictionaries_load_and_code_by_date() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/petrarch/dictionaries"
    );
    if !Path::new(dir).exists() {
        eprintln!("skipping: ../shared not found ({dir})");
        return;
    }
    let (kb, problems) =
        Knowledge::load_petrarch_dir(Path::new(dir)).unwrap_or_else(|e| panic!("{e}"));
    for p in &problems {
        eprintln!("skipped: {p}");
    }
    // Every skipped line names its file and line; there are only a few.
    assert!(problems.iter().all(|p| p.to_string().contains(".txt:")));
    assert!(problems.len() < 50, "{} problems", problems.len());
    assert!(
        kb.actors.people().len() > 1000,
        "{} people",
        kb.actors.people().len()
    );
    assert!(kb.actors.agents().len() > 500);
    let text = "Russian President Vladimir Putin met Barack Obama and Angela Merkel in Moscow.";
    let found = kb.actors.find(text, Date::from_ymd_opt(2016, 3, 25));
    let code = |name: &str| {
        found
            .iter()
            .find(|m| m.span.text(text) == name)
            .map(|m| m.code.to_string())
    };
    assert_eq!(code("Barack Obama").as_deref(), Some("USAGOV"));
    assert!(
        found
            .iter()
            .any(|m| m.code.as_str() == "RUSGOV" && m.span.text(text).contains("Putin")),
        "{found:?}"
    );
    assert_eq!(kb.actors.agent("the foreign ministry"), Some("GOV"));
}

#[test]
fn phoenix_discards_and_issues_read() {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/petrarch/dictionaries"
    ));
    if !dir.exists() {
        eprintln!("skipping: ../shared not found ({})", dir.display());
        return;
    }
    use detente_knowledge::lines::Source;
    use detente_knowledge::petrarch::{discards::Discards, issues::Issues};
    let read = |f: &str| {
        let b = std::fs::read(dir.join(f)).unwrap();
        String::from_utf8_lossy(&b).into_owned()
    };
    let mut problems = Vec::new();
    let text = read("Phoenix.discards.txt");
    let discards = Discards::parse(
        Source {
            name: "discards",
            text: &text,
        },
        &mut problems,
    );
    let text = read("Phoenix.IssueCoding.txt");
    let issues = Issues::parse(
        Source {
            name: "issues",
            text: &text,
        },
        &mut problems,
    );
    for p in &problems {
        eprintln!("skipped: {p}");
    }
    assert!(problems.len() < 20, "{} problems", problems.len());
    assert!(discards.len() > 300 && issues.len() > 1000);
    assert!(discards.find("The baseball season opened.").is_some());
    assert!(
        discards
            .find("Russia accused Ukraine of shelling.")
            .is_none()
    );
    let found = issues.find("Teachers and students protested outside the university.");
    assert!(!found.is_empty(), "{found:?}");
}
