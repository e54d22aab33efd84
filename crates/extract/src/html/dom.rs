//! The page flattened to text blocks, in one pass over the DOM.
//!
//! Scoring a DOM is easiest on a flat list: every element gets an index in
//! document order (so a parent's index is below its children's and an
//! element's descendants are the contiguous run after it), and every run of
//! text between block boundaries becomes a [`Block`] owned by the innermost
//! block element around it. The walk is iterative, so 100,000 nested tags
//! cost memory, not stack.
//!
//! Subtrees that are never article text are skipped here: scripts and
//! styles, buttons, navigation, asides and footers, figure captions
//! (photo credits). Elements that are hidden, forms, and elements whose class
//! or id names a widget (share bars, comments, related links, newsletter and
//! cookie boxes, breadcrumbs, tickers) are only marked: page builders put such
//! names on the story's wrappers too, so [`total_up`] drops a mark where the
//! element holds real prose.

pub use super::parse::Tag;
use super::tree::{Edge, Element, Tree};

use crate::text::squash;

/// One element of the page, as far as scoring needs it.
#[derive(Debug, Clone)]
pub struct Elem {
    pub parent: Option<usize>,
    /// The element's name; names HTML gives no rule for are `Tag::Other`.
    pub tag: Tag,
    /// Index of the last element inside this one (itself when it has none).
    pub last: usize,
    /// Characters of text in blocks inside this element, and of those in links.
    pub chars: usize,
    pub link_chars: usize,
    /// Blocks of prose (25+ characters) inside, directly or deeper.
    pub paragraphs: usize,
    /// The class or id names a widget (share bar, comments, related links).
    pub widget: bool,
    /// Inside a widget-named element that holds little prose: not article text.
    pub in_widget: bool,
    /// The class or id names a comment thread: readers' text, however much prose.
    pub comments: bool,
}

/// What a block of text is, for layout and filtering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading(u8),
    ListItem,
    Quote,
    Preformatted,
    Cell,
    Other,
}

/// A run of text between block boundaries.
#[derive(Debug, Clone)]
pub struct Block {
    /// The innermost block element holding the text.
    pub elem: usize,
    pub kind: BlockKind,
    pub text: String,
    /// Characters of the text inside links.
    pub link_chars: usize,
}

/// Text of a skipped `<footer>` or `<aside>`: never body text, but where
/// many pages put the byline and date of the story.
#[derive(Debug, Clone)]
pub struct Aside {
    /// Index of the block that follows it (it sits before that block).
    pub before: usize,
    pub text: String,
}

/// The flattened page.
#[derive(Debug, Default)]
pub struct Flat {
    pub elems: Vec<Elem>,
    pub blocks: Vec<Block>,
    /// Short texts of skipped footers and asides, in document order.
    pub asides: Vec<Aside>,
}

/// Skipped subtrees whose short texts are kept as [`Aside`]s.
fn keeps_asides(tag: &str) -> bool {
    matches!(tag, "footer" | "aside")
}

/// The longest aside text kept: a byline or a date, not a sidebar.
const MAX_ASIDE: usize = 160;

/// Tags that start and end a block of text.
pub(crate) fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "td"
            | "th"
            | "tr"
            | "table"
            | "tbody"
            | "thead"
            | "center"
            | "address"
            | "details"
            | "summary"
            | "hr"
            | "body"
            | "html"
            | "header"
    )
}

/// Tags whose content is never article text.
fn is_skipped_tag(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "iframe"
            | "button"
            | "select"
            | "textarea"
            | "input"
            | "nav"
            | "aside"
            | "footer"
            | "figcaption"
            | "menu"
            | "dialog"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "head"
            | "title"
            | "label"
            | "option"
    )
}

/// Words in class/id values that name page widgets, not story text.
const WIDGET_WORDS: [&str; 44] = [
    "comment",
    "comments",
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "cookie",
    "cookies",
    "consent",
    "breadcrumb",
    "breadcrumbs",
    "ticker",
    "sidebar",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "subscribe",
    "subscription",
    "popup",
    "modal",
    "footer",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "masthead",
    "caption",
    "credit",
    "credits",
    "recommended",
    "tags",
    "print",
    "toolbar",
    "banner",
    "disqus",
    "outbrain",
    "taboola",
    "sponsored",
    "byline",
    "author",
    "skip",
];

