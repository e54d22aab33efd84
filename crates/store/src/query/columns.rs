//! The printed columns of each result row, in order.

use super::format::Columns;
use super::{ActorRow, DyadRow, EventRow, RelationRow, SearchHit};

impl Columns for RelationRow {
    const COLUMNS: &'static [&'static str] = &[
        "period",
        "direction",
        "events",
        "mentions",
        "verbal_cooperation",
        "material_cooperation",
        "verbal_conflict",
        "material_conflict",
        "goldstein_mean",
        "goldstein_sum",
        "tone_mean",
        "trend",
    ];
}

impl Columns for EventRow {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "date",
        "source",
        "target",
        "code",
        "name",
        "quad",
        "goldstein",
        "num_mentions",
        "num_sources",
        "num_articles",
        "is_root",
        "tone",
        "evidence",
        "document",
    ];
}

impl Columns for SearchHit {
    const COLUMNS: &'static [&'static str] =
        &["document", "date", "score", "title", "snippet", "input"];
}

impl Columns for ActorRow {
    const COLUMNS: &'static [&'static str] =
        &["actor", "events", "as_source", "as_target", "mentions"];
}

impl Columns for DyadRow {
    const COLUMNS: &'static [&'static str] =
        &["source", "target", "events", "mentions", "goldstein_mean"];
}

/// One line of `detente stats` as a table.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StatLine {
    pub what: String,
    pub value: String,
}

impl Columns for StatLine {
    const COLUMNS: &'static [&'static str] = &["what", "value"];
}

impl super::Stats {
    /// The totals as `what`/`value` lines, for a table or CSV.
    pub fn lines(&self) -> Vec<StatLine> {
        let value = serde_json::to_value(self).unwrap_or_default();
        let Some(map) = value.as_object() else {
            return Vec::new();
        };
        map.iter()
            .map(|(k, v)| StatLine {
                what: k.clone(),
                value: match v {
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Null => String::new(),
                    other => other.to_string(),
                },
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Trend;

    fn keys<T: Columns>(row: &T) -> Vec<String> {
        let mut k: Vec<String> = serde_json::to_value(row)
            .unwrap()
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        k.sort();
        k
    }

    fn sorted<T: Columns>() -> Vec<String> {
        let mut c: Vec<String> = T::COLUMNS.iter().map(|s| s.to_string()).collect();
        c.sort();
        c
    }

    #[test]
    fn columns_name_every_field() {
        let r = RelationRow {
            period: String::new(),
            direction: String::new(),
            events: 0,
            mentions: 0,
            verbal_cooperation: 0,
            material_cooperation: 0,
            verbal_conflict: 0,
            material_conflict: 0,
            goldstein_mean: None,
            goldstein_sum: 0.0,
            tone_mean: None,
            trend: Trend::Stable,
        };
        assert_eq!(keys(&r), sorted::<RelationRow>());
        let a = ActorRow {
            actor: String::new(),
            as_source: 0,
            as_target: 0,
            events: 0,
            mentions: 0,
        };
        assert_eq!(keys(&a), sorted::<ActorRow>());
        let d = DyadRow {
            source: String::new(),
            target: String::new(),
            events: 0,
            mentions: 0,
            goldstein_mean: 0.0,
        };
        assert_eq!(keys(&d), sorted::<DyadRow>());
        let s = SearchHit {
            document: 0,
            date: None,
            title: None,
            input: String::new(),
            snippet: String::new(),
            score: 0.0,
        };
        assert_eq!(keys(&s), sorted::<SearchHit>());
        let e = EventRow {
            id: 0,
            date: None,
            source: None,
            target: None,
            code: String::new(),
            name: String::new(),
            quad: 1,
            goldstein: 0.0,
            num_mentions: 1,
            num_sources: 1,
            num_articles: 1,
            is_root: false,
            tone: 0.0,
            evidence: String::new(),
            document: String::new(),
        };
        assert_eq!(keys(&e), sorted::<EventRow>());
    }
}
