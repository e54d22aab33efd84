//! Persons and the offices they held: `actors/people.txt`.
//!
//! Block format. A line starting at column 0 opens a person: the canonical
//! name, then aliases, separated by ` | ` ("Barack Obama | Obama"). Indented
//! lines below it are the person's roles:
//! `CODE  FROM..UNTIL  title`, e.g. `USAGOV  2009-01-20..2017-01-20  President`.
//! Dates are `YYYY-MM-DD`; `FROM` is the first day in office, `UNTIL` the day
//! the successor took over (exclusive); either may be empty for an open end.
//!
//! At a date the first role whose range covers it gives the code and title.
//! Outside all roles a person is still a notable of the country of the
//! nearest role: `USAELI` (or that role's code itself for organisations).

use detente_core::{ActorCode, Date};

use super::codes::KnownCodes;
use crate::KnowledgeError;
use crate::lines::{Record, Source, names, records};

#[derive(Debug, Clone, PartialEq)]
pub struct PersonRole {
    pub code: ActorCode,
    /// First day, inclusive; `None`: since ever.
    pub from: Option<Date>,
    /// Last day, exclusive; `None`: still.
    pub until: Option<Date>,
    pub title: String,
    /// The code used at dates outside every role, derived from this one.
    pub elite: ActorCode,
    pub rule: String,
}

impl PersonRole {
    pub fn covers(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date < u)
    }

    /// Days from `date` to this role's range, 0 inside it.
    fn distance(&self, date: Date) -> i64 {
        match (self.from, self.until) {
            (Some(f), _) if date < f => (f - date).num_days(),
            (_, Some(u)) if date >= u => (date - u).num_days() + 1,
            _ => 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub name: String,
    pub aliases: Vec<String>,
    pub roles: Vec<PersonRole>,
    pub rule: String,
}

/// A person's code at one date.
pub(crate) struct At<'a> {
    pub code: ActorCode,
    pub title: Option<&'a str>,
    pub rule: &'a str,
}

impl Person {
    /// The canonical name, then the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    pub(crate) fn at(&self, date: Date) -> At<'_> {
        if let Some(r) = self.roles.iter().find(|r| r.covers(date)) {
            return At {
                code: r.code,
                title: Some(&r.title),
                rule: &r.rule,
            };
        }
        match self.roles.iter().min_by_key(|r| r.distance(date)) {
            Some(r) => At {
                code: r.elite,
                title: None,
                rule: &r.rule,
            },
            None => At {
                code: ActorCode::parse("UIS").expect("valid"),
                title: None,
                rule: &self.rule,
            },
        }
    }

    fn distance(&self, date: Date) -> i64 {
        self.roles
            .iter()
            .map(|r| r.distance(date))
            .min()
            .unwrap_or(i64::MAX)
    }
}

/// Among persons sharing a name, the one in office at `date`, else the one
/// whose time in office lies nearest to it; ties go to the first listed.
pub(crate) fn choose(people: &[Person], candidates: &[usize], date: Date) -> Option<usize> {
    candidates
        .iter()
        .copied()
        .min_by_key(|&i| people[i].distance(date))
}

pub(crate) fn parse(src: Source, known: &KnownCodes) -> Result<Vec<Person>, KnowledgeError> {
    let mut out: Vec<Person> = Vec::new();
    for rec in records(src) {
        if !rec.indented {
            rec.expect_fields(1, "a person's names separated by |")?;
            let mut list = names(rec.fields[0]).map(str::to_string);
            let name = list
                .next()
                .ok_or_else(|| rec.error("expected a person's name"))?;
            out.push(Person {
                name,
                aliases: list.collect(),
                roles: Vec::new(),
                rule: rec.rule(),
            });
            continue;
        }
        let role = parse_role(&rec, known)?;
        match out.last_mut() {
            Some(p) => p.roles.push(role),
            None => return Err(rec.error("role line before any person line")),
        }
    }
    if let Some(p) = out.iter().find(|p| p.roles.is_empty()) {
        return Err(KnowledgeError::File {
            file: src.name.to_string(),
            message: format!("person {:?} at {} has no role lines", p.name, p.rule),
        });
    }
    Ok(out)
}

