//! Dates as pages write them: ISO timestamps, "March 25, 2016",
//! "25 March 2016", "2016/03/25" in a URL.
//!
//! Every parser here is total: it returns `None` for anything it does not
//! recognise and never panics, whatever the input.

use chrono::Datelike;
use detente_core::Date;

pub use detente_core::calendar::month;

/// A plausible news date: not before the telegraph, not far in the future.
fn plausible(d: Date) -> Option<Date> {
    (1850..=2100).contains(&d.year()).then_some(d)
}

/// An ISO-style date at the start of `s`: `2016-03-25`, `2016-03-25T10:00Z`, `2016/03/25`.
pub fn iso(s: &str) -> Option<Date> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 8 {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let year = digits(0..4)?;
    let (month, day) = match b.get(4) {
        Some(b'-') | Some(b'/') | Some(b'.') => {
            let sep = b[4];
            let rest = &s[5..];
            let mut parts = rest.splitn(2, sep as char);
            let m: u32 = parts.next()?.parse().ok()?;
            let d_part: String = parts
                .next()?
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            (m, d_part.parse().ok()?)
        }
        _ => (digits(4..6)?, digits(6..8)?),
    };
    plausible(Date::from_ymd_opt(year as i32, month, day)?)
}

/// A date written in words anywhere in `s`: "March 25, 2016", "25 March 2016",
/// "Mar. 25 2016". `year` is used when the text names none ("March 25").
pub fn in_words(s: &str, year: Option<i32>) -> Option<Date> {
    all_in_words(s, year).next().map(|(_, d)| d)
}

/// Every date written in words in `s`, in order, each with the byte offset
/// where it starts. Words that markup glued together without a space
/// ("GiuffridaMar 5, 2025", "2022Updated", "updated:Sep 4") are read apart.
pub fn all_in_words(s: &str, year: Option<i32>) -> impl Iterator<Item = (usize, Date)> + '_ {
    let words = tokens(s);
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < words.len() {
            let at = i;
            i += 1;
            let Some(m) = month(words[at].1) else {
                continue;
            };
            if let Some((date, first, last)) = date_at(&words, at, m, year) {
                i = last + 1;
                return Some((words[first].0, date));
            }
        }
        None
    })
}

/// The date around the month word at `i`, with the first and last word it takes.
fn date_at(
    words: &[(usize, &str)],
    i: usize,
    m: u32,
    year: Option<i32>,
) -> Option<(Date, usize, usize)> {
    // A number, with an ordinal suffix ("25th") or, for a year, glued
    // to the next word by markup without a space ("2025Julian").
    let num = |j: usize| -> Option<u32> {
        let w = words.get(j)?.1.trim_end_matches('.');
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        let rest = &w[digits..];
        let suffix_ok = rest.is_empty() || matches!(rest, "st" | "nd" | "rd" | "th");
        (digits > 0 && digits <= 4 && suffix_ok).then(|| w[..digits].parse().ok())?
    };
    let is_year = |n: u32| (1850..=2100).contains(&n);
    let is_day = |n: &u32| (1..=31).contains(n);
    let before = i.checked_sub(1);
    // Month Day, Year
    if let Some(d) = num(i + 1).filter(is_day) {
        let y = num(i + 2).filter(|&y| is_year(y));
        let last = if y.is_some() { i + 2 } else { i + 1 };
        if let Some(date) = y
            .map(|y| y as i32)
            .or(year)
            .and_then(|y| Date::from_ymd_opt(y, m, d))
        {
            return plausible(date).map(|d| (d, i, last));
        }
    }
    // Year Month Day, as citations write it ("2023 Jan 7")
    if let (Some(b), Some(d)) = (before, num(i + 1).filter(is_day))
        && let Some(y) = num(b).filter(|&y| is_year(y))
        && let Some(date) = Date::from_ymd_opt(y as i32, m, d)
    {
        return plausible(date).map(|d| (d, b, i + 1));
    }
    // Day Month Year
    if let Some(b) = before
        && let Some(d) = num(b).filter(is_day)
    {
        let y = num(i + 1).filter(|&y| is_year(y));
        let last = if y.is_some() { i + 1 } else { i };
        if let Some(date) = y
            .map(|y| y as i32)
            .or(year)
            .and_then(|y| Date::from_ymd_opt(y, m, d))
        {
            return plausible(date).map(|d| (d, b, last));
        }
    }
    None
}

