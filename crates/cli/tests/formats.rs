//! The output formats and the input options of `detente code`.

mod common;

const TEXT: &str = "Russia condemned the United States for its sanctions. \
China accused Japan of provocation.";

#[test]
fn jsonl_has_the_contract_fields() {
    let o = common::detente(&["code", "--text", TEXT, "--date", "2016-03-25"], b"");
    assert!(o.status.success(), "{}", common::stderr(&o));
    let r = &common::records(&o)[0];
    for key in [
        "id",
        "path",
        "title",
        "publisher",
        "date",
        "byline",
        "dateline",
        "language",
        "body",
    ] {
        assert!(r.get(key).is_some(), "missing {key}");
    }
    assert_eq!(r["date"], "2016-03-25");
    assert!(!r["events"].as_array().unwrap().is_empty(), "{r}");
    let e = &r["events"][0];
    for key in [
        "source",
        "target",
        "code",
        "root",
        "name",
        "goldstein",
        "quad",
        "plover",
        "date",
        "sentence",
        "evidence",
        "rule",
    ] {
        assert!(e.get(key).is_some(), "event without {key}: {e}");
    }
    assert!(r["tone"].is_number());
}

#[test]
fn json_is_one_array_and_empty_input_an_empty_array() {
    let o = common::detente(&["code", "-f", "json", "--text", TEXT], b"");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    let o = common::detente(&["code", "-f", "json", "-"], b"");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v, serde_json::json!([]));
}

#[test]
fn tsv_has_a_header_and_one_row_per_event() {
    let o = common::detente(&["code", "-f", "tsv", "--text", TEXT], b"");
    let out = common::stdout(&o);
    let mut lines = out.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    assert_eq!(header[..3], ["document", "date", "source"]);
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.len() == header.len()));
}

#[test]
fn pretty_is_a_report() {
    let o = common::detente(&["code", "-f", "pretty", "--text", TEXT], b"");
    let out = common::stdout(&o);
    assert!(out.starts_with("== <text>"), "{out}");
    assert!(out.contains("Events") && out.contains("rule:"), "{out}");
}

#[test]
fn json_lines_input_keeps_ids_and_order() {
    let input = format!(
        "{{\"id\":\"first\",\"text\":\"{TEXT}\",\"date\":\"2015-01-02\"}}\n\
         {{\"id\":\"second\",\"html\":\"<html><body><p>{TEXT}</p></body></html>\"}}\n"
    );
    let o = common::detente(&["code", "-"], input.as_bytes());
    assert!(o.status.success(), "{}", common::stderr(&o));
    let r = common::records(&o);
    assert_eq!(r.len(), 2);
    assert_eq!(
        (r[0]["id"].as_str(), r[1]["id"].as_str()),
        (Some("first"), Some("second"))
    );
    assert_eq!(r[0]["date"], "2015-01-02");
}

#[test]
fn same_input_same_output_whatever_the_threads() {
    let seed = common::shared("corpus/seed");
    let Some(seed) = seed else { return };
    let dir = seed.to_str().unwrap();
    let one = common::detente(&["-j", "1", "code", dir, "--text", TEXT], b"");
    let two = common::detente(&["-j", "2", "code", dir, "--text", TEXT], b"");
    assert!(one.status.success());
    assert_eq!(one.stdout, two.stdout);
}