/// Prefixes of run-together class names ("sharebar", "relatedposts").
const WIDGET_PREFIXES: [&str; 9] = [
    "share",
    "social",
    "related",
    "comment",
    "newsletter",
    "breadcrumb",
    "sidebar",
    "cookie",
    "advert",
];

/// Whether an element has a role that is never the article.
fn is_hidden(el: &Element) -> bool {
    !matches!(el.name(), "html" | "body" | "article" | "main")
        && matches!(
            el.attr("role"),
            Some("navigation" | "complementary" | "contentinfo" | "banner" | "menu" | "dialog")
        )
}

/// Hidden markup is a hint like a widget name: cookie and newsletter popups
/// are hidden, but so is the story in pages that stream it in (React's
/// `<div hidden id="S:0">`), so the content step decides.
fn is_soft_hidden(el: &Element) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    el.attr("style").is_some_and(|style| {
        let s = style.to_ascii_lowercase().replace(' ', "");
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Whether an element's class or id names a page widget. Only a hint: page
/// builders put "widget" on everything, so the content step decides.
fn is_widget(el: &Element) -> bool {
    match el.name() {
        "html" | "body" | "article" | "main" | "p" => return false,
        // A search box or signup form; but ASP.NET wraps whole pages in one.
        "form" => return true,
        _ => {}
    }
    let names = [el.attr("class").unwrap_or(""), el.attr("id").unwrap_or("")];
    names.iter().any(|v| {
        v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|w| {
                WIDGET_WORDS.iter().any(|x| x.eq_ignore_ascii_case(w))
                    || WIDGET_PREFIXES
                        .iter()
                        .any(|p| starts_with_ignore_case(w, p))
            })
    })
}

/// Whether an element's class or id names a thread of readers' comments
/// ("comments", "comment-list", "commentlist", "disqus_thread").
fn is_comment_thread(el: &Element) -> bool {
    if matches!(el.name(), "html" | "body" | "article" | "main" | "p") {
        return false;
    }
    let names = [el.attr("class").unwrap_or(""), el.attr("id").unwrap_or("")];
    names.iter().any(|v| {
        v.split_whitespace().any(|w| {
            let is =
                |part: &str, names: &[&str]| names.iter().any(|n| n.eq_ignore_ascii_case(part));
            let mut parts = w.split(['-', '_']);
            match (parts.next(), parts.next(), parts.next()) {
                (Some(a), None, _) => is(a, &["comments", "commentlist"]),
                (Some(a), Some(b), None) => {
                    (is(a, &["disqus"]) && is(b, &["thread"]))
                        || (is(a, &["comment", "comments"])
                            && is(b, &["list", "area", "section", "thread"]))
                }
                _ => false,
            }
        })
    })
}

fn starts_with_ignore_case(word: &str, prefix: &str) -> bool {
    word.len() >= prefix.len()
        && word.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

fn kind_of(tag: Tag) -> BlockKind {
    match tag {
        Tag::P => BlockKind::Paragraph,
        Tag::H1 => BlockKind::Heading(1),
        Tag::H2 => BlockKind::Heading(2),
        Tag::H3 => BlockKind::Heading(3),
        Tag::H4 | Tag::H5 | Tag::H6 => BlockKind::Heading(4),
        Tag::Li | Tag::Dd | Tag::Dt => BlockKind::ListItem,
        Tag::Blockquote => BlockKind::Quote,
        Tag::Pre => BlockKind::Preformatted,
        Tag::Td | Tag::Th => BlockKind::Cell,
        _ => BlockKind::Other,
    }
}

/// Text gathered since the last block boundary.
#[derive(Default)]
struct Pending {
    text: String,
    link_chars: usize,
}

/// Flatten `html` into elements and text blocks.
///
/// Tag soup sometimes leaves an `<aside>` or `<nav>` unclosed, and the
/// parser then puts the whole page inside it. When skipping such layout
/// elements leaves almost no text, the page is flattened again with them
/// read as widget hints instead (see [`total_up`]).
pub fn flatten(html: &Tree) -> Flat {
    let strict = flatten_with(html, false);
    let chars: usize = strict.blocks.iter().map(|b| b.text.len()).sum();
    if chars >= 500 {
        return strict;
    }
    let lenient = flatten_with(html, true);
    let more: usize = lenient.blocks.iter().map(|b| b.text.len()).sum();
    if more > chars * 4 { lenient } else { strict }
}

/// Layout elements that are skipped, unless the page is read leniently.
fn is_layout(tag: &str) -> bool {
    matches!(tag, "nav" | "aside" | "footer" | "header")
}

fn flatten_with(html: &Tree, lenient: bool) -> Flat {
    let mut flat = Flat::default();
    let mut open: Vec<usize> = Vec::new(); // elements on the current path
    let mut blocks_open: Vec<usize> = Vec::new(); // block elements on the path
    let mut skip = 0usize; // depth inside a skipped subtree
    let mut links = 0usize; // depth inside <a>
    let mut pending = Pending::default();
    // Depth inside a skipped subtree where asides are kept (0: not in one).
    let mut aside_at = 0usize;
    let mut aside = String::new();

    for edge in html.walk(html.root()) {
        match edge {
            Edge::Open(node) => match (html.element(node), html.text(node)) {
                (Some(el), _) => {
                    let el = &el;
                    let tag = el.name();
                    let skipped = is_skipped_tag(tag) && !(lenient && is_layout(tag));
                    if skip > 0 || skipped || is_hidden(el) {
                        skip += 1;
                        if skip == 1 && keeps_asides(tag) {
                            aside_at = 1;
                        } else if aside_at > 0 && is_skipped_tag(tag) {
                            aside_at = usize::MAX; // scripts inside: stop keeping
                        }
                        continue;
                    }
                    let block = is_block(tag);
                    if block || tag == "br" {
                        flush(
                            &mut flat,
                            &mut pending,
                            blocks_open.last().copied(),
                            tag == "br",
                        );
                    }
                    let index = flat.elems.len();
                    flat.elems.push(Elem {
                        parent: open.last().copied(),
                        tag: Tag::of(tag.as_bytes()),
                        last: index,
                        chars: 0,
                        link_chars: 0,
                        paragraphs: 0,
                        // A <header> (and, read leniently, a nav, aside or
                        // footer) is a widget hint: furniture unless it holds the prose.
                        widget: is_widget(el) || is_soft_hidden(el) || is_layout(tag),
                        in_widget: false,
                        comments: is_comment_thread(el),
                    });
                    open.push(index);
                    if block {
                        blocks_open.push(index);
                    }
                    links += usize::from(tag == "a");
                }
                (_, Some(t)) if skip == 0 => {
                    if links > 0 {
                        pending.link_chars += t.trim().chars().count();
                    }
                    pending.text.push_str(t);
                }
                (_, Some(t)) if aside_at == 1 && aside.len() < 4 * MAX_ASIDE => {
                    aside.push_str(t);
                    aside.push(' ');
                }
                _ => {}
            },
            Edge::Close(node) => {
                let Some(el) = html.element(node) else {
                    continue;
                };
                if skip > 0 {
                    skip -= 1;
                    if aside_at > 0 && (skip == 0 || is_block(el.name())) {
                        flush_aside(&mut flat, &mut aside);
                    }
                    if skip == 0 {
                        aside_at = 0;
                    }
                    continue;
                }
                let tag = el.name();
                if is_block(tag) {
                    flush(&mut flat, &mut pending, blocks_open.last().copied(), false);
                    blocks_open.pop();
                }
                links = links.saturating_sub(usize::from(tag == "a"));
                if let Some(index) = open.pop() {
                    flat.elems[index].last = flat.elems.len() - 1;
                }
            }
        }
    }
    flush(&mut flat, &mut pending, blocks_open.last().copied(), false);
    total_up(&mut flat);
    flat
}

fn flush_aside(flat: &mut Flat, aside: &mut String) {
    let text = squash(aside);
    aside.clear();
    if !text.is_empty() && text.len() <= MAX_ASIDE {
        flat.asides.push(Aside {
            before: flat.blocks.len(),
            text,
        });
    }
}

/// End the current run of text: it becomes a block of the innermost open block
/// element. A `<br>` only ends a run when it follows another (a blank line).
fn flush(flat: &mut Flat, pending: &mut Pending, owner: Option<usize>, br: bool) {
    if br {
        if pending.text.ends_with("\n\u{0}") {
            pending.text.truncate(pending.text.len() - 2);
        } else {
            pending.text.push_str("\n\u{0}");
            return;
        }
    }
    let text = if pending.text.contains('\u{0}') {
        squash(&pending.text.replace('\u{0}', ""))
    } else {
        squash(&pending.text)
    };
    let link_chars = pending.link_chars;
    pending.text.clear();
    pending.link_chars = 0;
    let Some(elem) = owner else { return };
    if text.is_empty() {
        return;
    }
    let kind = kind_of(flat.elems[elem].tag);
    flat.blocks.push(Block {
        elem,
        kind,
        text,
        link_chars,
    });
}

/// Sum text and link characters and paragraph counts up the tree: children
/// come after parents in `elems`, so one reverse pass suffices.
fn total_up(flat: &mut Flat) {
    for b in &flat.blocks {
        let e = &mut flat.elems[b.elem];
        let n = b.text.chars().count();
        e.chars += n;
        e.link_chars += b.link_chars.min(n);
        e.paragraphs += usize::from(n >= 25 && b.link_chars * 2 < n);
    }
    for i in (1..flat.elems.len()).rev() {
        if let Some(p) = flat.elems[i].parent {
            let (chars, links, paras) = (
                flat.elems[i].chars,
                flat.elems[i].link_chars,
                flat.elems[i].paragraphs,
            );
            let parent = &mut flat.elems[p];
            parent.chars += chars;
            parent.link_chars += links;
            parent.paragraphs += paras;
        }
    }
    // A widget-named element that holds real prose (several paragraphs, few
    // links) is a page builder's wrapper around the story, not a widget.
    for i in 0..flat.elems.len() {
        let e = &flat.elems[i];
        // An ASP.NET page wraps everything, navigation included, in one
        // <form>: with prose inside it is the page, however many links.
        let page_form = e.tag == Tag::Form && e.paragraphs >= 3;
        let weak = e.comments
            || (e.widget && !page_form && (e.paragraphs < 3 || e.link_chars * 2 > e.chars));
        let inherited = e.parent.is_some_and(|p| flat.elems[p].in_widget);
        flat.elems[i].in_widget = weak || inherited;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_skips() {
        let page = super::super::parse::parse(
            "<html><body><nav><p>Home News</p></nav><div class='share-bar'>Share</div>\
             <article><h1>Title here</h1><p>First <a href='#'>linked</a> paragraph.</p>\
             <figure><img><figcaption>Photo: someone</figcaption></figure>\
             <p>Line one<br>line two<br><br>new para</p></article>\
             <div class='elementor-widget'><p>A story wrapped by a page builder.</p></div>\
             <script>var x = 1;</script></body></html>",
        );
        let flat = flatten(&page);
        let texts: Vec<&str> = flat.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Share",
                "Title here",
                "First linked paragraph.",
                "Line one line two",
                "new para",
                "A story wrapped by a page builder."
            ]
        );
        // The share bar is marked, the page builder's wrapper too (it holds little prose).
        assert!(flat.elems[flat.blocks[0].elem].in_widget);
        assert_eq!(flat.blocks[2].link_chars, 6);
        assert_eq!(flat.blocks[1].kind, BlockKind::Heading(1));
        assert!(!flat.elems[flat.blocks[1].elem].in_widget);
    }

    #[test]
    fn a_comment_thread_is_furniture_however_long() {
        let long = "<p>A reader's long and thoughtful reply, with several clauses, in prose.</p>";
        let page = super::super::parse::parse(&format!(
            "<html><body><div class='post'><p>The story itself, told at length here.</p></div>\
             <div id='comments' class='comments-area'>{long}{long}{long}{long}</div></body></html>"
        ));
        let flat = flatten(&page);
        assert!(!flat.elems[flat.blocks[0].elem].in_widget);
        assert!(flat.elems[flat.blocks[1].elem].in_widget);
    }
}
