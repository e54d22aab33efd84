//! Head stamps: before the story's first paragraph, lone dates, a lone
//! "By", "Last updated" stamps and credits are the article's metadata, not
//! its text. Also the list of credit openings shared with the sign-off.

use super::teasers::date_only;
use crate::html::dom::Flat;

/// Before the story's first paragraph, dates standing alone, a lone "By"
/// and "Last updated" stamps are the article's metadata, not its text.
pub(super) fn drop_head_stamps(flat: &Flat, chosen: Vec<usize>) -> Vec<usize> {
    let Some(lead) = chosen
        .iter()
        .position(|&i| flat.blocks[i].text.len() >= LEAD)
    else {
        return chosen;
    };
    chosen
        .iter()
        .enumerate()
        .filter(|&(k, &i)| k >= lead || !head_stamp(&flat.blocks[i].text))
        .map(|(_, &i)| i)
        .collect()
}

/// Bytes of a block that opens the story proper.
const LEAD: usize = 100;

pub(super) fn head_stamp(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    date_only(text)
        || (lower.len() < 80
            && (HEAD_STAMPS
                .iter()
                .chain(&CREDITS)
                .any(|p| lower.starts_with(p))
                || (lower.starts_with("published") && lower.ends_with(" ago"))))
        || lower == "by"
}

/// Openings of the stamps above a story besides the [`CREDITS`]:
/// "Updated on 09/10/2025", "Posted by", "Medically reviewed by Dr Ann Lee".
const HEAD_STAMPS: [&str; 8] = [
    "last updated",
    "updated:",
    "updated on",
    "published:",
    "published on",
    "posted by",
    "posted on",
    "medically reviewed by",
];

/// Openings of a story's credits: a stamp above it, or the heading of a
/// credits box below it.
pub(super) const CREDITS: [&str; 5] = [
    "written by",
    "reviewed by",
    "edited by",
    "fact checked by",
    "fact-checked by",
];
