//! Time expressions, resolved against the article date.
//!
//! A left-to-right scan tries, at each token, a short list of patterns
//! (longest first, by hand, no regular expressions), comparing words
//! case-insensitively in place so nothing is allocated per token:
//!
//! - absolute: "March 25, 2016", "25 March 2016", "March 25", "March 2016",
//!   "2016-03-25", "in 2014", "September", with "early"/"mid"/"late"
//!   narrowing a year (thirds) or month ("early March" = days 1-10);
//! - relative to the article date: "today", "yesterday", "tomorrow",
//!   "this/last/next week|month|year", "earlier this month" (month start to
//!   the article day), "later this year", "last September", "next
//!   Wednesday", "(on) Wednesday" (the latest such day not after the
//!   article date, as news reports the past), "3 days ago", "the same day"
//!   (the day last mentioned, else the article date);
//! - "since X": from the start of X to the article date.
//!
//! Prepositions ("in", "on") stay outside the expression, as in TIMEX. A
//! bare month or day needs the article's year; without an article date
//! such expressions are kept with `range: None`.

use chrono::{Datelike, Duration, NaiveDate};
use detente_core::calendar::MONTHS;
use detente_core::{Date, DateRange, Span, TimeExpr};

const MONTH_ABBR: [&str; 12] = [
    "jan.", "feb.", "mar.", "apr.", "may", "jun.", "jul.", "aug.", "sept.", "oct.", "nov.", "dec.",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Finds the time expressions among the tokens of `text`.
/// `words[i]` is the text of `spans[i]`.
pub fn find(text: &str, spans: &[Span], words: &[&str], date: Option<Date>) -> Vec<TimeExpr> {
    let mut scan = Scan {
        words,
        date,
        last_day: None,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match scan.at(i) {
            Some((n, range)) => {
                let span = Span::new(spans[i].start, spans[i + n - 1].end);
                if let Some(r) = range.filter(DateRange::is_day) {
                    scan.last_day = Some(r.first);
                }
                out.push(TimeExpr {
                    text: span.text(text).to_string(),
                    span,
                    range,
                });
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

struct Scan<'w> {
    words: &'w [&'w str],
    date: Option<Date>,
    /// The last day-sized expression, for "the same day".
    last_day: Option<Date>,
}

fn is(w: &str, s: &str) -> bool {
    w.eq_ignore_ascii_case(s)
}

type Found = Option<(usize, Option<DateRange>)>;

impl Scan<'_> {
    fn word(&self, i: usize) -> &str {
        self.words.get(i).copied().unwrap_or("")
    }

    fn at(&self, i: usize) -> Found {
        let w = self.word(i);
        let first = w.chars().next()?;
        if !first.is_alphanumeric() {
            return None;
        }
        if is(w, "since") {
            let (n, r) = self.absolute_or_relative(i + 1)?;
            let r = r
                .zip(self.date)
                .map(|(r, d)| DateRange::new(r.first, d.max(r.first)));
            return Some((n + 1, r));
        }
        self.absolute_or_relative(i)
    }

    fn absolute_or_relative(&self, i: usize) -> Found {
        self.narrowed(i)
            .or_else(|| self.absolute(i))
            .or_else(|| self.relative(i))
    }

    /// "early 2014", "late March", "mid-2015".
    fn narrowed(&self, i: usize) -> Found {
        let w = self.word(i);
        let (part, n, r) =
            if let Some(rest) = w.strip_prefix("mid-").or_else(|| w.strip_prefix("Mid-")) {
                let (n, r) = self.year_or_month_word(rest)?;
                (1u8, n, r)
            } else {
                let part = match () {
                    _ if is(w, "early") => 0,
                    _ if is(w, "mid") => 1,
                    _ if is(w, "late") => 2,
                    _ => return None,
                };
                let (n, r) = self.absolute(i + 1)?;
                (part, n + 1, r)
            };
        let r = r.map(|r| third(r, part));
        Some((n, r))
    }

    fn year_or_month_word(&self, w: &str) -> Option<(usize, Option<DateRange>)> {
        if let Some(y) = year(w) {
            return Some((1, year_range(y)));
        }
        let m = month(w)?;
        Some((1, self.date.and_then(|d| month_range(d.year(), m))))
    }

    fn absolute(&self, i: usize) -> Found {
        let w = self.word(i);
        if let Some(d) = iso_date(w) {
            return Some((1, Some(DateRange::day(d))));
        }
        if let Some(m) = month(w).filter(|_| w.starts_with(char::is_uppercase)) {
            return self.after_month(i, m);
        }
        if let (Some(day), Some(m)) = (day_number(w), month(self.word(i + 1))) {
            if let Some(y) = year(self.word(i + 2)) {
                return Some((3, NaiveDate::from_ymd_opt(y, m, day).map(DateRange::day)));
            }
            let d = self
                .date
                .and_then(|d| NaiveDate::from_ymd_opt(d.year(), m, day));
            return Some((2, d.map(DateRange::day)));
        }
        if let Some(y) = year(w)
            && i > 0
            && [
                "in",
                "since",
                "by",
                "until",
                "during",
                "throughout",
                "of",
                "early",
                "late",
                "mid",
                "from",
                "before",
                "after",
            ]
            .iter()
            .any(|p| is(self.word(i - 1), p))
        {
            return Some((1, year_range(y)));
        }
        None
    }

    /// "March 25, 2016", "March 25", "March 2016", "March".
    fn after_month(&self, i: usize, m: u32) -> Found {
        let next = self.word(i + 1);
        if let Some(day) = day_number(next) {
            let comma = usize::from(self.word(i + 2) == ",");
            if let Some(y) = year(self.word(i + 2 + comma)) {
                return Some((
                    3 + comma,
                    NaiveDate::from_ymd_opt(y, m, day).map(DateRange::day),
                ));
            }
            let d = self
                .date
                .and_then(|d| NaiveDate::from_ymd_opt(d.year(), m, day));
            return Some((2, d.map(DateRange::day)));
        }
        if let Some(y) = year(next) {
            return Some((2, month_range(y, m)));
        }
        if m == 5 {
            return None; // "May" alone is the verb
        }
        Some((1, self.date.and_then(|d| month_range(d.year(), m))))
    }

    fn relative(&self, i: usize) -> Found {
        let w = self.word(i);
        let d = self.date;
        let day = |offset: i64| d.map(|d| DateRange::day(d + Duration::days(offset)));
        match () {
            _ if is(w, "today") || is(w, "tonight") => Some((1, day(0))),
            _ if is(w, "yesterday") => Some((1, day(-1))),
            _ if is(w, "tomorrow") => Some((1, day(1))),
            _ if is(w, "this") || is(w, "last") || is(w, "next") || is(w, "past") => {
                self.deictic(i)
            }
            _ if is(w, "earlier") || is(w, "later") => {
                let (n, r) = self
                    .deictic(i + 1)
                    .filter(|_| is(self.word(i + 1), "this"))?;
                let (r, d) = (r?, d?);
                let r = if is(w, "earlier") {
                    DateRange::new(r.first, d)
                } else {
                    DateRange::new(d, r.last)
                };
                Some((n + 1, Some(r)))
            }
            _ if is(w, "the") && is(self.word(i + 1), "same") && is(self.word(i + 2), "day") => {
                Some((3, self.last_day.or(d).map(DateRange::day)))
            }
            _ => {
                if let Some(wd) = weekday(w) {
                    return Some((1, d.map(|d| DateRange::day(weekday_before(d, wd)))));
                }
                self.ago(i)
            }
        }
    }

    /// "this/last/next/past week|month|year|<month>|<weekday>".
    fn deictic(&self, i: usize) -> Found {
        let which = self.word(i);
        let unit = self.word(i + 1);
        let step: i32 = if is(which, "last") || is(which, "past") {
            -1
        } else if is(which, "next") {
            1
        } else {
            0
        };
        let Some(d) = self.date else {
            let known = ["week", "month", "year"].iter().any(|u| is(unit, u))
                || month(unit).is_some()
                || weekday(unit).is_some();
            return known.then_some((2, None));
        };
        let r = if is(unit, "year") {
            year_range(d.year() + step)
        } else if is(unit, "month") {
            let (y, m) = add_months(d.year(), d.month(), step);
            month_range(y, m)
        } else if is(unit, "week") {
            let monday = d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
                + Duration::weeks(i64::from(step));
            Some(DateRange::new(monday, monday + Duration::days(6)))
        } else if let Some(m) = month(unit) {
            let y = match step {
                -1 if m >= d.month() => d.year() - 1,
                1 if m <= d.month() => d.year() + 1,
                _ => d.year(),
            };
            month_range(y, m)
        } else if let Some(wd) = weekday(unit) {
            let before = weekday_before(d, wd);
            Some(DateRange::day(match step {
                1 => before + Duration::days(7),
                -1 if before == d => before - Duration::days(7),
                _ => before,
            }))
        } else {
            return None;
        };
        Some((2, r))
    }

    /// "3 days ago", "two weeks ago".
    fn ago(&self, i: usize) -> Found {
        let n = count(self.word(i))?;
        let unit = self.word(i + 1).trim_end_matches('s');
        if !is(self.word(i + 2), "ago") {
            return None;
        }
        let days = match () {
            _ if is(unit, "day") => n,
            _ if is(unit, "week") => 7 * n,
            _ if is(unit, "month") => 30 * n,
            _ if is(unit, "year") => 365 * n,
            _ => return None,
        };
        Some((
            3,
            self.date.map(|d| DateRange::day(d - Duration::days(days))),
        ))
    }
}

/// Month and weekday names: dates, not names of entities.
pub(crate) fn is_calendar_word(w: &str) -> bool {
    month(w).is_some() || weekday(w).is_some()
}

fn month(w: &str) -> Option<u32> {
    let i = MONTHS
        .iter()
        .position(|m| is(w, m))
        .or_else(|| MONTH_ABBR.iter().position(|m| is(w, m)))?;
    Some(i as u32 + 1)
}

fn weekday(w: &str) -> Option<u32> {
    WEEKDAYS.iter().position(|d| is(w, d)).map(|i| i as u32)
}

fn day_number(w: &str) -> Option<u32> {
    let w = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w);
    (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

fn year(w: &str) -> Option<i32> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

fn count(w: &str) -> Option<i64> {
    const WORDS: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    if let Some(i) = WORDS.iter().position(|n| is(w, n)) {
        return Some(i as i64 + 1);
    }
    (w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

fn iso_date(w: &str) -> Option<Date> {
    let b = w.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::parse_from_str(w, "%Y-%m-%d").ok()
}

fn year_range(y: i32) -> Option<DateRange> {
    Some(DateRange::new(
        NaiveDate::from_ymd_opt(y, 1, 1)?,
        NaiveDate::from_ymd_opt(y, 12, 31)?,
    ))
}

fn month_range(y: i32, m: u32) -> Option<DateRange> {
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let (ny, nm) = add_months(y, m, 1);
    let last = NaiveDate::from_ymd_opt(ny, nm, 1)? - Duration::days(1);
    Some(DateRange::new(first, last))
}

fn add_months(y: i32, m: u32, step: i32) -> (i32, u32) {
    let total = y * 12 + (m as i32 - 1) + step;
    (total.div_euclid(12), total.rem_euclid(12) as u32 + 1)
}

/// The latest day on or before `d` that is weekday `wd` (0 = Monday).
fn weekday_before(d: Date, wd: u32) -> Date {
    let back = (7 + d.weekday().num_days_from_monday() - wd) % 7;
    d - Duration::days(i64::from(back))
}

/// The first, middle or last third of a range (by days).
fn third(r: DateRange, part: u8) -> DateRange {
    let days = (r.last - r.first).num_days() + 1;
    let len = days / 3;
    let first = r.first + Duration::days(len * i64::from(part));
    let last = if part == 2 {
        r.last
    } else {
        first + Duration::days(len - 1)
    };
    DateRange::new(first, last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn d(s: &str) -> Date {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn times(text: &str) -> Vec<(String, Option<(String, String)>)> {
        let mut spans = Vec::new();
        tokenize(text, &mut spans);
        let words: Vec<&str> = spans.iter().map(|s| s.text(text)).collect();
        find(text, &spans, &words, Some(d("2016-03-25")))
            .into_iter()
            .map(|t| {
                (
                    t.text,
                    t.range.map(|r| (r.first.to_string(), r.last.to_string())),
                )
            })
            .collect()
    }

    fn one(text: &str) -> (String, String) {
        let t = times(text);
        assert_eq!(t.len(), 1, "{text}: {t:?}");
        t[0].1
            .clone()
            .unwrap_or_else(|| panic!("{text}: unresolved"))
    }

    #[test]
    fn absolute() {
        let day = |s: &str| (s.to_string(), s.to_string());
        assert_eq!(one("on March 25, 2016 he"), day("2016-03-25"));
        assert_eq!(one("on 25 March 2016 he"), day("2016-03-25"));
        assert_eq!(one("dated 2016-03-25."), day("2016-03-25"));
        assert_eq!(one("on March 3 he"), day("2016-03-03"));
        assert_eq!(
            one("in early 2014."),
            ("2014-01-01".into(), "2014-05-01".into())
        );
        assert_eq!(
            one("elections in September while"),
            ("2016-09-01".into(), "2016-09-30".into())
        );
        assert_eq!(
            one("last September"),
            ("2015-09-01".into(), "2015-09-30".into())
        );
        assert_eq!(
            one("in 2014 and"),
            ("2014-01-01".into(), "2014-12-31".into())
        );
    }

    #[test]
    fn relative() {
        assert_eq!(
            one("Earlier this month, he"),
            ("2016-03-01".into(), "2016-03-25".into())
        );
        assert_eq!(
            one("since last year"),
            ("2015-01-01".into(), "2016-03-25".into())
        );
        assert_eq!(one("last year"), ("2015-01-01".into(), "2015-12-31".into()));
        // 2016-03-25 was a Friday.
        assert_eq!(
            one("on Wednesday"),
            ("2016-03-23".into(), "2016-03-23".into())
        );
        assert_eq!(one("yesterday"), ("2016-03-24".into(), "2016-03-24".into()));
        assert_eq!(one("next week"), ("2016-03-28".into(), "2016-04-03".into()));
        assert_eq!(
            one("On the same day"),
            ("2016-03-25".into(), "2016-03-25".into())
        );
        assert_eq!(
            one("three days ago"),
            ("2016-03-22".into(), "2016-03-22".into())
        );
        assert!(times("he may go").is_empty());
    }

    #[test]
    fn unresolvable_without_a_date() {
        let text = "in September and on March 25, 2016";
        let mut spans = Vec::new();
        tokenize(text, &mut spans);
        let words: Vec<&str> = spans.iter().map(|s| s.text(text)).collect();
        let t = find(text, &spans, &words, None);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].range, None);
        assert_eq!(t[1].range, Some(DateRange::day(d("2016-03-25"))));
    }
}
