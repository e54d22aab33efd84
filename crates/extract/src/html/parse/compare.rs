//! The differential check of [`super::parse`] against html5ever: both
//! parsers' trees reduced to what extraction reads from them, the sequence
//! of text blocks (each text, squashed, under its innermost block element).
//! Used by the tests; html5ever is a dev-dependency for it alone.

use ego_tree::iter::Edge as ScraperEdge;
use scraper::{Html, Node};

use crate::html::dom::is_block;
use crate::html::tree::{Edge, Tree};
use crate::text::squash;

/// A run of text under one block element: (block element name, text).
pub type Block = (String, String);

/// Text under these is never read as page text (SVG: html5ever keeps it
/// when run without the pre-pass).
fn is_skipped(tag: &str) -> bool {
    matches!(
        tag,
        "head" | "script" | "style" | "noscript" | "template" | "svg"
    )
}

/// Collects blocks from a walk: open and close elements, add texts.
#[derive(Default)]
struct Blocks {
    /// Every element is a block, named by its path from the root with
    /// its id and class: a check of the whole structure, inline included.
    strict: bool,
    /// Open elements: (label, index of the element's own block if a
    /// block, whether its text is skipped).
    open: Vec<(String, Option<usize>, bool)>,
    skipped: usize,
    next_block: usize,
    /// The block of the text being gathered, and its text.
    current: Option<(usize, String, String)>,
    out: Vec<Block>,
}

impl Blocks {
    fn open<'a>(&mut self, name: &str, attr: impl Fn(&str) -> Option<&'a str>) {
        let id = (self.strict || is_block(name)).then(|| {
            self.next_block += 1;
            self.next_block
        });
        let skip = is_skipped(name);
        self.skipped += usize::from(skip);
        let label = if self.strict {
            let parent = self.open.last().map_or("", |(p, _, _)| p.as_str());
            let id = attr("id").map(|v| format!("#{v}")).unwrap_or_default();
            let class = attr("class").map(|v| format!(".{v}")).unwrap_or_default();
            format!("{parent}>{name}{id}{class}")
        } else {
            name.to_string()
        };
        self.open.push((label, id, skip));
    }

    fn close(&mut self) {
        if let Some((_, _, skip)) = self.open.pop() {
            self.skipped -= usize::from(skip);
        }
    }

    fn text(&mut self, text: &str) {
        if self.skipped > 0 {
            return;
        }
        let Some((name, Some(id), _)) = self.open.iter().rev().find(|(_, id, _)| id.is_some())
        else {
            return;
        };
        let (name, id) = (name.clone(), *id);
        match &mut self.current {
            Some((cur, _, t)) if *cur == id => t.push_str(text),
            _ => {
                self.flush();
                self.current = Some((id, name, text.to_string()));
            }
        }
    }

    fn flush(&mut self) {
        if let Some((_, name, text)) = self.current.take() {
            let text = squash(&text);
            if !text.is_empty() {
                self.out.push((name, text));
            }
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush();
        self.out
    }
}

/// The text blocks of our tree; `strict`: every element is a block.
pub fn blocks(tree: &Tree, strict: bool) -> Vec<Block> {
    let mut b = Blocks {
        strict,
        ..Blocks::default()
    };
    for edge in tree.walk(tree.root()) {
        match edge {
            Edge::Open(n) => {
                if let Some(name) = tree.name(n) {
                    b.open(name, |a| tree.attr(n, a));
                } else if let Some(t) = tree.text(n) {
                    b.text(t);
                }
            }
            Edge::Close(n) => {
                if tree.name(n).is_some() {
                    b.close();
                }
            }
        }
    }
    b.finish()
}

/// The text blocks of html5ever's tree.
pub fn html5ever_blocks(page: &Html, strict: bool) -> Vec<Block> {
    let mut b = Blocks {
        strict,
        ..Blocks::default()
    };
    for edge in page.tree.root().traverse() {
        match edge {
            ScraperEdge::Open(n) => match n.value() {
                Node::Element(e) => b.open(e.name(), |a| e.attr(a)),
                Node::Text(t) => b.text(t),
                _ => {}
            },
            ScraperEdge::Close(n) => {
                if n.value().is_element() {
                    b.close();
                }
            }
        }
    }
    b.finish()
}

/// How far apart two block sequences are: blocks in one and not the
/// other (as multisets), and the index of the first difference.
pub fn difference(ours: &[Block], theirs: &[Block]) -> (usize, Option<usize>) {
    use std::collections::HashMap;
    let mut count: HashMap<&Block, i64> = HashMap::new();
    for b in ours {
        *count.entry(b).or_default() += 1;
    }
    for b in theirs {
        *count.entry(b).or_default() -= 1;
    }
    let apart = count.values().map(|n| n.unsigned_abs() as usize).sum();
    let first = (0..ours.len().max(theirs.len())).find(|&i| ours.get(i) != theirs.get(i));
    (apart, first)
}
