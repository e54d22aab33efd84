//! PLOVER records against the field table of the PLOVER manual
//! (../shared/data/plover/PLOVER_MANUAL.tex, read in place), and CSV rows
//! read back by a strict RFC 4180 reader.

mod common;

use detente_export::{csv, plover};

/// `(field, required)` rows of the manual's "PLOVER JSON" table.
fn manual_fields() -> Option<Vec<(String, bool)>> {
    let tex = std::fs::read_to_string(common::shared("data/plover/PLOVER_MANUAL.tex")?)
        .expect("manual reads");
    let table = tex
        .split("\\caption{PLOVER JSON }")
        .nth(1)?
        .split("\\end{tabular}")
        .next()?
        .to_string();
    let rows = table.lines().filter_map(|l| {
        let cells: Vec<&str> = l
            .trim_end_matches("\\\\")
            .split('&')
            .map(str::trim)
            .collect();
        (cells.len() == 4 && cells[0] != "Name")
            .then(|| (cells[0].replace("\\_", "_"), cells[3] == "Y"))
    });
    Some(rows.collect())
}

#[test]
fn plover_records_have_the_manual_fields() {
    let Some(fields) = manual_fields() else {
        return;
    };
    assert!(fields.len() > 15, "the table is read: {fields:?}");
    let (a, _) = common::analysis();
    let r = plover::record(&a, &a.events[0], "detente-1").expect("a PLOVER event");
    for (name, required) in &fields {
        assert!(
            !required || r.get(name).is_some(),
            "required field {name} missing"
        );
    }
    let ours_only = ["cameo", "rule"];
    for key in r.as_object().unwrap().keys() {
        assert!(
            fields.iter().any(|(n, _)| n == key) || ours_only.contains(&key.as_str()),
            "field {key} is not in the manual"
        );
    }
    assert_eq!(r["event"][0], "CONSULT");
    assert_eq!(r["actor"][0]["code"], "USA");
    assert_eq!(r["actor"][0]["sector"], "GOV");
    assert_eq!(r["date"], "2016-03-24");
    let mut out = Vec::new();
    assert_eq!(plover::write_plover(&mut out, &a, "doc").unwrap(), 1);
    let line = String::from_utf8(out).unwrap();
    let back: serde_json::Value =
        serde_json::from_str(line.trim_end()).expect("one JSON object per line");
    assert_eq!(back["id"], "doc-1");
}

/// A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF rows.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![vec![String::new()]];
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        let row = rows.last_mut().unwrap();
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                row.last_mut().unwrap().push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => row.last_mut().unwrap().push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(String::new()),
            (false, '\r') => assert_eq!(chars.next(), Some('\n'), "CRLF"),
            (false, '\n') => panic!("bare LF ends a row"),
            (false, c) => row.last_mut().unwrap().push(c),
        }
        if !quoted && c == '\r' {
            rows.push(vec![String::new()]);
        }
    }
    rows.pop();
    rows
}

#[test]
fn csv_rows_read_back() {
    let (mut a, _) = common::analysis();
    a.events[0].evidence = "visited, \"officially\"\nagain".into();
    let mut out = Vec::new();
    csv::write_header(&mut out).unwrap();
    csv::write_events(&mut out, &a).unwrap();
    let rows = read_csv(&String::from_utf8(out).unwrap());
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0], csv::CSV_COLUMNS);
    assert_eq!(rows[1].len(), csv::CSV_COLUMNS.len());
    let evidence = csv::CSV_COLUMNS
        .iter()
        .position(|c| *c == "evidence")
        .unwrap();
    assert_eq!(rows[1][evidence], "visited, \"officially\"\nagain");
    assert_eq!(rows[1][0], "doc-1");
}
