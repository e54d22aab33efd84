//! Query results as a terminal table, CSV or JSON.
//!
//! Every result row type serialises with serde and names its columns in
//! order ([`Columns`]); table and CSV take those fields from the serialised
//! row, JSON is serde's own output, so the three formats always agree.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Table,
    Csv,
    Json,
}

impl std::str::FromStr for OutputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "table" => Ok(OutputFormat::Table),
            "csv" => Ok(OutputFormat::Csv),
            "json" => Ok(OutputFormat::Json),
            other => Err(format!(
                "unknown format {other:?}: expected table, csv or json"
            )),
        }
    }
}

/// A result row: its serialised field names, in the order to print them.
pub trait Columns: Serialize {
    const COLUMNS: &'static [&'static str];
}

/// Longest cell shown in a table; longer ones are cut with `...`.
const MAX_CELL: usize = 60;

/// Writes `rows` to `out` in `format`.
pub fn write_rows<T: Columns>(
    out: &mut impl Write,
    format: OutputFormat,
    rows: &[T],
) -> io::Result<()> {
    if format == OutputFormat::Json {
        serde_json::to_writer_pretty(&mut *out, rows)?;
        return writeln!(out);
    }
    if rows.is_empty() && format == OutputFormat::Table {
        return writeln!(out, "(no results)");
    }
    let objects: Vec<Vec<String>> = rows.iter().map(fields).collect();
    let headers = T::COLUMNS;
    match format {
        OutputFormat::Csv => {
            writeln!(
                out,
                "{}",
                headers
                    .iter()
                    .map(|h| csv_field(h))
                    .collect::<Vec<_>>()
                    .join(",")
            )?;
            for row in &objects {
                writeln!(
                    out,
                    "{}",
                    row.iter()
                        .map(|v| csv_field(v))
                        .collect::<Vec<_>>()
                        .join(",")
                )?;
            }
        }
        _ => table(out, headers, &objects)?,
    }
    Ok(())
}

fn table(out: &mut impl Write, headers: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|v| cut(v)).collect())
        .collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    writeln!(out, "{}", line(headers.to_vec()))?;
    for row in &cells {
        writeln!(out, "{}", line(row.iter().map(String::as_str).collect()))?;
    }
    Ok(())
}

/// A row's fields in column order, each as text (`null` as empty).
fn fields<T: Columns>(row: &T) -> Vec<String> {
    let value = serde_json::to_value(row).unwrap_or(Value::Null);
    T::COLUMNS
        .iter()
        .map(|c| value.get(c).map(text).unwrap_or_default())
        .collect()
}

fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(text).collect::<Vec<_>>().join(" "),
        other => other.to_string(),
    }
}

fn cut(s: &str) -> String {
    let one_line: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if one_line.chars().count() <= MAX_CELL {
        return one_line;
    }
    one_line.chars().take(MAX_CELL - 3).collect::<String>() + "..."
}

/// RFC 4180: quoted where it holds a comma, quote or line break.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Row {
        period: &'static str,
        events: u32,
        note: Option<&'static str>,
    }

    impl Columns for Row {
        const COLUMNS: &'static [&'static str] = &["period", "events", "note"];
    }

    fn render(format: OutputFormat) -> String {
        let rows = [
            Row {
                period: "2016-03",
                events: 12,
                note: Some("a, \"b\""),
            },
            Row {
                period: "2016-04",
                events: 3,
                note: None,
            },
        ];
        let mut out = Vec::new();
        write_rows(&mut out, format, &rows).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn three_formats_same_rows() {
        assert_eq!(
            render(OutputFormat::Csv),
            "period,events,note\n2016-03,12,\"a, \"\"b\"\"\"\n2016-04,3,\n"
        );
        let table = render(OutputFormat::Table);
        assert_eq!(table.lines().next().unwrap(), "period   events  note");
        assert!(table.lines().nth(2).unwrap().starts_with("2016-04  3"));
        let json: Value = serde_json::from_str(&render(OutputFormat::Json)).unwrap();
        assert_eq!(json[1]["events"], 3);
    }
}
