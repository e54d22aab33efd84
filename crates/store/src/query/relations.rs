//! How two actors treat each other over time: per period and direction,
//! events per quad class, Goldstein mean and sum, mean tone, trend.
//!
//! An actor matches every code it heads: `RUS` covers `RUSGOV` and `RUSMIL`.
//! The events are fetched once and aggregated here rather than in SQL, so
//! the same code serves both databases and every calendar period exists in
//! the series, empty ones included (the trend windows need them).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use detente_core::ActorCode;
use serde::Serialize;

use super::period::Period;
use super::trend::{Point, Trend, trends};
use crate::error::Result;
use crate::store::Store;

/// Which way the events go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// From the first actor to the second.
    Forward,
    /// From the second actor to the first.
    Backward,
    Both,
}

/// One period of one direction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationRow {
    pub period: String,
    /// `RUS->USA`, `USA->RUS` or `RUS<->USA`.
    pub direction: String,
    pub events: u64,
    pub mentions: u64,
    pub verbal_cooperation: u64,
    pub material_cooperation: u64,
    pub verbal_conflict: u64,
    pub material_conflict: u64,
    pub goldstein_mean: Option<f64>,
    pub goldstein_sum: f64,
    pub tone_mean: Option<f64>,
    pub trend: Trend,
}

/// What to ask about a relation.
#[derive(Debug, Clone)]
pub struct RelationsQuery {
    pub a: ActorCode,
    pub b: ActorCode,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub by: Period,
}

/// date, source, quad, goldstein, num_mentions, tone_sum, num_articles.
type FactRow = (String, Option<String>, i64, f64, i64, f64, i64);

/// One stored event as the aggregation needs it.
struct Fact {
    date: NaiveDate,
    forward: bool,
    quad: i64,
    goldstein: f64,
    mentions: i64,
    tone: f64,
}

#[derive(Default, Clone)]
struct Acc {
    events: u64,
    mentions: u64,
    quads: [u64; 4],
    goldstein: f64,
    tone: f64,
}

impl Store {
    /// The relation between `q.a` and `q.b`, oldest period first; for each
    /// period three rows: a→b, b→a, both.
    pub fn relations(&self, q: &RelationsQuery) -> Result<Vec<RelationRow>> {
        let facts = self.rt.block_on(self.relation_facts(q))?;
        Ok(aggregate(q, &facts))
    }

    async fn relation_facts(&self, q: &RelationsQuery) -> Result<Vec<Fact>> {
        let rows: Vec<FactRow> = sqlx::query_as(
            "SELECT date, source, quad, goldstein, num_mentions, tone_sum, num_articles FROM events \
             WHERE date IS NOT NULL AND date >= $1 AND date <= $2 \
             AND ((source LIKE $3 AND target LIKE $4) OR (source LIKE $4 AND target LIKE $3)) \
             ORDER BY date",
        )
        .bind(q.from.map_or_else(|| "0000-00-00".to_string(), |d| d.to_string()))
        .bind(q.to.map_or_else(|| "9999-99-99".to_string(), |d| d.to_string()))
        .bind(format!("{}%", q.a))
        .bind(format!("{}%", q.b))
        .fetch_all(&self.pool)
        .await
        .map_err(self.err("reading the events of the relation"))?;
        let a = q.a.to_string();
        Ok(rows
            .into_iter()
            .filter_map(
                |(date, source, quad, goldstein, mentions, tone_sum, articles)| {
                    Some(Fact {
                        date: date.parse().ok()?,
                        forward: source.is_some_and(|s| s.starts_with(&a)),
                        quad,
                        goldstein,
                        mentions,
                        tone: tone_sum / articles.max(1) as f64,
                    })
                },
            )
            .collect())
    }
}

fn aggregate(q: &RelationsQuery, facts: &[Fact]) -> Vec<RelationRow> {
    let (Some(first), Some(last)) = (facts.first(), facts.last()) else {
        return Vec::new();
    };
    let mut periods: BTreeMap<NaiveDate, [Acc; 3]> = BTreeMap::new();
    let mut start = q.by.start(first.date);
    let end = q.by.start(last.date);
    while start <= end {
        periods.insert(start, Default::default());
        start = q.by.next(start);
    }
    for f in facts {
        if let Some(accs) = periods.get_mut(&q.by.start(f.date)) {
            add(&mut accs[if f.forward { 0 } else { 1 }], f);
            add(&mut accs[2], f);
        }
    }
    let names = [
        format!("{}->{}", q.a, q.b),
        format!("{}->{}", q.b, q.a),
        format!("{}<->{}", q.a, q.b),
    ];
    let mut rows = Vec::new();
    let labels: Vec<Vec<Trend>> = (0..3)
        .map(|d| {
            let series: Vec<Point> = periods
                .values()
                .map(|accs| Point {
                    events: accs[d].events,
                    goldstein_sum: accs[d].goldstein,
                })
                .collect();
            trends(&series)
        })
        .collect();
    for (i, (start, accs)) in periods.iter().enumerate() {
        for d in 0..3 {
            rows.push(row(
                q.by.label(*start),
                names[d].clone(),
                &accs[d],
                labels[d][i],
            ));
        }
    }
    rows
}

fn add(acc: &mut Acc, f: &Fact) {
    acc.events += 1;
    acc.mentions += f.mentions.max(0) as u64;
    if let Some(slot) = acc.quads.get_mut((f.quad - 1).clamp(0, 3) as usize) {
        *slot += 1;
    }
    acc.goldstein += f.goldstein;
    acc.tone += f.tone;
}

fn row(period: String, direction: String, acc: &Acc, trend: Trend) -> RelationRow {
    let mean = |sum: f64| (acc.events > 0).then(|| round(sum / acc.events as f64));
    RelationRow {
        period,
        direction,
        events: acc.events,
        mentions: acc.mentions,
        verbal_cooperation: acc.quads[0],
        material_cooperation: acc.quads[1],
        verbal_conflict: acc.quads[2],
        material_conflict: acc.quads[3],
        goldstein_mean: mean(acc.goldstein),
        goldstein_sum: round(acc.goldstein),
        tone_mean: mean(acc.tone),
        trend,
    }
}

/// Two decimals: the figures are estimates, more digits would be noise.
fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
