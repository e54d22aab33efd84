//! Our GDELT rows read with GDELT's own layouts (../shared/data/gdelt, read
//! in place): the column lists with their data types, and the real sample
//! rows, which the same checks must accept too — so the checks are checked.

mod common;

use std::collections::HashMap;

use detente_export::gdelt::{self, EVENT_COLUMNS, GKG_COLUMNS, MENTION_COLUMNS};

/// `(name, type)` per column of a GDELT layout file.
fn layout(rel: &str) -> Option<Vec<(String, String)>> {
    let text = std::fs::read_to_string(common::shared(rel)?).expect("layout reads");
    let rows = text.lines().skip(1).filter_map(|l| {
        let f: Vec<&str> = if rel.ends_with(".csv") {
            l.split(',').collect()
        } else {
            l.split('\t').skip(1).collect()
        };
        let (name, kind) = (f.first()?.trim(), f.get(1)?.trim());
        (!kind.is_empty()).then(|| (name.to_string(), kind.to_string()))
    });
    Some(rows.collect())
}

/// The sample rows of a GDELT sample file, as maps from lowercase column name to value.
fn samples(rel: &str) -> Vec<HashMap<String, String>> {
    let Some(p) = common::shared(rel) else {
        return Vec::new();
    };
    let text = String::from_utf8_lossy(&std::fs::read(p).expect("sample reads")).into_owned();
    let mut lines = text.lines();
    let header: Vec<String> = lines
        .next()
        .unwrap_or("")
        .split('\t')
        .map(str::to_lowercase)
        .collect();
    lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            header
                .iter()
                .cloned()
                .zip(l.split('\t').map(str::to_string))
                .collect()
        })
        .collect()
}

/// Whether a value fits GDELT's data type.
fn fits(kind: &str, value: &str) -> bool {
    value.is_empty()
        || match kind {
            "INTEGER" => value.parse::<i64>().is_ok(),
            "FLOAT" => value.parse::<f64>().is_ok(),
            _ => !value.contains(['\t', '\n']),
        }
}

/// Checks a row against a layout: the column count, names and types.
fn check(layout: &[(String, String)], names: &[&str], row: &[String]) {
    assert_eq!(row.len(), layout.len(), "column count");
    for (((name, kind), ours), value) in layout.iter().zip(names).zip(row) {
        assert_eq!(name, ours, "column name");
        assert!(fits(kind, value), "{name} ({kind}) = {value:?}");
    }
}

fn check_samples(layout: &[(String, String)], rel: &str) {
    let rows = samples(rel);
    for row in &rows {
        for (name, kind) in layout {
            let value = row
                .get(&name.to_lowercase())
                .unwrap_or_else(|| panic!("sample has {name}"));
            assert!(fits(kind, value), "sample {name} ({kind}) = {value:?}");
        }
    }
}

#[test]
fn event_rows_follow_the_events_layout() {
    let Some(layout) = layout("data/gdelt/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv")
    else {
        return;
    };
    check_samples(&layout, "data/gdelt/samples/events2samp.tsv");
    let (a, _) = common::analysis();
    let ctx = common::context();
    let row = gdelt::event_row(&a, &a.events[0], 1000, &ctx, gdelt::Tally::default());
    check(&layout, &EVENT_COLUMNS, &row);
    let get = |name: &str| row[EVENT_COLUMNS.iter().position(|c| *c == name).unwrap()].as_str();
    assert_eq!(
        (get("SQLDATE"), get("MonthYear"), get("Year")),
        ("20160324", "201603", "2016")
    );
    assert_eq!(
        (
            get("Actor1Code"),
            get("Actor1CountryCode"),
            get("Actor1Type1Code")
        ),
        ("USAGOV", "USA", "GOV")
    );
    assert_eq!(
        (
            get("EventCode"),
            get("EventBaseCode"),
            get("EventRootCode"),
            get("QuadClass")
        ),
        ("042", "042", "04", "1")
    );
    assert_eq!(
        (get("IsRootEvent"), get("ActionGeo_FullName")),
        ("1", "Moscow")
    );
    assert_eq!(
        (get("DATEADDED"), get("SOURCEURL")),
        ("20160325121500", "http://example.invalid/kerry")
    );
    let mut out = Vec::new();
    assert_eq!(gdelt::write_events(&mut out, &a, &ctx).unwrap(), 1);
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.lines().count(), 1);
    assert_eq!(text.trim_end_matches('\n').split('\t').count(), 61);
}

#[test]
fn mention_rows_follow_the_mentions_layout() {
    let Some(layout) =
        layout("data/gdelt/GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv")
    else {
        return;
    };
    check_samples(&layout, "data/gdelt/samples/mentionssamp.tsv");
    let (a, _) = common::analysis();
    let row = gdelt::mention_row(&a, &a.events[0], 1000, &common::context());
    check(&layout, &MENTION_COLUMNS, &row);
    let body = &a.article.body;
    let action: usize = row[9].parse().unwrap();
    assert_eq!(
        body.chars().skip(action).take(7).collect::<String>(),
        "visited"
    );
    assert_eq!(row[12], body.chars().count().to_string());
}

#[test]
fn gkg_rows_follow_the_gkg_layout() {
    let Some(layout) =
        layout("data/gdelt/GDELT_2.0_gdeltKnowledgeGraph_Column_Labels_Header_Row_Sep2016.tsv")
    else {
        return;
    };
    let (a, graph) = common::analysis();
    let row = gdelt::gkg_row(&a, &graph, &common::context());
    let names: Vec<String> = layout.iter().map(|(n, _)| n.to_lowercase()).collect();
    assert_eq!(names, GKG_COLUMNS.map(str::to_lowercase), "column names");
    assert_eq!(row.len(), 27);
    let ours: HashMap<String, String> = names.iter().cloned().zip(row.iter().cloned()).collect();
    assert_eq!(ours["gkgrecordid"], "20160325121500-7");
    assert!(ours["v2themes"].contains("DIPLOMACY,"));
    assert!(ours["v2persons"].starts_with("John Kerry,"));
    assert!(
        ours["quotations"].contains("|said|Both sides want peace, and talks, too"),
        "{}",
        ours["quotations"]
    );
    assert!(
        ours["extras"].contains("Kerry in Moscow  talks  1"),
        "delimiters cleaned: {}",
        ours["extras"]
    );
    // The list fields have the shape of GDELT's own: the same numbers of parts per item.
    let mut rows = samples("data/gdelt/samples/gkg2samp.tsv");
    rows.push(ours);
    for (field, sep, parts) in [
        ("counts", '#', 10),
        ("v2counts", '#', 11),
        ("locations", '#', 7),
        ("v2locations", '#', 9),
        ("v2persons", ',', 2),
        ("v2themes", ',', 2),
        ("dates", '#', 5),
        ("amounts", ',', 3),
    ] {
        let mut seen = 0;
        for row in &rows {
            for item in row[field].split(';').filter(|i| !i.is_empty()) {
                assert_eq!(item.split(sep).count(), parts, "{field}: {item:?}");
                seen += 1;
            }
        }
        assert!(seen > 0, "{field} has items");
    }
    for row in &rows {
        assert_eq!(row["v2tone"].split(',').count(), 7, "v2tone");
        for q in row["quotations"].split('#').filter(|q| !q.is_empty()) {
            assert_eq!(q.split('|').count(), 4, "quotation {q:?}");
        }
    }
}
