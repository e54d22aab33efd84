//! Which of the dates a page carries is its publication date.
//!
//! A page states dates in several places that disagree: metadata says when
//! the story was first published and when it was last modified; the page
//! shows a reader a date near the headline, often "Updated ..."; the URL may
//! hold one; sidebars and comments hold many more. Shown dates are read with
//! the words before them ("Published", "Updated", "Received") and may be
//! written in words or digits, glued to a byline by markup.
//!
//! The order here is what measured best on wcxb-dev, whose annotators took
//! the date the publisher gives the story:
//! 1. a date in the URL (the one the story was filed under);
//! 2. a date shown by the headline as "Published"/"Posted" (or beside an
//!    "Updated" one);
//! 3. the stated publication date when the page also shows it there;
//! 4. the date shown by the headline, unless it is a later revision
//!    ("Updated", or the stated modification date) of a page that states
//!    its publication in OpenGraph, or a day off the stated date (another
//!    time zone): then the stated date;
//! 5. the stated publication date, a "Published" date anywhere in the page,
//!    the modification date, the first `<time>`, the first date shown anywhere.
//!
//! Where the page shows only an "Updated" date and states its publication in
//! JSON-LD alone, the annotations mostly take the date shown.

use detente_core::Date;

use super::dom::{BlockKind, Flat};
use super::meta::Meta;
use crate::dates;

/// Every date clue found on a page, for the decision and for explaining it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DateClues {
    /// Stated publication date (JSON-LD, OpenGraph, `<meta>`, microdata).
    pub published: Option<Date>,
    /// The publication date OpenGraph states.
    pub tagged: Option<Date>,
    /// Stated modification date.
    pub modified: Option<Date>,
    /// The date shown near the headline (the first in the page without one).
    pub shown: Option<Date>,
    /// What the words before the shown date call it.
    pub shown_label: Option<Label>,
    /// Every date shown near the headline, in page order.
    pub near: Vec<Date>,
    /// A date shown near the headline with a "Published"/"Posted" label.
    pub shown_published: Option<Date>,
    /// The first date shown anywhere in the page with a "Published" label.
    pub labelled: Option<Date>,
    /// The first date shown anywhere in the page, after the headline first.
    pub anywhere: Option<Date>,
    /// A date in the page's URL.
    pub url: Option<Date>,
    /// The first `<time datetime>` in the page.
    pub time: Option<Date>,
    /// `<time>` elements showing one date and stating another: (shown, stated).
    pub time_pairs: Vec<(Date, Date)>,
}

/// What the words before a shown date call it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    None,
    /// "Published", "Posted on", "Originally published".
    Published,
    /// "Updated", "Last modified", "Reviewed".
    Updated,
    /// A scholarly paper's other dates: "Received", "Accepted", "Submitted".
    Other,
    /// No label, but beside an updated one ("March 3, 2025 · Updated March
    /// 7, 2025"): the publication, as far as one text says.
    Beside,
}

impl DateClues {
    /// Gather the clues of a flattened page.
    pub fn gather(flat: &Flat, headline: Option<usize>, meta: &Meta, urls: &[&str]) -> Self {
        let (lo, hi) = window(flat, headline);
        let mut near = Vec::new();
        let mut shown_published = None;
        for t in texts_between(flat, lo, hi) {
            for (d, label) in text_dates(t) {
                near.push(d);
                if matches!(label, Label::Published | Label::Beside) && shown_published.is_none() {
                    shown_published = Some(d);
                }
            }
        }
        let n = flat.blocks.len();
        let mut labelled = None;
        let mut anywhere_after = None;
        let mut anywhere_before = None;
        for (i, t) in texts_between(flat, 0, n).enumerate() {
            if t.len() >= 160 || !t.bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            let found = text_dates(t);
            if labelled.is_none() {
                labelled = found
                    .iter()
                    .find(|(_, l)| matches!(l, Label::Published | Label::Beside))
                    .map(|(d, _)| *d);
            }
            let slot = if headline.is_some_and(|h| i < h) {
                &mut anywhere_before
            } else {
                &mut anywhere_after
            };
            if slot.is_none() {
                *slot = pick(&found);
            }
            if labelled.is_some() && anywhere_after.is_some() {
                break;
            }
        }
        let shown = shown(flat, headline);
        DateClues {
            published: meta.date,
            tagged: meta.og_date,
            modified: meta.modified,
            shown: shown.map(|(d, _)| d),
            shown_label: shown.map(|(_, l)| l),
            near,
            shown_published,
            labelled,
            anywhere: anywhere_after.or(anywhere_before),
            url: urls.iter().find_map(|u| dates::from_url(u)),
            time: meta.fallback_date,
            time_pairs: meta.time_pairs.clone(),
        }
    }

