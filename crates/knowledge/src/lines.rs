//! The common shape of every data file: one record per line.
//!
//! `#` starts a comment (to the end of the line), blank lines are skipped,
//! fields are separated by one or more tabs. A field that lists several
//! names separates them with ` | `. Each record keeps its file name and line
//! number, which become the `rule` of whatever it produces ("actors/people.txt:42").

use crate::KnowledgeError;

/// A named data file's text, embedded or read from disk.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The path relative to the data directory, e.g. `actors/people.txt`.
    pub name: &'a str,
    pub text: &'a str,
}

/// One non-empty, non-comment line.
#[derive(Debug, Clone)]
pub struct Record<'a> {
    pub file: &'a str,
    pub line: usize,
    /// Whether the raw line started with whitespace (a continuation in block formats).
    pub indented: bool,
    pub fields: Vec<&'a str>,
}

impl<'a> Record<'a> {
    /// `file:line`, the audit trail of anything made from this record.
    pub fn rule(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }

    pub fn error(&self, message: impl Into<String>) -> KnowledgeError {
        KnowledgeError::line(self.file, self.line, message)
    }

    /// Exactly `n` fields, or an error saying which were expected.
    pub fn expect_fields(&self, n: usize, what: &str) -> Result<(), KnowledgeError> {
        if self.fields.len() == n {
            Ok(())
        } else {
            Err(self.error(format!(
                "expected {n} tab-separated fields ({what}), found {}",
                self.fields.len()
            )))
        }
    }
}

/// The records of a file, in order.
pub fn records<'a>(src: Source<'a>) -> impl Iterator<Item = Record<'a>> {
    src.text.lines().enumerate().filter_map(move |(i, raw)| {
        let content = raw.split('#').next().unwrap_or("");
        if content.trim().is_empty() {
            return None;
        }
        let indented = content.starts_with([' ', '\t']);
        let fields = content
            .split('\t')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .collect();
        Some(Record {
            file: src.name,
            line: i + 1,
            indented,
            fields,
        })
    })
}

/// The names of a ` | `-separated list, trimmed, empty ones dropped.
pub fn names(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|n| !n.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_comments_and_blanks_and_numbers_lines() {
        let src = Source {
            name: "x.txt",
            text: "# header\n\nA\tb | c  # note\n\tindented\tz\n",
        };
        let recs: Vec<_> = records(src).collect();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].line, 3);
        assert_eq!(recs[0].fields, ["A", "b | c"]);
        assert!(!recs[0].indented);
        assert!(recs[1].indented);
        assert_eq!(recs[1].rule(), "x.txt:4");
        assert_eq!(names("b | c |  | d").collect::<Vec<_>>(), ["b", "c", "d"]);
    }
}
