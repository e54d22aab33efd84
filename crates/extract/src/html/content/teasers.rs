//! The teaser cut: past most of the story, dates standing alone (each over
//! a teaser's title and summary) open a list of other posts, which goes.

use crate::html::dom::Flat;

/// A block that is only a date: "Dec 19, 2025", "March 29, 2025".
pub(super) fn date_only(text: &str) -> bool {
    text.len() <= 40 && crate::dates::any(text).is_some()
}

/// Cut a run of teasers after the story: past most of it, dates standing
/// alone twice or more (each over a teaser's title and summary) open
/// a list of other posts, from the title or label just before the first.
pub(super) fn cut_teasers(flat: &Flat, chosen: Vec<usize>) -> Vec<usize> {
    let total: usize = chosen.iter().map(|&i| flat.blocks[i].text.len()).sum();
    let dated: Vec<bool> = chosen
        .iter()
        .map(|&i| date_only(&flat.blocks[i].text))
        .collect();
    let all_dates = dated.iter().filter(|&&d| d).count();
    let (mut seen, mut before) = (0, 0);
    for (k, &i) in chosen.iter().enumerate() {
        if seen * 2 >= total && dated[k] {
            // From here on, this one included.
            let dates = all_dates - before;
            // Dates as dense before as after: the page is itself a dated
            // list (events, a blog's archive), not a story with teasers.
            let list = before >= LIST_DATES && before * 2 >= dates;
            if dates >= TEASER_DATES && !list {
                let mut cut = k;
                while cut > 0 && k - cut < 2 && flat.blocks[chosen[cut - 1]].text.len() < 100 {
                    cut -= 1;
                }
                return chosen[..cut].to_vec();
            }
        }
        before += usize::from(dated[k]);
        seen += flat.blocks[i].text.len();
    }
    chosen
}

/// Dates standing alone before the middle that make a page a dated list
/// (a story has one or two: published, updated).
const LIST_DATES: usize = 3;

/// Lone dates after the story that mark a list of teasers.
const TEASER_DATES: usize = 2;
