//! Is a relation thawing, freezing or stable? A documented change detection.
//!
//! For each period, the event-weighted mean Goldstein score of the last
//! [`WINDOW`] periods (this one included) is compared with that of the
//! [`WINDOW`] periods before them. A rise of at least [`SHIFT`] points on
//! Goldstein's -10..+10 scale is *thawing*, a fall of as much *freezing*,
//! anything less *stable*. Either window holding fewer than [`MIN_EVENTS`]
//! events says too little: the label is then *unknown*. Comparing windows
//! rather than single periods keeps one noisy week from flipping the label;
//! weighting by events keeps a quiet period from counting as much as a busy one.

use serde::Serialize;

/// Periods per window.
pub const WINDOW: usize = 3;
/// Goldstein points the mean must move to count as a change.
pub const SHIFT: f64 = 1.0;
/// Events each window needs before a label is given.
pub const MIN_EVENTS: u64 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    Thawing,
    Freezing,
    Stable,
    Unknown,
}

impl Trend {
    pub fn as_str(self) -> &'static str {
        match self {
            Trend::Thawing => "thawing",
            Trend::Freezing => "freezing",
            Trend::Stable => "stable",
            Trend::Unknown => "unknown",
        }
    }
}

/// One period of a series: its number of events and summed Goldstein score.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Point {
    pub events: u64,
    pub goldstein_sum: f64,
}

/// The trend label of every period of `series`; the first `2 * WINDOW - 1`
/// periods have no full previous window and are unknown.
pub fn trends(series: &[Point]) -> Vec<Trend> {
    (0..series.len())
        .map(|i| {
            let end = i + 1;
            if end < 2 * WINDOW {
                return Trend::Unknown;
            }
            let current = window(series, end.saturating_sub(WINDOW), end);
            let previous = window(
                series,
                end.saturating_sub(2 * WINDOW),
                end.saturating_sub(WINDOW),
            );
            label(current, previous)
        })
        .collect()
}

fn window(series: &[Point], from: usize, to: usize) -> Point {
    series[from..to]
        .iter()
        .fold(Point::default(), |acc, p| Point {
            events: acc.events + p.events,
            goldstein_sum: acc.goldstein_sum + p.goldstein_sum,
        })
}

fn label(current: Point, previous: Point) -> Trend {
    if current.events < MIN_EVENTS || previous.events < MIN_EVENTS {
        return Trend::Unknown;
    }
    let mean = |p: Point| p.goldstein_sum / p.events as f64;
    let delta = mean(current) - mean(previous);
    if delta >= SHIFT {
        Trend::Thawing
    } else if delta <= -SHIFT {
        Trend::Freezing
    } else {
        Trend::Stable
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(events: u64, mean: f64) -> Point {
        Point {
            events,
            goldstein_sum: mean * events as f64,
        }
    }

    #[test]
    fn rising_cooperation_thaws_falling_freezes() {
        let mut series = vec![p(4, -6.0); 3];
        series.extend(vec![p(4, 3.0); 3]);
        series.extend(vec![p(4, 3.2); 3]);
        series.extend(vec![p(4, -7.0); 3]);
        let t = trends(&series);
        assert_eq!(
            t[..5],
            [Trend::Unknown; 5],
            "first windows lack a previous window"
        );
        assert_eq!(t[5], Trend::Thawing);
        assert_eq!(t[8], Trend::Stable);
        assert_eq!(t[11], Trend::Freezing);
    }

    #[test]
    fn too_few_events_is_unknown() {
        let series = vec![
            p(1, -8.0),
            p(0, 0.0),
            p(1, -8.0),
            p(1, 7.0),
            p(1, 7.0),
            p(1, 7.0),
        ];
        assert_eq!(trends(&series)[5], Trend::Unknown);
    }
}