    /// The publication date, as the module doc explains.
    pub fn decide(&self) -> Option<Date> {
        // A date in the URL is the one the publisher filed the story under.
        if let Some(u) = self.url {
            return Some(u);
        }
        // A date shown a day off the one OpenGraph states is the same moment
        // in another time zone: the stated one is the publisher's own.
        let same_day = |d: Date| match self.published {
            Some(p) if self.tagged.is_some() && (d - p).num_days().abs() <= 1 => p,
            _ => d,
        };
        if let Some(p) = self.shown_published.or(self.labelled) {
            return Some(same_day(p));
        }
        if let Some(p) = self.published.filter(|p| self.near.contains(p)) {
            return Some(p);
        }
        // Many dates by the headline are a list (comments, archives,
        // teasers of other stories): the stated date wins over their first.
        if self.near.len() >= 3 && self.published.is_some() {
            return self.published;
        }
        if let Some(s) = self.shown {
            let s = self.machine_readable(s);
            // Pages that state the date in OpenGraph too were dated by it.
            if let Some(p) = self
                .published
                .filter(|&p| self.tagged.is_some() && self.revision(s, p))
            {
                return Some(p);
            }
            return Some(same_day(self.read_other_way(s)));
        }
        self.published
            .or(self.labelled)
            .or(self.modified)
            .or(self.url)
            .or(self.time)
            .or(self.anywhere)
    }
}

impl DateClues {
    /// Whether the date shown by the headline is a revision of the story
    /// that OpenGraph dates `tagged`: later, and called an update or
    /// stated as the modification date.
    fn revision(&self, shown: Date, tagged: Date) -> bool {
        let modified = self
            .modified
            .is_some_and(|m| (m - shown).num_days().abs() <= 1);
        shown > tagged && (self.shown_label == Some(Label::Updated) || modified)
    }

    /// A shown date that is the text of a `<time>` element stating a date
    /// more than a day away: the `datetime` is what the publisher recorded
    /// (a day away is a time zone, and the reader's date stands).
    fn machine_readable(&self, shown: Date) -> Date {
        self.time_pairs
            .iter()
            .find(|(text, stated)| *text == shown && (*stated - shown).num_days().abs() > 1)
            .map_or(shown, |(_, stated)| *stated)
    }

    /// `3/10/2023` may be read day first or month first: when the other
    /// reading is the date another clue states, that is how the page wrote it.
    fn read_other_way(&self, shown: Date) -> Date {
        use chrono::Datelike;
        let others = [self.published, self.modified, self.time];
        if shown.day() > 12 || shown.day() == shown.month() || others.contains(&Some(shown)) {
            return shown;
        }
        match Date::from_ymd_opt(shown.year(), shown.day(), shown.month()) {
            Some(swapped) if others.contains(&Some(swapped)) => swapped,
            _ => shown,
        }
    }
}

/// A `datePublished` (or `article:published_time`) anywhere in the raw
/// page: in scripts that hold the page's data (`__NEXT_DATA__`, Nuxt), in
/// JSON escaped into an attribute. Read only when the markup states no date.
pub fn scan_published(html: &str) -> Option<Date> {
    [
        "datePublished",
        "published_time",
        "publishedAt",
        "publishDate",
    ]
    .iter()
    .find_map(|key| {
        html.match_indices(key).take(5).find_map(|(at, _)| {
            let rest = html.get(at + key.len()..)?;
            // Skip quotes, escapes and separators: `":"`, `\":\"`, `&quot;:&quot;`.
            let start = rest
                .char_indices()
                .take(40)
                .find(|(_, c)| c.is_ascii_digit())
                .map(|(i, _)| i)?;
            let gap = &rest[..start];
            let clean = gap
                .replace("&quot;", "")
                .replace("&#34;", "")
                .replace("content=", "");
            clean
                .chars()
                .all(|c| matches!(c, '"' | '\\' | ':' | '=' | ' ' | '\''))
                .then(|| dates::iso(rest.get(start..start + 10)?))
                .flatten()
        })
    })
}

/// How far after the headline a byline date may sit (blocks).
const NEAR: usize = 25;

