//! The most active actors and dyads.

use std::collections::HashMap;

use serde::Serialize;

use crate::error::Result;
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorRow {
    pub actor: String,
    /// Events the actor did.
    pub as_source: i64,
    /// Events done to the actor.
    pub as_target: i64,
    pub events: i64,
    pub mentions: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DyadRow {
    pub source: String,
    pub target: String,
    pub events: i64,
    pub mentions: i64,
    pub goldstein_mean: f64,
}

impl Store {
    /// The `limit` actors in most events, as source or target.
    pub fn actors(&self, limit: usize) -> Result<Vec<ActorRow>> {
        let mut by_actor: HashMap<String, ActorRow> = HashMap::new();
        for (column, is_source) in [("source", true), ("target", false)] {
            for (actor, events, mentions) in self.actor_counts(column)? {
                let row = by_actor.entry(actor.clone()).or_insert(ActorRow {
                    actor,
                    as_source: 0,
                    as_target: 0,
                    events: 0,
                    mentions: 0,
                });
                *if is_source {
                    &mut row.as_source
                } else {
                    &mut row.as_target
                } += events;
                row.events += events;
                row.mentions += mentions;
            }
        }
        let mut rows: Vec<ActorRow> = by_actor.into_values().collect();
        rows.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.actor.cmp(&b.actor)));
        rows.truncate(limit);
        Ok(rows)
    }

    fn actor_counts(&self, column: &'static str) -> Result<Vec<(String, i64, i64)>> {
        let sql = match column {
            "source" => {
                "SELECT source, COUNT(*), CAST(SUM(num_mentions) AS BIGINT) FROM events WHERE source IS NOT NULL GROUP BY source"
            }
            _ => {
                "SELECT target, COUNT(*), CAST(SUM(num_mentions) AS BIGINT) FROM events WHERE target IS NOT NULL GROUP BY target"
            }
        };
        self.rt
            .block_on(sqlx::query_as(sql).fetch_all(&self.pool))
            .map_err(self.err("counting actors"))
    }

    /// The `limit` source→target pairs with most events.
    pub fn dyads(&self, limit: usize) -> Result<Vec<DyadRow>> {
        let rows: Vec<(String, String, i64, i64, f64)> = self
            .rt
            .block_on(
                sqlx::query_as(
                    "SELECT source, target, COUNT(*), CAST(SUM(num_mentions) AS BIGINT), AVG(goldstein) FROM events \
                     WHERE source IS NOT NULL AND target IS NOT NULL GROUP BY source, target \
                     ORDER BY COUNT(*) DESC, source, target LIMIT $1",
                )
                .bind(limit as i64)
                .fetch_all(&self.pool),
            )
            .map_err(self.err("counting dyads"))?;
        Ok(rows
            .into_iter()
            .map(|(source, target, events, mentions, g)| DyadRow {
                source,
                target,
                events,
                mentions,
                goldstein_mean: (g * 100.0).round() / 100.0,
            })
            .collect())
    }
}
