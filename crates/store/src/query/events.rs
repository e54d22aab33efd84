//! Stored events by actor, CAMEO code and date.

use chrono::NaiveDate;
use detente_core::ActorCode;
use serde::Serialize;
use sqlx::any::AnyArguments;
use sqlx::{Any, AssertSqlSafe};

use crate::error::Result;
use crate::store::Store;

/// A CAMEO code or a family of codes: `190` exactly, `16*` every code
/// starting with 16.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodePattern {
    digits: String,
    prefix: bool,
}

impl std::str::FromStr for CodePattern {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (digits, prefix) = match s.strip_suffix('*') {
            Some(d) => (d, true),
            None => (s, false),
        };
        if digits.is_empty() && !prefix
            || digits.len() > 4
            || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(format!(
                "bad CAMEO code pattern {s:?}: expected digits, optionally ending in * (e.g. 16*)"
            ));
        }
        Ok(CodePattern {
            digits: digits.to_string(),
            prefix,
        })
    }
}

/// Which events to list.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Events this actor (or any code it heads) did or underwent.
    pub actor: Option<ActorCode>,
    pub code: Option<CodePattern>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub limit: u32,
}

/// One stored event with its counts and first evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    pub id: i64,
    pub date: Option<String>,
    pub source: Option<String>,
    pub target: Option<String>,
    pub code: String,
    pub name: String,
    pub quad: i64,
    pub goldstein: f64,
    pub num_mentions: i64,
    pub num_sources: i64,
    pub num_articles: i64,
    pub is_root: bool,
    pub tone: f64,
    pub evidence: String,
    pub document: String,
}

type Raw = (
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    String,
    i64,
    f64,
    i64,
    i64,
    i64,
    i64,
    f64,
    String,
);

impl Store {
    /// Events matching `f`, oldest first.
    pub fn events(&self, f: &EventFilter) -> Result<Vec<EventRow>> {
        let mut sql = String::from(
            "SELECT e.id, e.date, e.source, e.target, e.code, e.name, e.quad, e.goldstein, e.num_mentions, \
             e.num_sources, e.num_articles, e.is_root, e.tone_sum / e.num_articles, d.input \
             FROM events e JOIN documents d ON d.id = e.first_document WHERE 1 = 1",
        );
        let mut binds: Vec<String> = Vec::new();
        let mut param = |sql: &mut String, clause: &str, value: String| {
            binds.push(value);
            sql.push_str(&clause.replace('?', &format!("${}", binds.len())));
        };
        if let Some(a) = f.actor {
            param(&mut sql, " AND (e.source LIKE ?", format!("{a}%"));
            param(&mut sql, " OR e.target LIKE ?)", format!("{a}%"));
        }
        if let Some(c) = &f.code {
            let clause = if c.prefix {
                " AND e.code LIKE ?"
            } else {
                " AND e.code = ?"
            };
            param(
                &mut sql,
                clause,
                if c.prefix {
                    format!("{}%", c.digits)
                } else {
                    c.digits.clone()
                },
            );
        }
        if let Some(d) = f.since {
            param(&mut sql, " AND e.date >= ?", d.to_string());
        }
        if let Some(d) = f.until {
            param(&mut sql, " AND e.date <= ?", d.to_string());
        }
        sql.push_str(&format!(" ORDER BY e.date, e.id LIMIT {}", f.limit.max(1)));
        let mut q = sqlx::query_as_with::<Any, Raw, _>(AssertSqlSafe(sql), AnyArguments::default());
        for b in binds {
            q = q.bind(b);
        }
        let rows = self
            .rt
            .block_on(q.fetch_all(&self.pool))
            .map_err(self.err("listing events"))?;
        rows.into_iter().map(|r| self.event_row(r)).collect()
    }

    fn event_row(&self, r: Raw) -> Result<EventRow> {
        let (id, date, source, target, code, name, quad, goldstein, m, s, a, root, tone, document) =
            r;
        let evidence = self.first_evidence(id)?;
        Ok(EventRow {
            id,
            date,
            source,
            target,
            code,
            name,
            quad,
            goldstein,
            num_mentions: m,
            num_sources: s,
            num_articles: a,
            is_root: root != 0,
            tone: (tone * 100.0).round() / 100.0,
            evidence,
            document,
        })
    }

    fn first_evidence(&self, event: i64) -> Result<String> {
        let row: Option<(String,)> = self
            .rt
            .block_on(
                sqlx::query_as(
                    "SELECT evidence FROM mentions WHERE event = $1 ORDER BY id LIMIT 1",
                )
                .bind(event)
                .fetch_optional(&self.pool),
            )
            .map_err(self.err("reading an event's evidence"))?;
        Ok(row.map(|r| r.0).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_patterns() {
        assert_eq!(
            "16*".parse::<CodePattern>().unwrap(),
            CodePattern {
                digits: "16".into(),
                prefix: true
            }
        );
        assert_eq!(
            "190".parse::<CodePattern>().unwrap(),
            CodePattern {
                digits: "190".into(),
                prefix: false
            }
        );
        for bad in ["", "1a", "16%", "12345"] {
            assert!(bad.parse::<CodePattern>().is_err(), "{bad}");
        }
    }
}