/// The date a reader sees by the headline: the first short text holding a
/// full date within a few blocks of it (a footer or aside there counts: many
/// pages put the byline in one); without a headline, the first in the page.
fn shown(flat: &Flat, headline: Option<usize>) -> Option<(Date, Label)> {
    let n = flat.blocks.len();
    let first = |lo, hi| texts_between(flat, lo, hi).find_map(|t| pick_labelled(&text_dates(t)));
    match headline {
        Some(h) => {
            let after = first(h, (h + NEAR).min(n));
            let before = || {
                let texts: Vec<&str> = texts_between(flat, h.saturating_sub(5), h).collect();
                texts
                    .into_iter()
                    .rev()
                    .find_map(|t| pick_labelled(&text_dates(t)))
            };
            after.or_else(before)
        }
        None => first(0, n),
    }
}

/// The date a text shows as the story's: one labelled as published, else
/// the first unlabelled one, else the first ("Updated ...").
fn pick(found: &[(Date, Label)]) -> Option<Date> {
    pick_labelled(found).map(|(d, _)| d)
}

/// [`pick`], with the label of the date picked.
fn pick_labelled(found: &[(Date, Label)]) -> Option<(Date, Label)> {
    let with = |l: Label| found.iter().find(|(_, x)| *x == l).copied();
    with(Label::Published)
        .or_else(|| with(Label::Beside))
        .or_else(|| with(Label::None))
        .or_else(|| found.first().copied())
}

/// The blocks around the headline where bylines and dates sit: a few
/// before it and [`NEAR`] after; the page's first blocks without one.
pub fn window(flat: &Flat, headline: Option<usize>) -> (usize, usize) {
    let n = flat.blocks.len();
    match headline {
        Some(h) => (h.saturating_sub(5), (h + NEAR).min(n)),
        None => (0, n.min(NEAR)),
    }
}

/// Texts of blocks `lo..hi` in page order, each preceded by the asides
/// that sit before it (headings of level 1 left out: a headline is no date).
pub(super) fn texts_between(flat: &Flat, lo: usize, hi: usize) -> impl Iterator<Item = &str> {
    let first_aside = flat.asides.partition_point(|a| a.before < lo);
    let mut asides = flat.asides[first_aside..].iter().peekable();
    (lo..hi).flat_map(move |i| {
        let mut out: Vec<&str> = Vec::new();
        while let Some(a) = asides.next_if(|a| a.before <= i) {
            out.push(&a.text);
        }
        let b = &flat.blocks[i];
        if !matches!(b.kind, BlockKind::Heading(1)) {
            out.push(&b.text);
        }
        out
    })
}

/// Texts around the headline that hold a date, with the date: for
/// explaining a decision.
pub fn dated_texts(flat: &Flat, headline: Option<usize>) -> Vec<(String, Date)> {
    let (lo, hi) = window(flat, headline);
    texts_between(flat, lo, hi)
        .filter_map(|t| text_date(t).map(|d| (t.to_string(), d)))
        .collect()
}

/// The date a short text shows, as [`pick`] chooses among its dates.
pub fn text_date(text: &str) -> Option<Date> {
    pick(&text_dates(text))
}

/// The dates a short text shows (a byline, a date line), each with the
/// label written before it. A longer text is prose, whose dates are events.
pub fn text_dates(text: &str) -> Vec<(Date, Label)> {
    if text.len() >= 160 || prose(text) {
        return Vec::new();
    }
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    for (at, d) in dates::all_in_words(text, None) {
        out.push((d, label(lower.get(from..at).unwrap_or(""))));
        from = at;
    }
    // "December 3, 2025. Updated: December 7, 2025": beside an update, the
    // unlabelled date is the publication.
    if out.iter().any(|(_, l)| *l == Label::Updated) {
        for (_, l) in &mut out {
            if *l == Label::None {
                *l = Label::Beside;
            }
        }
    }
    if out.is_empty()
        && let Some(d) = dates::find_iso(text)
            .or_else(|| (text.len() < 60).then(|| dates::numeric(text)).flatten())
    {
        let at = text.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
        out.push((d, label(lower.get(..at).unwrap_or(""))));
    }
    out
}

/// A sentence or two of the story ("The season ends April 15, 2025. If
/// ..."), not a date line: long, and ending one sentence to start another.
fn prose(text: &str) -> bool {
    text.len() > 80
        && text
            .match_indices(". ")
            .any(|(at, _)| text[at + 2..].starts_with(char::is_uppercase))
}

