//! PETRARCH `.actors.txt` files.
//!
//! ```text
//! VLADIMIR_PUTIN_  # comment          a new entry: its first name
//! +PUTIN_                             a synonym of the current entry
//!     [RUSGOV 991231-080507]          codes, with optional date restrictions,
//!     [RUSELI]                        on the name line or on lines of their own
//! ```
//! An entry whose codes are all undated becomes a fixed-code name (a country
//! for three-letter codes, otherwise an organisation); an entry with dated
//! codes becomes a person whose undated code applies outside those dates.
//! Entries with no code at all are skipped, as PETRARCH does; lines
//! starting with `<` (XML-style comments) are comments.

use detente_core::ActorCode;

use super::dates::{Coded, brackets};
use super::surface;
use crate::KnowledgeError;
use crate::actors::{ActorKind, NameEntry, Person, PersonRole};
use crate::lines::Source;

#[derive(Default)]
struct Pending {
    names: Vec<String>,
    codes: Vec<Coded>,
    rule: String,
}

/// The fixed-code names and the dated persons of one actor file; the first
/// malformed line is an error.
pub fn parse(src: Source) -> Result<(Vec<NameEntry>, Vec<Person>), KnowledgeError> {
    let mut problems = Vec::new();
    let out = parse_lenient(src, &mut problems);
    match problems.into_iter().next() {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// As [`parse`], but a malformed line is skipped and reported in `problems`
/// (the published Phoenix files contain a few typos, e.g. 7-digit dates).
pub fn parse_lenient(
    src: Source,
    problems: &mut Vec<KnowledgeError>,
) -> (Vec<NameEntry>, Vec<Person>) {
    let mut names = Vec::new();
    let mut people = Vec::new();
    let mut cur: Option<Pending> = None;
    for (i, raw) in src.text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("");
        // `<!-- ... -->` lines are comments in the validation suite's files.
        if line.trim().is_empty() || line.trim_start().starts_with('<') {
            continue;
        }
        if let Err(e) = read_line(src.name, i + 1, line, &mut cur, &mut names, &mut people) {
            problems.push(e);
        }
    }
    finish(cur, &mut names, &mut people);
    (names, people)
}

fn read_line(
    file: &str,
    n: usize,
    line: &str,
    cur: &mut Option<Pending>,
    names: &mut Vec<NameEntry>,
    people: &mut Vec<Person>,
) -> Result<(), KnowledgeError> {
    let err = |m: String| KnowledgeError::line(file, n, m);
    let (head, codes) = match line.find('[') {
        Some(at) => (&line[..at], brackets(&line[at..]).map_err(err)?),
        None => (line, Vec::new()),
    };
    let head = head.trim();
    if let Some(syn) = head.strip_prefix('+') {
        let p = cur
            .as_mut()
            .ok_or_else(|| err("synonym line '+' before any entry".into()))?;
        push_name(&mut p.names, syn);
        p.codes.extend(codes);
    } else if head.is_empty() || line.starts_with([' ', '\t']) {
        let p = cur
            .as_mut()
            .ok_or_else(|| err("code line before any entry".into()))?;
        if !head.is_empty() {
            return Err(err(format!(
                "expected only [CODE ...] on an indented line, found {head:?}"
            )));
        }
        p.codes.extend(codes);
    } else {
        finish(cur.take(), names, people);
        let mut p = Pending {
            rule: format!("{file}:{n}"),
            codes,
            ..Pending::default()
        };
        push_name(&mut p.names, head);
        *cur = Some(p);
    }
    Ok(())
}

fn push_name(names: &mut Vec<String>, raw: &str) {
    let s = surface(raw);
    if !s.is_empty() && !names.contains(&s) {
        names.push(s);
    }
}

fn finish(p: Option<Pending>, names: &mut Vec<NameEntry>, people: &mut Vec<Person>) {
    let Some(p) = p else { return };
    let Some(canonical) = p.names.first().cloned() else {
        return;
    };
    let coded: Vec<(&Coded, ActorCode)> = p
        .codes
        .iter()
        .filter_map(|c| c.code.map(|code| (c, code)))
        .collect();
    let Some(&(_, first)) = coded.first() else {
        return;
    };
    if !coded.iter().any(|(c, _)| c.dated()) {
        let kind = if first.as_str().len() == 3 {
            ActorKind::Country
        } else {
            ActorKind::Organization
        };
        names.push(NameEntry {
            code: first,
            kind,
            canonical,
            names: p.names,
            rule: p.rule,
        });
        return;
    }
    // Dated roles first, the undated default last: the first covering role wins.
    let mut ordered: Vec<&(&Coded, ActorCode)> = coded.iter().filter(|(c, _)| c.dated()).collect();
    ordered.extend(coded.iter().filter(|(c, _)| !c.dated()).take(1));
    let roles = ordered
        .into_iter()
        .map(|(c, code)| PersonRole {
            code: *code,
            from: c.from,
            until: c.until,
            title: String::new(),
            elite: *code,
            rule: p.rule.clone(),
        })
        .collect();
    let aliases = p.names[1..].to_vec();
    people.push(Person {
        name: canonical,
        aliases,
        roles,
        rule: p.rule,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use detente_core::Date;

    const TEXT: &str = "# header\nRUSSIA_  [RUS]\n+RUSSIAN_FEDERATION_\nVLADIMIR_PUTIN_  # note\n+PUTIN_\n\t[RUSGOV 991231-080507]\n\t[RUSGOV >120507]\n\t[RUSELI]\nNOBODY_\nUN_ [---]\n";

    #[test]
    fn names_and_dated_persons() {
        let (names, people) = parse(Source {
            name: "p.actors.txt",
            text: TEXT,
        })
        .unwrap();
        assert_eq!(names.len(), 1);
        assert_eq!(names[0].names, ["Russia", "Russian Federation"]);
        assert_eq!(names[0].kind, ActorKind::Country);
        let putin = &people[0];
        assert_eq!(putin.aliases, ["Putin"]);
        assert_eq!(putin.rule, "p.actors.txt:4");
        let at = |s: &str| {
            putin
                .at(Date::parse_from_str(s, "%Y-%m-%d").unwrap())
                .code
                .to_string()
        };
        assert_eq!(at("2016-03-25"), "RUSGOV");
        assert_eq!(at("2010-01-01"), "RUSELI");
        assert_eq!(at("2008-05-07"), "RUSGOV");
        assert_eq!(at("2008-05-08"), "RUSELI");
    }

    #[test]
    fn errors_name_file_and_line() {
        for (text, want) in [
            ("+PUTIN_\n", "a:1: synonym line"),
            ("\t[RUS]\n", "a:1: code line before"),
            ("PUTIN_\n\t[RUSGOV 991231-08050]\n", "a:2: expected a date"),
            ("PUTIN_ [RUSGOV\n", "a:1: unclosed"),
            ("PUTIN_\n\tRUS\n", "a:2: expected only"),
        ] {
            let err = parse(Source { name: "a", text }).unwrap_err().to_string();
            assert!(err.contains(want), "{text:?}: {err}");
        }
    }
}
