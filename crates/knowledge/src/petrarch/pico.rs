//! The PETRARCH Internal Coding Ontology (PICO) file: each CAMEO code as a
//! number whose hex digits say what kind of act it is.
//!
//! ```text
//! 050:0x0080#DiplomaticCoop        # code:value, then a comment
//! 110:0x1007f#0xFFFF+0x0080#...     # only the first value counts
//! 120:-0xFFFF#Reject               # values are sums of signed hex terms
//! ```
//! The file encodes negation arithmetically: "not X" is X's value minus
//! `0xFFFF` (011 "decline comment" is `0x1000-0xFFFF`, 010 minus `0xFFFF`;
//! 110 "disapprove" is `0xFFFF+0x0080`, so "not disapprove" is 050). A coder
//! that reads a PICO file may therefore code a negated verb as the code
//! whose value is the verb's value minus `0xFFFF`, where the file has one.

use std::collections::HashMap;

use crate::KnowledgeError;
use crate::lines::Source;

/// What PICO subtracts for "not".
const NEGATION: i64 = 0xFFFF;

/// CAMEO codes (as written) and their PICO values, both ways.
#[derive(Debug, Clone, Default)]
pub struct Pico {
    value_of: HashMap<String, i64>,
    /// The first code the file gives each value.
    code_of: HashMap<i64, String>,
}

impl Pico {
    /// Reads a PICO file; malformed lines are skipped and reported.
    pub fn parse(src: Source, problems: &mut Vec<KnowledgeError>) -> Pico {
        let mut out = Pico::default();
        for (i, raw) in src.text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match entry(line) {
                Some((code, value)) => {
                    out.code_of.entry(value).or_insert_with(|| code.clone());
                    out.value_of.insert(code, value);
                }
                None => problems.push(KnowledgeError::line(
                    src.name,
                    i + 1,
                    format!("expected CODE:VALUE with a hex value, found {line:?}"),
                )),
            }
        }
        out
    }

    pub fn len(&self) -> usize {
        self.value_of.len()
    }

    pub fn is_empty(&self) -> bool {
        self.value_of.is_empty()
    }

    /// The PICO value of a CAMEO code as written ("050").
    pub fn value(&self, code: &str) -> Option<i64> {
        self.value_of.get(code).copied()
    }

    /// The code that says "not `code`", where the file has one.
    pub fn negated(&self, code: &str) -> Option<&str> {
        let v = self.value(code)? - NEGATION;
        self.code_of.get(&v).map(String::as_str)
    }
}

/// `CODE:VALUE[#comment]` → (code, value).
fn entry(line: &str) -> Option<(String, i64)> {
    let (code, rest) = line.split_once(':')?;
    let code = code.trim();
    // `---` is the null code ("no event").
    let null = code == "---";
    if !null && (code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let value = sum(rest.split('#').next()?.trim())?;
    Some((code.to_string(), value))
}

/// A sum of signed hex terms: `-0xFFFF+0x2040+0x300`, or a bare `0`.
fn sum(expr: &str) -> Option<i64> {
    if expr.is_empty() {
        return None;
    }
    let mut total = 0i64;
    let mut sign = 1i64;
    let mut term = String::new();
    let mut flush = |term: &mut String, sign: i64| -> Option<()> {
        if !term.is_empty() {
            total += sign * hex(term.trim())?;
            term.clear();
        }
        Some(())
    };
    for ch in expr.chars() {
        match ch {
            '+' | '-' => {
                flush(&mut term, sign)?;
                sign = if ch == '-' { -1 } else { 1 };
            }
            _ => term.push(ch),
        }
    }
    flush(&mut term, sign)?;
    Some(total)
}

fn hex(term: &str) -> Option<i64> {
    match term.strip_prefix("0x").or_else(|| term.strip_prefix("0X")) {
        Some(h) => i64::from_str_radix(h, 16).ok(),
        None => term.parse().ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "\
# comment
010:0x1000#Make Public Statement
011:0x1000-0xFFFF
050:0x0080#DiplomaticCoop
110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove
120:-0xFFFF#Reject
190:0x00A0#Fight
---:0
bad line
";

    fn pico() -> (Pico, Vec<KnowledgeError>) {
        let mut problems = Vec::new();
        let p = Pico::parse(
            Source {
                name: "pico.txt",
                text: FILE,
            },
            &mut problems,
        );
        (p, problems)
    }

    #[test]
    fn values_are_signed_hex_sums() {
        let (p, problems) = pico();
        assert_eq!(p.len(), 7);
        assert_eq!(p.value("011"), Some(0x1000 - 0xFFFF));
        assert_eq!(p.value("110"), Some(0x1007f));
        assert_eq!(p.value("120"), Some(-0xFFFF));
        assert_eq!(problems.len(), 1);
        assert!(problems[0].to_string().contains("pico.txt:9"));
    }

    #[test]
    fn negation_subtracts_ffff() {
        let (p, _) = pico();
        assert_eq!(p.negated("010"), Some("011"));
        assert_eq!(p.negated("110"), Some("050"));
        // "not fight" has no code of its own.
        assert_eq!(p.negated("190"), None);
        assert_eq!(p.negated("999"), None);
    }
}
