//! Which of the dates a page carries is its publication date.
//!
//! A page states dates in several places that disagree: metadata says when
//! the story was first published and when it was last modified; the page
//! shows a reader a date near the headline, often "Updated ..."; the URL may
//! hold one; sidebars and comments hold many more. The order here is what
//! measured best on wcxb-dev, whose annotators took the date a reader sees:
//! the stated publication date when the page also shows it by the headline,
//! else the first date shown by the headline, else the stated publication
//! date, the modification date, the URL's date and the first `<time>`.
//! (Where the page shows only an "Updated" date, the annotations are split
//! almost evenly between it and the stated publication date.)

use detente_core::Date;

use super::dom::{BlockKind, Flat};
use super::meta::Meta;
use crate::dates;

/// Every date clue found on a page, for the decision and for explaining it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DateClues {
    /// Stated publication date (JSON-LD, OpenGraph, `<meta>`, microdata).
    pub published: Option<Date>,
    /// Stated modification date.
    pub modified: Option<Date>,
    /// The date shown near the headline (the first in the page without one).
    pub shown: Option<Date>,
    /// Every date shown near the headline, in page order.
    pub near: Vec<Date>,
    /// A date in the page's URL.
    pub url: Option<Date>,
    /// The first `<time datetime>` in the page.
    pub time: Option<Date>,
}

impl DateClues {
    /// Gather the clues of a flattened page.
    pub fn gather(flat: &Flat, headline: Option<usize>, meta: &Meta, urls: &[&str]) -> Self {
        DateClues {
            published: meta.date,
            modified: meta.modified,
            shown: shown(flat, headline),
            near: near(flat, headline),
            url: urls.iter().find_map(|u| dates::from_url(u)),
            time: meta.fallback_date,
        }
    }

    /// The publication date, as the module doc explains.
    pub fn decide(&self) -> Option<Date> {
        if let Some(p) = self.published.filter(|p| self.near.contains(p)) {
            return Some(p);
        }
        self.shown
            .or(self.published)
            .or(self.modified)
            .or(self.url)
            .or(self.time)
    }
}

/// How far after the headline a byline date may sit (blocks).
const NEAR: usize = 25;

/// The date a reader sees by the headline: the first short text holding a
/// full date within a few blocks of it (a footer or aside there counts: many
/// pages put the byline in one); without a headline, the first in the page.
fn shown(flat: &Flat, headline: Option<usize>) -> Option<Date> {
    let n = flat.blocks.len();
    match headline {
        Some(h) => {
            let after = texts_between(flat, h, (h + NEAR).min(n)).find_map(text_date);
            let before = || {
                let texts: Vec<&str> = texts_between(flat, h.saturating_sub(5), h).collect();
                texts.into_iter().rev().find_map(text_date)
            };
            after.or_else(before)
        }
        None => texts_between(flat, 0, n).find_map(text_date),
    }
}

/// All dates shown within the window around the headline.
fn near(flat: &Flat, headline: Option<usize>) -> Vec<Date> {
    let (lo, hi) = window(flat, headline);
    texts_between(flat, lo, hi).filter_map(text_date).collect()
}

/// The blocks around the headline where bylines and dates sit: a few
/// before it and [`NEAR`] after; the page's first blocks without one.
pub(super) fn window(flat: &Flat, headline: Option<usize>) -> (usize, usize) {
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

fn text_date(text: &str) -> Option<Date> {
    if text.len() >= 160 {
        return None;
    }
    dates::in_words(text, None).or_else(|| (text.len() < 60).then(|| dates::numeric(text))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<Date> {
        Date::from_ymd_opt(y, m, day)
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
            url: d(2024, 1, 1),
            ..Default::default()
        };
        assert_eq!(c.decide(), d(2024, 2, 2));
    }
}
