//! The byline a reader sees near the headline.
//!
//! Pages write it in a few shapes: "By Ann Example", "Published March 25,
//! 2016 by Ann Example", "Ann Example • Mar 25, 2016", or a label block
//! ("Written by", "Author") followed by the name in a block of its own.
//! Only the texts around the headline are read (blocks, and footers and
//! asides that sit there), so a commenter or a related story's author is
//! not taken for the story's.

use super::date::{texts_between, window};
use super::dom::Flat;
use super::meta::{clean_author, plausible_name, visible_byline};

/// Labels that stand before the name, in a block of their own.
const LABELS: [&str; 8] = [
    "by",
    "written by",
    "author",
    "authors",
    "article by",
    "posted by",
    "words by",
    "story by",
];

/// The byline near the headline (or at the top of a page without one).
pub fn near_headline(flat: &Flat, headline: Option<usize>) -> Option<String> {
    let (lo, hi) = window(flat, headline);
    let texts: Vec<&str> = texts_between(flat, lo, hi).collect();
    texts.iter().enumerate().find_map(|(i, t)| {
        visible_byline(t)
            .or_else(|| inside(t))
            .or_else(|| after_label(t, texts.get(i + 1).copied()))
    })
}

/// "Published March 25, 2016 by Ann Example": the name after a " by ".
fn inside(text: &str) -> Option<String> {
    if text.len() > 160 {
        return None;
    }
    let lower = text.to_lowercase();
    let at = lower.rfind(" by ")?;
    visible_byline(&text[at + 1..])
}

/// A label block, then the name.
fn after_label(text: &str, next: Option<&str>) -> Option<String> {
    let label = text.trim().trim_end_matches(':').to_lowercase();
    if !LABELS.contains(&label.as_str()) {
        return None;
    }
    let name = clean_author(next?);
    plausible_name(&name).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_of_bylines() {
        assert_eq!(
            inside("Published August 7, 2023 by Nicole Burke").as_deref(),
            Some("Nicole Burke")
        );
        assert_eq!(
            after_label("Written by", Some("Edzel Tabing")).as_deref(),
            Some("Edzel Tabing")
        );
        assert_eq!(after_label("Author:", Some("March 3, 2020")), None);
        assert_eq!(inside("stand by me"), None);
    }
}