fn parse_role(rec: &Record, known: &KnownCodes) -> Result<PersonRole, KnowledgeError> {
    rec.expect_fields(3, "CODE, FROM..UNTIL, title")?;
    let code = known.check(rec.fields[0]).map_err(|m| rec.error(m))?;
    let (from, until) = parse_range(rec.fields[1]).map_err(|m| rec.error(m))?;
    let head = code.head();
    let elite = if known.is_place(head) {
        ActorCode::parse(head).expect("valid head").with_role("ELI")
    } else {
        code
    };
    Ok(PersonRole {
        code,
        from,
        until,
        title: rec.fields[2].to_string(),
        elite,
        rule: rec.rule(),
    })
}

/// `FROM..UNTIL` with either end possibly empty.
pub(crate) fn parse_range(s: &str) -> Result<(Option<Date>, Option<Date>), String> {
    let (a, b) = s
        .split_once("..")
        .ok_or_else(|| format!("expected a date range FROM..UNTIL, found {s:?}"))?;
    let date = |d: &str| -> Result<Option<Date>, String> {
        if d.is_empty() {
            return Ok(None);
        }
        Date::parse_from_str(d, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| format!("expected a date YYYY-MM-DD, found {d:?}"))
    };
    let (from, until) = (date(a)?, date(b)?);
    if let (Some(f), Some(u)) = (from, until)
        && f >= u
    {
        return Err(format!("range {s:?} ends before it starts"));
    }
    Ok((from, until))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codebook::Codebook;

    fn known() -> KnownCodes {
        let types = Source {
            name: "t",
            text: "GOV\trole\tGovernment\nELI\trole\tElites\nLEG\trole\tLegislature\n",
        };
        let cb = Codebook::parse(
            Source {
                name: "e",
                text: "",
            },
            types,
        )
        .unwrap();
        let mut k = KnownCodes::new(&cb);
        k.declare_head("USA").unwrap();
        k
    }

    fn d(s: &str) -> Date {
        Date::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    const OBAMA: &str = "Barack Obama | Obama\n\tUSAGOV\t2009-01-20..2017-01-20\tPresident\n\tUSALEG\t2005-01-03..2008-11-16\tSenator\n";

    #[test]
    fn codes_depend_on_the_date() {
        let people = parse(
            Source {
                name: "p",
                text: OBAMA,
            },
            &known(),
        )
        .unwrap();
        let p = &people[0];
        assert_eq!(p.aliases, ["Obama"]);
        let at = p.at(d("2016-03-25"));
        assert_eq!((at.code.as_str(), at.title), ("USAGOV", Some("President")));
        assert_eq!(at.rule, "p:2");
        assert_eq!(p.at(d("2017-01-20")).code.as_str(), "USAELI");
        assert_eq!(p.at(d("2006-01-01")).code.as_str(), "USALEG");
        assert_eq!(p.at(d("1990-01-01")).title, None);
    }

    #[test]
    fn bad_blocks_are_errors_with_lines() {
        for (text, want) in [
            (
                "\tUSAGOV\t2009-01-20..\tPresident\n",
                "p:1: role line before",
            ),
            (
                "Obama\n\tUSAGOV\t2009-01-20\tPresident\n",
                "p:2: expected a date range",
            ),
            (
                "Obama\n\tUSAGOV\t2009-13-20..\tPresident\n",
                "p:2: expected a date YYYY-MM-DD",
            ),
            (
                "Obama\n\tUSAGOV\t2010-01-01..2009-01-01\tPresident\n",
                "ends before",
            ),
            ("Obama\n\tFRAGOV\t..\tPresident\n", "p:2: unknown country"),
            ("Obama\n\tUSAGOV\t..\n", "p:2: expected 3"),
            (
                "Obama\nBiden\n\tUSAGOV\t..\tVP\n",
                "\"Obama\" at p:1 has no role",
            ),
        ] {
            let err = parse(Source { name: "p", text }, &known())
                .unwrap_err()
                .to_string();
            assert!(err.contains(want), "{text:?}: {err}");
        }
    }
}