/// The label that the words before a date (lowercase) give it: the last
/// keyword among them.
fn label(before: &str) -> Label {
    const PUBLISHED: [&str; 3] = ["published", "posted", "created"];
    const UPDATED: [&str; 5] = ["updated", "modified", "revised", "reviewed", "edited"];
    const OTHER: [&str; 3] = ["received", "accepted", "submitted"];
    let last = |words: &[&str]| words.iter().filter_map(|w| before.rfind(w)).max();
    if before.contains("last published") {
        return Label::Updated;
    }
    let found = [
        (last(&PUBLISHED), Label::Published),
        (last(&UPDATED), Label::Updated),
        (last(&OTHER), Label::Other),
    ];
    found
        .into_iter()
        .filter_map(|(at, l)| Some((at?, l)))
        .max_by_key(|(at, _)| *at)
        .map_or(Label::None, |(_, l)| l)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<Date> {
        Date::from_ymd_opt(y, m, day)
    }

    #[test]
    fn labels_before_dates() {
        let t = text_dates("Published Apr 26, 2023 · Updated Aug 21, 2025");
        assert_eq!(
            t,
            [
                (d(2023, 4, 26).unwrap(), Label::Published),
                (d(2025, 8, 21).unwrap(), Label::Updated)
            ]
        );
        // Beside an update, an unlabelled date is the publication.
        assert_eq!(
            text_date("December 3, 2025. Updated: December 7, 2025"),
            d(2025, 12, 3)
        );
        assert_eq!(
            text_dates("Received 2024 Mar 18; Revised 2024 May 2")[0].1,
            Label::Other
        );
        assert_eq!(
            text_date("Essay - Published: 2025.12.17 | programming | create |"),
            d(2025, 12, 17)
        );
        // Prose is not a date line.
        assert_eq!(
            text_date(
                "The tax season ends on April 15, 2025. If you cannot file by then, ask for more time."
            ),
            None
        );
    }

    #[test]
    fn url_and_opengraph_and_time_zones() {
        let c = DateClues {
            published: d(2025, 1, 29),
            shown: d(2025, 8, 19),
            url: d(2025, 1, 30),
            ..Default::default()
        };
        assert_eq!(c.decide(), d(2025, 1, 30));
        // Shown a day off the stated date: the stated one.
        let c = DateClues {
            published: d(2025, 6, 20),
            tagged: d(2025, 6, 20),
            shown: d(2025, 6, 19),
            ..Default::default()
        };
        assert_eq!(c.decide(), d(2025, 6, 20));
        // An update shown by the headline of a page that states its date in OpenGraph.
        let c = DateClues {
            published: d(2022, 3, 17),
            tagged: d(2022, 3, 17),
            modified: d(2026, 1, 16),
            shown: d(2026, 1, 16),
            shown_label: Some(Label::Updated),
            ..Default::default()
        };
        assert_eq!(c.decide(), d(2022, 3, 17));
        // 03/10/2023 read the other way when another clue says so.
        let c = DateClues {
            shown: d(2023, 3, 10),
            time: d(2023, 10, 3),
            ..Default::default()
        };
        assert_eq!(c.decide(), d(2023, 10, 3));
    }

    #[test]
    fn published_scanned_in_page_data() {
        let page = r#"<div data-props="{&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}"></div>"#;
        assert_eq!(scan_published(page), d(2025, 11, 17));
        let page = r#"<script id="__NEXT_DATA__">{\"datePublished\":\"2024-02-03\"}</script>"#;
        assert_eq!(scan_published(page), d(2024, 2, 3));
        assert_eq!(scan_published("datePublished is unknown, 2024-02-03"), None);
    }

    #[test]
    fn shown_date_wins_unless_the_published_one_is_shown_too() {
        let c = DateClues {
            published: d(2025, 1, 29),
            modified: d(2025, 8, 19),
            shown: d(2025, 8, 19),
            near: vec![d(2025, 8, 19).unwrap()],
            ..Default::default()
        };
        assert_eq!(c.decide(), d(2025, 8, 19));
        let c = DateClues {
            published: d(2025, 1, 29),
            shown: d(2025, 8, 19),
            near: vec![d(2025, 8, 19).unwrap(), d(2025, 1, 29).unwrap()],
            ..Default::default()
        };
        assert_eq!(c.decide(), d(2025, 1, 29));
        let c = DateClues {
            modified: d(2024, 2, 2),
            time: d(2024, 1, 1),
            ..Default::default()
        };
        assert_eq!(c.decide(), d(2024, 2, 2));
    }
}
