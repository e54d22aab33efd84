//! Which blocks of a flattened page are the article.
//!
//! Content scoring in the manner of readability, on the flat page:
//! 1. every prose block (25+ characters, mostly not links) scores
//!    1 + its commas (at most 10) + up to 3 for length, added in full to the element that
//!    holds it, half to the one above, a third to the one above that;
//! 2. an element's score is scaled down by its link density;
//! 3. the best element is the article (climbing to an ancestor a level or
//!    two up that gathers more of the story), joined by siblings that score
//!    well or hold prose of their own;
//! 4. inside it, blocks that are mostly links, or short widget labels, go;
//!    the story ends at a trailer heading ("Related posts") or a copyright
//!    line after most of it, and a long paragraph seen before is not repeated.
//!
//! [`select`] (the entry point; [`explain`] shows its choice) chooses the
//! element in steps 1–3, then narrows that element's blocks in step 4 with
//! filters and cuts that only ever remove blocks, in this order:
//!
//! | step | file | job |
//! |---|---|---|
//! | 1–3 | `scoring.rs` | scores, the best element, the page's `<article>`/`<main>` mark, siblings |
//! | 4 | `blocks.rs` | the per-block furniture filter: labels, link lists, photo credits, notices, stamps, reading time, form prompts, tags, affiliate disclosures |
//! | 4 | `trailer.rs` | cut at a trailer heading or a copyright line after most of the story |
//! | 4 | `teasers.rs` | cut at a run of lone dates that opens a list of teasers |
//! | 4 | `stamps.rs` | drop the dates, "By" and "Updated" stamps before the lead |
//! | 4 | `coda.rs` | cut at the sign-off: donation plea, credits box, call to action, author bio |
//! | 4 | this file | a long paragraph seen before is not repeated |
//!
//! Tests of a single filter sit beside it; tests of the whole selection
//! are in `tests.rs`.

mod blocks;
mod coda;
mod scoring;
mod stamps;
mod teasers;
mod trailer;

#[cfg(test)]
mod tests;

use super::dom::Flat;
use blocks::keep_block;
use coda::cut_coda;
use scoring::{best, score, with_siblings};
use stamps::drop_head_stamps;
use teasers::cut_teasers;
use trailer::cut_trailer;

/// The element chosen as the article and the top-scoring element it was
/// climbed to from, for explaining a choice.
pub fn explain(flat: &Flat) -> Option<(usize, usize, f64)> {
    let scores = score(flat);
    let top = (0..flat.elems.len())
        .filter(|&e| scores[e] > 0.0)
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))?;
    Some((best(flat, &scores)?.0, top, scores[top]))
}

/// Indices of the blocks that make up the article, in document order.
pub fn select(flat: &Flat) -> Vec<usize> {
    let scores = score(flat);
    let Some((best, marked)) = best(flat, &scores) else {
        return Vec::new();
    };
    // The page marked the story itself: its neighbours are not the story.
    let ranges = if marked {
        vec![(best, flat.elems[best].last)]
    } else {
        with_siblings(flat, &scores, best)
    };
    // Widgets inside the article go, unless the article itself sits in one.
    let drop_widgets = !flat.elems[best].in_widget;
    let chosen: Vec<usize> = flat
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&b.elem)))
        .filter(|(_, b)| !(drop_widgets && flat.elems[b.elem].in_widget))
        .filter(|(_, b)| keep_block(b))
        .map(|(i, _)| i)
        .collect();
    let chosen = cut_trailer(flat, chosen);
    let chosen = cut_teasers(flat, chosen);
    let chosen = drop_head_stamps(flat, chosen);
    let chosen = cut_coda(flat, chosen);
    // A story rendered twice (a print or mobile copy in the same
    // container) is read once: a long paragraph seen before goes.
    let mut seen = std::collections::HashSet::new();
    chosen
        .into_iter()
        .filter(|&i| {
            let t = flat.blocks[i].text.as_str();
            t.len() < REPEAT || seen.insert(t)
        })
        .collect()
}

/// Paragraphs this long (bytes) are not repeated in one story.
const REPEAT: usize = 80;