/// The words of `s` with their byte offsets, split at spaces and
/// punctuation, and inside a word where markup glued two together: a
/// lowercase letter before a capital ("GiuffridaMar"), digits before
/// letters other than an ordinal suffix ("2025February", but "25th").
fn tokens(s: &str) -> Vec<(usize, &str)> {
    let is_sep = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | '|' | '(' | ')' | '•' | '·' | '/' | ':' | ';' | '-' | '–' | '—' | '[' | ']'
            )
    };
    let mut out = Vec::new();
    let mut start = None;
    let mut prev = ' ';
    for (at, c) in s.char_indices() {
        if is_sep(c) {
            if let Some(st) = start.take() {
                out.push((st, &s[st..at]));
            }
            prev = c;
            continue;
        }
        if let Some(st) = start {
            let glued = (prev.is_lowercase() && c.is_uppercase())
                || (prev.is_ascii_digit() && c.is_alphabetic() && !ordinal_suffix(&s[at..]));
            if glued {
                out.push((st, &s[st..at]));
                start = Some(at);
            }
        } else {
            start = Some(at);
        }
        prev = c;
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// Whether `rest` opens with "st", "nd", "rd" or "th" ending a word.
fn ordinal_suffix(rest: &str) -> bool {
    let b = rest.as_bytes();
    b.len() >= 2
        && matches!(
            &b[..2].to_ascii_lowercase()[..],
            b"st" | b"nd" | b"rd" | b"th"
        )
        && !b.get(2).is_some_and(|c| c.is_ascii_lowercase())
}

/// A date written in digits alone, as bylines show it: `23.07.2025`
/// (day first), `3/4/2025` (month first, unless the first number is above
/// 12), `2025-07-23`. The text must be little more than the date.
pub fn numeric(s: &str) -> Option<Date> {
    let t = s.trim();
    if let Some(d) = find_iso(t) {
        return Some(d);
    }
    let start = t.find(|c: char| c.is_ascii_digit())?;
    let token: String = t[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | '/' | '-'))
        .collect();
    let sep = token.chars().find(|c| !c.is_ascii_digit())?;
    let parts: Vec<u32> = token
        .trim_end_matches(sep)
        .split(sep)
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [a, b, y] = parts[..] else { return None };
    if !(1000..=2100).contains(&y) {
        return None;
    }
    let (m, d) = match sep {
        '/' if a <= 12 => (a, b),
        _ => (b, a),
    };
    plausible(Date::from_ymd_opt(y as i32, m, d)?)
}

/// Any date in `s`: ISO first (also after a prefix, as in "Published 2016-03-25"), then words.
pub fn any(s: &str) -> Option<Date> {
    iso(s).or_else(|| find_iso(s)).or_else(|| in_words(s, None))
}

/// The first ISO-style date (with separators) anywhere in `s`.
pub fn find_iso(s: &str) -> Option<Date> {
    s.char_indices()
        .filter(|&(i, c)| c.is_ascii_digit() && (i == 0 || !s.as_bytes()[i - 1].is_ascii_digit()))
        .find_map(|(i, _)| {
            let rest = &s[i..];
            let b = rest.as_bytes();
            // Require separators so that bare numbers are not read as dates.
            (b.len() >= 10 && matches!(b[4], b'-' | b'/' | b'.')).then(|| iso(rest))?
        })
}

