//! HTML pages: the main content and the metadata.
//!
//! The page is parsed once by our own parser ([`parse`], into the arena
//! [`tree`]), flattened to text blocks ([`dom`]), the article's blocks chosen
//! by content scoring ([`content`]) and the metadata read from the head and
//! the markup ([`meta`]). Pages larger than [`MAX_HTML`] are cut there
//! first: the article of a real page sits in its first megabytes, and the
//! cap bounds time and memory on hostile input; the parser caps nesting the
//! same way.

pub mod byline;
pub mod content;
pub mod date;
pub mod dom;
pub mod meta;
pub mod parse;
pub mod title;
pub mod tree;

use detente_core::Article;

use crate::lang;
pub use date::DateClues;
use dom::BlockKind;

/// The most HTML read from one page (bytes).
pub const MAX_HTML: usize = 8 * 1024 * 1024;

/// Extract the article of an HTML page fetched from `url` (if known).
pub fn extract(html: &str, url: Option<&str>) -> Article {
    extract_explained(html, url).0
}

/// [`extract`], with the date clues the article's date was chosen from.
pub fn extract_explained(html: &str, url: Option<&str>) -> (Article, DateClues) {
    let raw = truncate(html, MAX_HTML);
    let page = parse::parse(raw);
    let flat = dom::flatten(&page);
    let chosen = or_fragment(content::select(&flat), &flat);
    let mut meta = meta::read(&page);
    if meta.date.is_none() {
        meta.date = date::scan_published(raw);
    }
    let headline_at = headline(&flat, &chosen);
    let stated = title::Stated {
        titles: &meta.stated_titles,
        site_names: &meta.site_names,
    };
    let best = headline_at.map(|i| flat.blocks[i].text.as_str());
    let title = title::choose(best, &other_headlines(&flat, headline_at), &stated)
        .map(|t| crate::text::repair_latin1_mojibake(&t));

    let mut paragraphs: Vec<&str> = Vec::new();
    for &i in &chosen {
        let b = &flat.blocks[i];
        // The headline is the title, not the body.
        if b.kind == BlockKind::Heading(1)
            && meta.title.as_deref().is_some_and(|t| same_text(t, &b.text))
        {
            continue;
        }
        // "By Staff Reporter" is the byline, not the story.
        if b.kind != BlockKind::Heading(1) && meta::visible_byline(&b.text).is_some() {
            continue;
        }
        paragraphs.push(&b.text);
    }
    // "NEW DELHI, June 16 (Reuters) --" opening the story is its dateline.
    let dateline = paragraphs
        .first()
        .and_then(|p| crate::dateline::parse(p, None))
        .filter(|d| d.place.is_some());
    if let (Some(d), Some(first)) = (&dateline, paragraphs.first_mut()) {
        *first = first[d.len..].trim_start();
    }
    let mut body = paragraphs.join("\n\n");
    // A page whose story is drawn by scripts has no text in its markup;
    // its own summary is the best that can be said of it.
    if body.is_empty() {
        body = meta
            .description
            .clone()
            .filter(|d| d.len() >= 80)
            .unwrap_or_default();
    }
    let mut article = Article::from_body(body);
    let page_url = meta.url.clone().or_else(|| url.map(str::to_string));
    let urls: Vec<&str> = page_url.as_deref().into_iter().chain(url).collect();
    let clues = DateClues::gather(&flat, headline_at, &meta, &urls);
    article.date = clues.decide();
    article.title = title;
    article.publisher = meta.publisher;
    article.byline = meta
        .author
        .or_else(|| byline::near_headline(&flat, headline_at))
        .or(meta.weak_author)
        .or_else(|| {
            flat.blocks
                .iter()
                .find_map(|b| meta::visible_byline(&b.text))
        });
    article.dateline = dateline.map(|d| d.text);
    article.url = page_url;
    article.language = meta.language.or_else(|| lang::guess(&article.body));
    (article, clues)
}

/// The headline a reader sees: the last `<h1>` before the article's first
/// block, else the first inside it. Stated titles (OpenGraph, `<title>`) are
/// often SEO variants of it, so the visible one wins.
pub fn headline(flat: &dom::Flat, chosen: &[usize]) -> Option<usize> {
    let is_h1 = |b: &dom::Block| {
        b.kind == BlockKind::Heading(1)
            && b.text.split_whitespace().count() >= 2
            && b.text.len() < 300
    };
    let first = chosen.first().copied().unwrap_or(flat.blocks.len());
    let before = (0..first.min(flat.blocks.len()))
        .rev()
        .find(|&i| is_h1(&flat.blocks[i]));
    let inside = || chosen.iter().copied().find(|&i| is_h1(&flat.blocks[i]));
    before.or_else(inside)
}

/// A fragment (a feed item's summary, a pasted paragraph) has no prose
/// long enough to score, yet all of it is the story: when scoring chose
/// nothing, a small page is kept whole.
fn or_fragment(chosen: Vec<usize>, flat: &dom::Flat) -> Vec<usize> {
    let chars: usize = flat.blocks.iter().map(|b| b.text.len()).sum();
    if !chosen.is_empty() || chars > FRAGMENT {
        return chosen;
    }
    (0..flat.blocks.len())
        .filter(|&i| !flat.elems[flat.blocks[i].elem].in_widget)
        .collect()
}

/// The most text (bytes) a page may hold to be kept whole as a fragment.
const FRAGMENT: usize = 2_000;

/// Visible `<h1>` texts other than the best-placed one, in page order.
fn other_headlines(flat: &dom::Flat, best: Option<usize>) -> Vec<&str> {
    flat.blocks
        .iter()
        .enumerate()
        .filter(|&(i, b)| b.kind == BlockKind::Heading(1) && Some(i) != best && b.text.len() < 300)
        .map(|(_, b)| b.text.as_str())
        .collect()
}

fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    norm(a) == norm(b)
}

/// `s` cut to at most `max` bytes, at a character boundary.
fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}
