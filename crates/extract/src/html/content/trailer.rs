//! The trailer cut: after most of the story, a trailer heading ("Related
//! posts", "Leave a reply", "12 comments") or a copyright line ends it;
//! what follows is furniture that sat in the story's container.

use crate::html::dom::Flat;

/// Headings that open the page furniture after a story: related links,
/// teasers, author boxes, comments, calls to action.
const TRAILER_HEADINGS: &[&str] = &[
    "related",
    "related post",
    "related posts",
    "related articles",
    "related stories",
    "related content",
    "related news",
    "related blogs",
    "related reading",
    "latest news",
    "latest posts",
    "latest articles",
    "latest blogs",
    "recent posts",
    "recent articles",
    "recent blogs",
    "more news",
    "more stories",
    "more articles",
    "more you might like",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "other articles you may find interesting",
    "read next",
    "read this next",
    "keep reading",
    "popular posts",
    "most popular",
    "most read",
    "trending now",
    "leave a reply",
    "leave a comment",
    "join the conversation",
    "comments",
    "contact us",
    "share this",
    "share this article",
    "share this post",
    "about the author",
    "about the contributor",
    "about the reviewer",
    "about our expert",
    "discussion about this post",
    "reader interactions",
    "comments are closed",
    "sources",
    "article sources",
    "footnotes",
    "further reading",
    "related topics",
    "tags",
    "explore more",
    "explore more on these topics",
    "more articles from us",
    "connect with us",
    "read this next",
    "all reads on this topic",
    "want to work with us?",
    "recommended for you",
    "recommended articles",
    "more like this",
    "up next",
    "what to read next",
    "you may also be interested in",
    "popular articles",
    "trending",
    "latest stories",
    "latest",
    "more videos",
    "disclaimer",
    "related resources",
    "latest insights",
    "top resources",
    "also read",
    "browse related articles",
    "rate this article",
    "how useful was this post?",
    "thanks for reading",
    "testimonials",
    "follow us",
    "be the first to know",
    "contributor",
    "citations",
    "request a demo",
    "book a demo",
];

/// Trailer headings with a count or a name in them: "12 comments",
/// "Responses (18)", "More from Example Blog".
fn trailer_heading(label: &str) -> bool {
    if TRAILER_HEADINGS.contains(&label)
        || ["more from ", "comment via"]
            .iter()
            .any(|p| label.starts_with(p))
        || [
            "you might enjoy",
            "you may also enjoy",
            "you may also like",
            "you might also like",
            "this article helpful",
            "this content helpful",
            "this page helpful",
            "this post helpful",
        ]
        .iter()
        .any(|p| label.contains(p))
    {
        return true;
    }
    let counted = |rest: &str| {
        matches!(
            rest.trim_matches(['(', ')', ' ']),
            "comment" | "comments" | "response" | "responses" | "replies" | "thoughts"
        )
    };
    let digits = label.trim_start_matches(|c: char| c.is_ascii_digit());
    let tail = label.trim_end_matches(|c: char| c.is_ascii_digit() || c == ')');
    (digits.len() < label.len() && counted(digits)) || (tail.len() < label.len() && counted(tail))
}

/// Cut the chosen blocks at the first trailer heading ("Related posts",
/// "Leave a reply") that comes after most of the story: what follows it is
/// furniture that sat in the story's container.
pub(super) fn cut_trailer(flat: &Flat, chosen: Vec<usize>) -> Vec<usize> {
    let total: usize = chosen.iter().map(|&i| flat.blocks[i].text.len()).sum();
    let mut seen = 0;
    for (k, &i) in chosen.iter().enumerate() {
        let b = &flat.blocks[i];
        // After most of the chosen text: what follows is furniture.
        let story_told = seen * 2 >= total
            || (seen >= STORY_TOLD && boxed_apart(flat, &chosen[..k], &chosen[k..]));
        if story_told && copyright(&b.text) {
            return chosen[..k].to_vec();
        }
        if story_told && b.text.len() <= 60 {
            let label = b.text.to_lowercase();
            let label = label.trim_end_matches([':', '.', '!', ' ']);
            if trailer_heading(label) {
                return chosen[..k].to_vec();
            }
        }
        seen += b.text.len();
    }
    chosen
}

/// Text (bytes) after which a trailer heading ends the story even when the
/// furniture after it outweighs it.
const STORY_TOLD: usize = 1_500;

/// Whether the blocks `rest` sit in a box of their own after the story
/// `told`: the nearest element around the first of them that holds them all
/// holds none of the story (a "Latest news" box after it, not an aside in it).
fn boxed_apart(flat: &Flat, told: &[usize], rest: &[usize]) -> bool {
    let (Some(&first), Some(&last)) = (rest.first(), rest.last()) else {
        return false;
    };
    let Some(&prev) = told.last() else {
        return false;
    };
    let (last_elem, prev_elem) = (flat.blocks[last].elem, flat.blocks[prev].elem);
    let mut at = flat.elems[flat.blocks[first].elem].parent;
    while let Some(e) = at {
        let range = e..=flat.elems[e].last;
        if range.contains(&prev_elem) {
            return false;
        }
        if range.contains(&last_elem) {
            return true;
        }
        at = flat.elems[e].parent;
    }
    false
}

/// "Copyright © 2025 Example Inc", "© 2025 Example", "... All rights
/// reserved.": the page's footer.
fn copyright(text: &str) -> bool {
    let reserved = text.len() < 200 && text.to_lowercase().contains("all rights reserved");
    reserved
        || text.len() < 120 && {
            let lower = text.trim_start().to_lowercase();
            let rest = lower
                .strip_prefix("copyright")
                .unwrap_or(&lower)
                .trim_start();
            rest.starts_with('©')
                || rest.starts_with("(c)")
                || (rest.len() < lower.len() && rest.starts_with(|c: char| c.is_ascii_digit()))
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copyright_lines() {
        assert!(copyright("Copyright © 2025 Example Inc"));
        assert!(copyright("© 2025 Example"));
        assert!(copyright("Copyright 2024 Example News"));
        assert!(copyright(
            "Text © 2023 NPR. All rights reserved. See our terms."
        ));
        assert!(!copyright("Copyright license"));
        assert!(!copyright("Copyright law protects authors"));
    }

    #[test]
    fn trailer_headings_with_counts_and_names() {
        for label in [
            "12 comments",
            "responses (18)",
            "more from example blog",
            "discussion about this post",
            "more articles you might enjoy",
            "was this article helpful?",
        ] {
            assert!(trailer_heading(label), "{label}");
        }
        for label in ["comments on the bill", "12 ways to save", "related article"] {
            assert!(!trailer_heading(label), "{label}");
        }
    }
}