/// A date in a URL path: `/2016/03/25/`, `/2016-03-25/`, `/20160325/`.
pub fn from_url(url: &str) -> Option<Date> {
    let path = url.split_once("://").map(|(_, rest)| rest).unwrap_or(url);
    let parts: Vec<&str> = path.split(['/', '?', '&', '_']).collect();
    for (i, p) in parts.iter().enumerate() {
        if p.len() == 4 && p.bytes().all(|c| c.is_ascii_digit()) {
            let m = parts.get(i + 1).and_then(|m| m.parse::<u32>().ok());
            let d = parts
                .get(i + 2)
                .and_then(|d| d.get(..2).unwrap_or(d).parse::<u32>().ok());
            // "/2023/october/03/"
            let m = m.or_else(|| parts.get(i + 1).and_then(|m| month(m)));
            if let (Ok(y), Some(m), Some(d)) = (p.parse::<i32>(), m, d)
                && let Some(date) = Date::from_ymd_opt(y, m, d)
            {
                return plausible(date);
            }
        }
        // Xinhua style: /2016-03/25/
        if p.len() == 7 && p.as_bytes()[4] == b'-' {
            let day = parts.get(i + 1).and_then(|d| d.get(..2));
            if let Some(date) = day.and_then(|d| iso(&format!("{p}-{d}"))) {
                return Some(date);
            }
        }
        if let Some(date) = p
            .get(..10)
            .and_then(iso)
            .or_else(|| (p.len() == 8).then(|| iso(p)).flatten())
        {
            return Some(date);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<Date> {
        Date::from_ymd_opt(y, m, day)
    }

    #[test]
    fn formats() {
        assert_eq!(iso("2016-03-25T10:00:00+08:00"), d(2016, 3, 25));
        assert_eq!(iso("2016/3/5"), d(2016, 3, 5));
        assert_eq!(
            in_words("Xinhua, March 25, 2016 Adjust", None),
            d(2016, 3, 25)
        );
        assert_eq!(in_words("Updated 25 Mar. 2016", None), d(2016, 3, 25));
        assert_eq!(
            in_words("MOSCOW, March 25 (Xinhua)", Some(2016)),
            d(2016, 3, 25)
        );
        assert_eq!(in_words("May I say", None), None);
        assert_eq!(
            in_words("Dec 17, 2025Julian K. Arni", None),
            d(2025, 12, 17)
        );
        assert_eq!(
            in_words("Faith Katunga•Oct 20, 2025", None),
            d(2025, 10, 20)
        );
        assert_eq!(in_words("on the 21st of June 2017", None), None);
        // Words that markup glued together are read apart.
        assert_eq!(
            in_words("ByKathryn GiuffridaMar 5, 2025 | 6 comments", None),
            d(2025, 3, 5)
        );
        assert_eq!(in_words("Last updated:Sep 4, 2025", None), d(2025, 9, 4));
        assert_eq!(
            in_words(
                "Mental HealthDECEMBER 22, 2022Updated: JANUARY 02, 2026",
                None
            ),
            d(2022, 12, 22)
        );
        let all: Vec<_> = all_in_words("July 4, 2025February 9, 2026 Updated", None)
            .map(|(_, d)| Some(d))
            .collect();
        assert_eq!(all, [d(2025, 7, 4), d(2026, 2, 9)]);
        assert_eq!(in_words("November 4th, 2025", None), d(2025, 11, 4));
        assert_eq!(any("Published: 2016-03-25 10:00"), d(2016, 3, 25));
        assert_eq!(any("2023 Jan 7"), d(2023, 1, 7));
        assert_eq!(numeric("23.07.2025"), d(2025, 7, 23));
        assert_eq!(numeric(" 3/4/2025 "), d(2025, 3, 4));
        assert_eq!(numeric("25/12/2024"), d(2024, 12, 25));
        assert_eq!(numeric("on 04-08-2021 5:11"), d(2021, 8, 4));
        assert_eq!(numeric("1.2.3"), None);
        assert_eq!(
            from_url("http://news.example.com/world/2016/03/25/story.html"),
            d(2016, 3, 25)
        );
        assert_eq!(from_url("http://x.cn/2016-03/25/c_135.htm"), d(2016, 3, 25));
        assert_eq!(
            from_url("https://x.org/blog/2023/october/03/wine-styles/"),
            d(2023, 10, 3)
        );
        assert_eq!(from_url("https://x.com/a/20160325-talks"), d(2016, 3, 25));
    }
}
