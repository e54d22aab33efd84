//! The community's PETRARCH dictionaries and validation records, through the
//! command line (../shared/data/petrarch, read in place).

mod common;

#[test]
fn codes_with_the_phoenix_dictionaries() {
    let Some(dir) = common::shared("data/petrarch/dictionaries") else {
        return;
    };
    let spec = format!("--dictionaries=petrarch:{}", dir.display());
    let o = common::detente(
        &[
            "code",
            &spec,
            "--text",
            "China accused Japan of provocation.",
        ],
        b"",
    );
    assert!(o.status.success(), "{}", common::stderr(&o));
    let event = &common::records(&o)[0]["events"][0];
    assert_eq!(event["source"]["actor"], "CHN", "{event}");
    assert_eq!(event["target"]["actor"], "JPN", "{event}");
    assert_eq!(event["root"], "11", "{event}");
    assert!(
        event["rule"]
            .as_str()
            .unwrap()
            .starts_with("CAMEO.2.0.txt:"),
        "{event}"
    );
}

#[test]
fn a_missing_dictionary_folder_is_a_clear_error() {
    let o = common::detente(
        &["code", "--dictionaries", "petrarch:/nowhere", "--text", "x"],
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        common::stderr(&o).contains("/nowhere"),
        "{}",
        common::stderr(&o)
    );
}

#[test]
fn validate_reports_found_and_extra_per_category() {
    let Some(xml) = common::shared("data/petrarch/validation/PETR_Validate_records_2_02.xml")
    else {
        return;
    };
    let o = common::detente(&["validate", xml.to_str().unwrap()], b"");
    assert!(o.status.success(), "{}", common::stderr(&o));
    let out = common::stdout(&o);
    let total = out
        .lines()
        .find(|l| l.starts_with("TOTAL"))
        .expect("a TOTAL row");
    let found: f64 = total
        .split_whitespace()
        .nth(4)
        .unwrap()
        .trim_end_matches('%')
        .parse()
        .unwrap();
    assert!(found >= 80.0, "{total}");
}
