//! JSON Lines: one document per line, read as a stream.
//!
//! Each line is `{"id", "text" | "html", "date", "url", "title"}`. A line that
//! is not such a record is an error for that line only; the lines around it
//! are still read. Blank lines are skipped.

use std::io::{BufRead, Read};

use detente_core::{Content, Date, Document, Provenance};
use serde::Deserialize;

use crate::error::{SourceError, SourceErrorKind};

#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
    date: Option<String>,
    url: Option<String>,
    title: Option<String>,
}

/// The documents of a JSON Lines stream, one per non-blank line.
pub(crate) struct Lines {
    name: String,
    reader: Box<dyn BufRead>,
    line: u64,
    offset: u64,
    limit: u64,
    done: bool,
}

impl Lines {
    pub(crate) fn new(name: String, reader: Box<dyn BufRead>, limit: u64) -> Self {
        Lines {
            name,
            reader,
            line: 0,
            offset: 0,
            limit,
            done: false,
        }
    }
}

impl Iterator for Lines {
    type Item = Result<Document, SourceError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut buf = Vec::new();
        while !self.done {
            buf.clear();
            let start = self.offset;
            // A single line longer than the limit is read no further than that.
            let read = Read::take(&mut self.reader, self.limit + 1).read_until(b'\n', &mut buf);
            self.line += 1;
            let (name, line) = (self.name.clone(), self.line);
            let err = |kind| Some(Err(SourceError::new(name, kind).at_line(line)));
            match read {
                Ok(0) => self.done = true,
                Err(e) => {
                    self.done = true;
                    let kind = match e.kind() {
                        std::io::ErrorKind::UnexpectedEof | std::io::ErrorKind::InvalidInput => {
                            SourceErrorKind::Gzip(e.to_string())
                        }
                        _ => SourceErrorKind::Io(e.to_string()),
                    };
                    return err(kind);
                }
                Ok(n) => {
                    self.offset += n as u64;
                    if n as u64 > self.limit {
                        self.skip_rest_of_line();
                        return err(SourceErrorKind::TooLarge {
                            size: n as u64,
                            limit: self.limit,
                        });
                    }
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(parse_record(&buf, &self.name, self.line, start).map_err(
                        |kind| SourceError::new(self.name.clone(), kind).at_line(self.line),
                    ));
                }
            }
        }
        None
    }
}

impl Lines {
    fn skip_rest_of_line(&mut self) {
        let mut sink = Vec::new();
        loop {
            sink.clear();
            match Read::take(&mut self.reader, 1 << 20).read_until(b'\n', &mut sink) {
                Ok(0) | Err(_) => return,
                Ok(n) => {
                    self.offset += n as u64;
                    if sink.last() == Some(&b'\n') {
                        return;
                    }
                }
            }
        }
    }
}

fn parse_record(
    line: &[u8],
    name: &str,
    number: u64,
    offset: u64,
) -> Result<Document, SourceErrorKind> {
    let text = std::str::from_utf8(line).map_err(|e| {
        SourceErrorKind::Encoding(format!(
            "invalid UTF-8 at byte {} of the line",
            e.valid_up_to()
        ))
    })?;
    let rec: Record =
        serde_json::from_str(text.trim()).map_err(|e| SourceErrorKind::BadRecord(e.to_string()))?;
    let content = match (rec.html, rec.text) {
        (Some(html), _) => Content::Html(html),
        (None, Some(text)) => Content::Text(text),
        (None, None) => {
            return Err(SourceErrorKind::BadRecord(
                "neither \"text\" nor \"html\"".into(),
            ));
        }
    };
    if content.as_str().trim().is_empty() {
        return Err(SourceErrorKind::Empty);
    }
    let date = rec.date.as_deref().map(parse_date).transpose()?;
    let id = rec.id.map(|v| match v {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    });
    Ok(Document {
        id,
        provenance: Provenance {
            path: Some(name.to_string()),
            url: rec.url,
            line: Some(number),
            offset: Some(offset),
            ..Default::default()
        },
        content,
        date,
        title: rec.title,
    })
}

/// `YYYY-MM-DD`, optionally followed by a time (`2016-03-25T10:00:00Z`).
pub(crate) fn parse_date(s: &str) -> Result<Date, SourceErrorKind> {
    let head = s.trim().get(..10).unwrap_or(s.trim());
    Date::parse_from_str(head, "%Y-%m-%d")
        .map_err(|_| SourceErrorKind::BadRecord(format!("date {s:?} is not YYYY-MM-DD")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &'static str) -> Vec<Result<Document, SourceError>> {
        Lines::new("t.jsonl".into(), Box::new(text.as_bytes()), 1 << 20).collect()
    }

    #[test]
    fn bad_line_does_not_stop_neighbours() {
        let out = read(
            "{\"id\":\"a\",\"text\":\"One.\"}\n{not json\n\n{\"id\":7,\"html\":\"<p>x</p>\",\"date\":\"2016-03-25\"}\n",
        );
        assert_eq!(out.len(), 3);
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.id.as_deref(), Some("a"));
        assert_eq!(a.provenance.line, Some(1));
        let e = out[1].as_ref().unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(
            e.to_string()
                .starts_with("t.jsonl:2: bad JSON Lines record"),
            "{e}"
        );
        let c = out[2].as_ref().unwrap();
        assert_eq!(c.id.as_deref(), Some("7"));
        assert_eq!(c.provenance.line, Some(4));
        assert_eq!(c.date, Date::from_ymd_opt(2016, 3, 25));
    }

    #[test]
    fn record_without_content_or_with_bad_date() {
        let out = read("{\"id\":\"a\"}\n{\"text\":\"x\",\"date\":\"March\"}\n");
        assert!(matches!(
            out[0],
            Err(SourceError {
                kind: SourceErrorKind::BadRecord(_),
                ..
            })
        ));
        assert!(
            out[1]
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("not YYYY-MM-DD")
        );
    }
}
