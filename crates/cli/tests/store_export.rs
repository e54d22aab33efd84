//! `detente ingest`, `query`, `stats` and `export` end to end; the GDELT
//! exports are read back with GDELT's own column layouts from ../shared
//! (column count and type of every field).

mod common;

use std::collections::HashMap;

use common::{detente, shared, stderr, stdout};

const STORY: &str = "Russia condemned the United States over the new sanctions on Crimea.\\n\\n\
Foreign Minister Sergei Lavrov said Moscow was ready to restore ties with the West, but that the \
sanctions over Crimea stood in the way of any improvement in relations with Washington. He added \
that the talks in Geneva had been useful and constructive for both sides.\\n\\n\
Russia condemned the United States again later in the day.";

fn corpus() -> String {
    [
        format!(r#"{{"id":"a","url":"https://news.example.org/a","date":"2016-03-25","text":"{STORY}"}}"#),
        format!(r#"{{"id":"b","url":"https://wire.example.com/b","date":"2016-03-25","text":"MOSCOW (Xinhua) -- {STORY}"}}"#),
        r#"{"id":"c","url":"https://news.example.org/c","date":"2016-05-02","text":"The United States praised Russia for its help with the Syrian ceasefire talks."}"#.to_string(),
    ]
    .join("\n")
}

/// (name, type) of each column of a GDELT layout file.
fn layout(file: &str) -> Option<Vec<(String, String)>> {
    let text = std::fs::read_to_string(shared(&format!("data/gdelt/{file}"))?).unwrap();
    let rows = if file.ends_with(".csv") {
        csv_records(&text)
            .into_iter()
            .map(|r| (r[0].clone(), r[1].clone()))
            .collect::<Vec<_>>()
    } else {
        text.lines()
            .map(|l| l.split('\t').collect::<Vec<_>>())
            .filter(|f| f.len() > 2)
            .map(|f| (f[1].to_string(), f[2].to_string()))
            .collect()
    };
    Some(
        rows.into_iter()
            .filter(|(_, t)| ["INTEGER", "FLOAT", "STRING"].contains(&t.as_str()))
            .collect(),
    )
}

/// Records of a CSV text with quoted fields that may span lines.
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let (mut records, mut record, mut field, mut quoted) =
        (Vec::new(), Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => record.push(std::mem::take(&mut field)),
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            ('\r', false) => {}
            (c, _) => field.push(c),
        }
    }
    records
}

/// Every row has the layout's column count and every number column parses.
fn check(rows: &str, layout: &[(String, String)], what: &str) {
    assert!(!rows.is_empty(), "{what}: no rows");
    for (n, row) in rows.lines().enumerate() {
        let fields: Vec<&str> = row.split('\t').collect();
        assert_eq!(fields.len(), layout.len(), "{what} row {n}: {row}");
        for ((name, kind), value) in layout.iter().zip(&fields) {
            let ok = value.is_empty()
                || match kind.as_str() {
                    "INTEGER" => value.parse::<i64>().is_ok(),
                    "FLOAT" => value.parse::<f64>().is_ok(),
                    _ => true,
                };
            assert!(ok, "{what} row {n}: {name} ({kind}) is {value:?}");
        }
    }
}

fn export(db: &str, format: &str) -> String {
    let out = detente(&["export", "--db", db, "--format", format], b"");
    assert!(out.status.success(), "{format}: {}", stderr(&out));
    stdout(&out)
}

#[test]
fn gdelt_exports_follow_gdelt_layouts() {
    let (Some(events), Some(mentions), Some(gkg)) = (
        layout("GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"),
        layout("GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv"),
        layout("GDELT_2.0_gdeltKnowledgeGraph_Column_Labels_Header_Row_Sep2016.tsv"),
    ) else {
        return;
    };
    assert_eq!(
        (events.len(), mentions.len(), gkg.len()),
        (61, 16, 27),
        "layouts read"
    );
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("news.jsonl");
    std::fs::write(&input, corpus()).unwrap();
    let db = dir.path().join("d.db").display().to_string();
    let out = detente(&["ingest", input.to_str().unwrap(), "--db", &db], b"");
    assert!(out.status.success(), "{}", stderr(&out));

    let event_rows = export(&db, "gdelt-events");
    check(&event_rows, &events, "events");
    let mention_rows = export(&db, "gdelt-mentions");
    check(&mention_rows, &mentions, "mentions");
    check(&export(&db, "gdelt-gkg"), &gkg, "gkg");

    // NumMentions of each event is the number of its mention rows, and
    // every mention points at an exported event.
    let col = |name: &str| events.iter().position(|(n, _)| n == name).unwrap();
    let mut per_event: HashMap<String, usize> = HashMap::new();
    for row in mention_rows.lines() {
        *per_event
            .entry(row.split('\t').next().unwrap().to_string())
            .or_default() += 1;
    }
    let mut merged = 0;
    for row in event_rows.lines() {
        let f: Vec<&str> = row.split('\t').collect();
        let mentions: usize = f[col("NumMentions")].parse().unwrap();
        assert_eq!(per_event.remove(f[0]), Some(mentions), "event {}", f[0]);
        merged += usize::from(f[col("NumArticles")] == "2" && f[col("NumSources")] == "2");
    }
    assert!(
        per_event.is_empty(),
        "mentions of unknown events: {per_event:?}"
    );
    assert!(
        merged >= 1,
        "the wire copy's events merge with the original's"
    );
}

#[test]
fn queries_print_tables_csv_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("news.jsonl");
    std::fs::write(&input, corpus()).unwrap();
    let db = dir.path().join("d.db").display().to_string();
    assert!(
        detente(&["ingest", input.to_str().unwrap(), "--db", &db], b"")
            .status
            .success()
    );

    let out = detente(
        &[
            "query",
            "relations",
            "RUS",
            "USA",
            "--from",
            "2016-01-01",
            "--by",
            "month",
            "--db",
            &db,
            "--format",
            "csv",
        ],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = stdout(&out);
    let header = csv.lines().next().unwrap();
    assert!(
        header.starts_with("period,direction,events,mentions,verbal_cooperation"),
        "{header}"
    );
    assert!(
        csv.lines().any(|l| l.starts_with("2016-03,RUS->USA,")),
        "{csv}"
    );

    let out = detente(
        &[
            "query",
            "events",
            "--actor",
            "RUS",
            "--code",
            "1*",
            "--since",
            "2016-01-01",
            "--db",
            &db,
            "--format",
            "json",
        ],
        b"",
    );
    let events: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(events.as_array().is_some_and(|e| !e.is_empty()), "{events}");

    let out = detente(&["query", "search", "sanctions Crimea", "--db", &db], b"");
    assert!(
        stdout(&out).lines().count() == 3,
        "a header and two hits:\n{}",
        stdout(&out)
    );

    let out = detente(&["query", "events", "--code", "1x", "--db", &db], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("bad CAMEO code pattern"),
        "{}",
        stderr(&out)
    );

    let out = detente(&["stats", "--db", &db], b"");
    assert!(
        stdout(&out).contains("documents") && stdout(&out).contains("stories"),
        "{}",
        stdout(&out)
    );
}
