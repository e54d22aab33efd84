//! A reader for brat standoff attribution files, the format of PolNeAR.
//!
//! Only two kinds of line matter: text-bound annotations
//! (`T3<TAB>Content 120 211;215 230<TAB>text`) and the events that group them
//! into one attribution (`E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1`).
//! Notes (`#`), attributes (`A`), relations (`R`) and the stray lines a text
//! with a line break leaves behind are skipped. Offsets in brat count
//! characters, not bytes; [`CharMap`] converts them to body byte offsets.

use std::collections::HashMap;

use detente_core::Span;

use crate::error::CodeError;

/// One attribution relation: who (source), how (cue), what (content).
/// Each role may have several discontinuous pieces; offsets are characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    pub source: Vec<(usize, usize)>,
    pub cue: Vec<(usize, usize)>,
    pub content: Vec<(usize, usize)>,
}

/// The attributions of one `.ann` file, in file order.
pub fn parse(name: &str, text: &str) -> Result<Vec<Attribution>, CodeError> {
    let mut spans: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    let mut events: Vec<(usize, Vec<(&str, &str)>)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let mut fields = line.split('\t');
        let id = fields.next().unwrap_or("");
        let body = fields.next().unwrap_or("");
        if is_id(id, 'T') {
            spans.insert(id, text_bound(name, n, body)?);
        } else if is_id(id, 'E') {
            events.push((n, event_args(name, n, body)?));
        }
    }
    events
        .into_iter()
        .map(|(n, args)| {
            let mut a = Attribution::default();
            for (role, target) in args {
                let pieces = spans.get(target).ok_or_else(|| {
                    CodeError::line(name, n, format!("{role} refers to unknown {target}"))
                })?;
                let slot = match role.trim_end_matches(|c: char| c.is_ascii_digit()) {
                    "Source" => &mut a.source,
                    "Cue" => &mut a.cue,
                    "Content" => &mut a.content,
                    _ => continue,
                };
                slot.extend(pieces);
            }
            Ok(a)
        })
        .collect()
}

/// `T12`, `E3`: the letter and at least one digit.
fn is_id(id: &str, letter: char) -> bool {
    id.strip_prefix(letter)
        .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

/// `Content 120 211;215 230` → the character ranges.
fn text_bound(name: &str, line: usize, body: &str) -> Result<Vec<(usize, usize)>, CodeError> {
    let (_, ranges) = body
        .split_once(' ')
        .ok_or_else(|| CodeError::line(name, line, "expected TYPE START END after the id"))?;
    ranges
        .split(';')
        .map(|r| {
            let mut it = r.split_whitespace().map(str::parse::<usize>);
            match (it.next(), it.next(), it.next()) {
                (Some(Ok(s)), Some(Ok(e)), None) if s <= e => Ok((s, e)),
                _ => Err(CodeError::line(
                    name,
                    line,
                    format!("expected START END with START <= END, found {r:?}"),
                )),
            }
        })
        .collect()
}

/// `Attribution:T4 Content:T3` → `[("Attribution","T4"),("Content","T3")]`.
fn event_args<'a>(
    name: &str,
    line: usize,
    body: &'a str,
) -> Result<Vec<(&'a str, &'a str)>, CodeError> {
    body.split_whitespace()
        .map(|arg| {
            arg.split_once(':').ok_or_else(|| {
                CodeError::line(name, line, format!("expected ROLE:ID, found {arg:?}"))
            })
        })
        .collect()
}

/// Character offsets to byte offsets of one text.
pub struct CharMap {
    /// Byte offset of each character, plus the text length at the end.
    bytes: Vec<usize>,
}

impl CharMap {
    pub fn new(text: &str) -> Self {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        CharMap { bytes }
    }

    /// The byte span of the character range, clamped to the text.
    pub fn span(&self, (start, end): (usize, usize)) -> Span {
        let at = |c: usize| self.bytes[c.min(self.bytes.len() - 1)];
        Span::new(at(start), at(end.max(start)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_roles_and_discontinuous_content() {
        let ann = "T1\tSource 0 2\twe\nT2\tCue 3 9\tmocked\nT3\tContent 10 20;25 30\tx\nstray line\n\
                   T4\tAttribution 3 9\tmocked\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n#1\tAnnotatorNotes T3\tnote\n";
        let a = parse("a.ann", ann).unwrap();
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].source, [(0, 2)]);
        assert_eq!(a[0].cue, [(3, 9)]);
        assert_eq!(a[0].content, [(10, 20), (25, 30)]);
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = parse("a.ann", "T1\tSource x 2\twe\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("a.ann:1:"), "{e}");
        let e = parse("a.ann", "T1\tSource 0 2\twe\nE1\tSource:T9\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("a.ann:2:") && e.contains("T9"), "{e}");
    }

    #[test]
    fn char_offsets_become_bytes() {
        let m = CharMap::new("a “b” c");
        assert_eq!(m.span((2, 5)).text("a “b” c"), "“b”");
        assert_eq!(m.span((5, 99)), Span::new(9, 11));
    }
}
