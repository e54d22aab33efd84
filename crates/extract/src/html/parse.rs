//! Our HTML parser: page text to a [`Tree`] in one linear pass.
//!
//! Extraction asks one thing of the DOM: which text sits inside which block
//! element, with the attributes that name and hide blocks. That needs the
//! parts of HTML5's tree construction that decide where text lands: implied
//! `<html>`, `<head>` and `<body>`; void elements; the end tags pages leave
//! out (`<p>`, `<li>`, `<td>`, `<tr>`, `<option>`, headings); end tags that
//! close everything above their element but only within its scope, so a
//! stray `</div>` inside a table cell leaves the cell open; and inline end
//! tags that do not close past a block. It leaves out what only moves
//! formatting around or what pages rarely rely on: the adoption agency
//! (`<b><p>x</b>y` keeps `y` in the `p`, where HTML5 also puts it), the
//! re-opening of formatting elements, foster parenting of text misplaced in
//! tables, and the insertion modes of `<select>` and framesets.
//!
//! The tokenizer ([`lex`]) drops what is never read (scripts but JSON-LD,
//! styles, inline SVG, comments), so no pre-pass is needed. Work per tag is
//! bounded: past [`MAX_DEPTH`] open elements start tags are ignored (their
//! text kept), and the builder counts open elements per name, so asking
//! "is a `<p>` open?" costs nothing when none is, and a scope search walks
//! at most the (capped) stack. A page costs time linear in its size.

#[cfg(test)]
mod compare;
pub(crate) mod entities;
mod lex;
mod tags;
#[cfg(test)]
mod tests;

use lex::{Lexer, Sink, StartTag};
pub use tags::Tag;

use super::tree::{NodeId, Tree};

/// The deepest nesting of open elements; deeper start tags are ignored.
pub const MAX_DEPTH: usize = 1_000;

/// Parse a page for extraction: of the attributes, only those extraction
/// reads are kept (`class`, `id`, `role`, `hidden`, `aria-hidden`, `style`,
/// `href`, `lang`, `xml:lang`, `property`, `name`, `itemprop`,
/// `http-equiv`, `content`, `datetime`, `rel`, `type`).
pub fn parse(html: &str) -> Tree {
    parse_with(html, false)
}

/// Parse a page keeping every attribute.
pub fn parse_all(html: &str) -> Tree {
    parse_with(html, true)
}

fn parse_with(html: &str, all_attrs: bool) -> Tree {
    let mut builder = Builder::new(html.len());
    Lexer::new(html, all_attrs).run(&mut builder);
    builder.finish()
}

/// Where the builder is in the page's outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Nothing yet, or only `<html>`.
    BeforeHead,
    InHead,
    AfterHead,
    InBody,
}

/// An element on the stack of open elements.
#[derive(Debug, Clone, Copy)]
struct Open {
    node: NodeId,
    tag: Tag,
    /// Index into [`Builder::counts`].
    key: u8,
}

/// Builds the tree from tokens.
struct Builder {
    tree: Tree,
    stack: Vec<Open>,
    /// Open elements per key: per [`Tag`], and per hash of the name for
    /// other names. A zero answers "is one open?" without a search.
    counts: [u32; 256],
    mode: Mode,
    head: Option<NodeId>,
    /// The open `<form>`: HTML5 ignores a form start tag inside a form, and
    /// `</form>` closes only the form, leaving open what was opened in it.
    form: Option<NodeId>,
    /// Pages without a standard doctype are read in quirks mode, where a
    /// `<table>` does not close an open `<p>`.
    quirks: bool,
}

/// The count key of an element: its [`Tag`], or for other names a hash
/// of the lowercase name in the upper half.
fn key(tag: Tag, name: &str) -> u8 {
    if tag != Tag::Other {
        return tag as u8;
    }
    let h = name.bytes().fold(0x811c_9dc5u32, |h, c| {
        (h ^ u32::from(c.to_ascii_lowercase())).wrapping_mul(0x0100_0193)
    });
    0x80 | (h & 0x7f) as u8
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C')
}

impl Builder {
    fn new(bytes: usize) -> Builder {
        Builder {
            tree: Tree::with_capacity(bytes),
            stack: Vec::with_capacity(64),
            counts: [0; 256],
            mode: Mode::BeforeHead,
            head: None,
            form: None,
            quirks: true,
        }
    }

    /// The tree, with a body even if the page had nothing for it.
    fn finish(mut self) -> Tree {
        if self.mode != Mode::InBody {
            self.open_body(None);
        }
        self.tree
    }

    fn current(&self) -> NodeId {
        self.stack.last().map_or(self.tree.root(), |o| o.node)
    }

    fn top_tag(&self) -> Option<Tag> {
        self.stack.last().map(|o| o.tag)
    }

    fn is_open(&self, tag: Tag) -> bool {
        self.counts[tag as usize] > 0
    }

    fn push(&mut self, node: NodeId, tag: Tag, name: &str) {
        let key = key(tag, name);
        self.counts[key as usize] += 1;
        self.stack.push(Open { node, tag, key });
    }

    /// Close the open element at stack index `i` and all above it.
    fn pop_to(&mut self, i: usize) {
        for o in &self.stack[i..] {
            self.counts[o.key as usize] -= 1;
        }
        self.stack.truncate(i);
    }

    /// Stack index of the nearest open element matching `is`, searching
    /// down from the top until a boundary (`stop`).
    fn find(&self, is: impl Fn(Tag) -> bool, stop: impl Fn(Tag) -> bool) -> Option<usize> {
        for (i, o) in self.stack.iter().enumerate().rev() {
            if is(o.tag) {
                return Some(i);
            }
            if stop(o.tag) {
                return None;
            }
        }
        None
    }

    /// Stack index of an open `tag` in HTML5's default scope.
    fn in_scope(&self, tag: Tag) -> Option<usize> {
        if !self.is_open(tag) {
            return None;
        }
        self.find(|t| t == tag, Tag::is_scope_boundary)
    }

    /// Close an open `<p>` in button scope.
    fn close_p(&mut self) {
        if !self.is_open(Tag::P) {
            return;
        }
        let at = self.find(
            |t| t == Tag::P,
            |t| t.is_scope_boundary() || t == Tag::Button,
        );
        if let Some(i) = at {
            self.pop_to(i);
        }
    }

    /// Append an element to the current node; open it unless void. Past
    /// [`MAX_DEPTH`] only void elements are added.
    fn insert(&mut self, tag: Tag, name: &str, attrs: &StartTag<'_>) {
        let void = tag.is_void();
        if !void && self.stack.len() >= MAX_DEPTH {
            return;
        }
        let parent = self.current();
        let node = self.tree.append_element(parent, name, attrs.attrs());
        if !void {
            self.push(node, tag, name);
        }
    }

    /// Append and open an element the markup left out (`<tbody>`, `<tr>`).
    fn insert_implied(&mut self, tag: Tag, name: &str) {
        if self.stack.len() >= MAX_DEPTH {
            return;
        }
        let parent = self.current();
        let node = self.tree.append_element(parent, name, []);
        self.push(node, tag, name);
    }

    /// Open `<html>` unless it is.
    fn ensure_html(&mut self) {
        if self.stack.is_empty() {
            self.insert_implied(Tag::Html, "html");
        }
    }

    /// Open `<head>` in `<html>`.
    fn open_head(&mut self, tag: Option<&StartTag<'_>>) {
        self.ensure_html();
        let html = self.current();
        let head = match tag {
            Some(t) => self.tree.append_element(html, "head", t.attrs()),
            None => self.tree.append_element(html, "head", []),
        };
        self.push(head, Tag::Head, "head");
        self.head = Some(head);
        self.mode = Mode::InHead;
    }

    /// Leave the head (if in it) and open `<body>`, with an empty `<head>`
    /// first if the page had none.
    fn open_body(&mut self, tag: Option<&StartTag<'_>>) {
        if self.head.is_none() {
            self.open_head(None);
        }
        self.pop_to(1);
        let html = self.current();
        let body = match tag {
            Some(t) => self.tree.append_element(html, "body", t.attrs()),
            None => self.tree.append_element(html, "body", []),
        };
        self.push(body, Tag::Body, "body");
        self.mode = Mode::InBody;
    }

    /// A repeated `<html>` or `<body>` tag: its attributes go to the
    /// open element (HTML5 adds those it does not have).
    fn merge_attrs(&mut self, tag: Tag, t: &StartTag<'_>) {
        let at = match tag {
            Tag::Html => self.stack.first(),
            _ => self.stack.get(1).filter(|o| o.tag == Tag::Body),
        };
        if let Some(o) = at.copied()
            && t.attrs().next().is_some()
        {
            self.tree.add_attrs(o.node, t.attrs());
        }
    }

    /// Whether, before the body, the builder is inside an element of the
    /// head (`<title>`, a JSON-LD `<script>`, a `<template>`): its content
    /// goes into it, as in the body.
    fn in_head_element(&self) -> bool {
        self.mode != Mode::InBody && self.stack.len() > 1 && self.top_tag() != Some(Tag::Head)
    }
}

impl Sink for Builder {
    fn doctype(&mut self, body: &str) {
        self.quirks = doctype_is_quirky(body);
    }

    fn text(&mut self, text: &str) {
        let text = match self.mode {
            Mode::InBody => text,
            _ if self.in_head_element() => text,
            _ => {
                // Whitespace before the body is layout, not content.
                let rest = text.trim_start_matches(is_space);
                if rest.is_empty() {
                    return;
                }
                self.open_body(None);
                rest
            }
        };
        let parent = self.current();
        self.tree.append_text(parent, text);
    }

    fn start(&mut self, t: &StartTag<'_>) {
        match self.mode {
            Mode::BeforeHead => self.start_before_head(t),
            _ if self.in_head_element() => self.start_in_body(t),
            Mode::InHead => self.start_in_head(t),
            Mode::AfterHead => self.start_after_head(t),
            Mode::InBody => self.start_in_body(t),
        }
    }

    fn end(&mut self, name: &str, tag: Tag) {
        match self.mode {
            Mode::InBody => self.end_in_body(name, tag),
            _ if self.in_head_element() => self.end_in_body(name, tag),
            Mode::InHead if tag == Tag::Head => {
                self.pop_to(1);
                self.mode = Mode::AfterHead;
            }
            // These end tags mean the body has begun.
            _ if matches!(tag, Tag::Body | Tag::Html | Tag::Br) => {
                self.open_body(None);
                self.end_in_body(name, tag);
            }
            // Stray end tags before the body.
            _ => {}
        }
    }
}

impl Builder {
    fn start_before_head(&mut self, t: &StartTag<'_>) {
        match t.tag {
            Tag::Html if self.stack.is_empty() => {
                let node = self
                    .tree
                    .append_element(self.tree.root(), "html", t.attrs());
                self.push(node, Tag::Html, "html");
            }
            Tag::Html => self.merge_attrs(Tag::Html, t),
            Tag::Head => self.open_head(Some(t)),
            tag if tag.is_head_content() => {
                self.open_head(None);
                self.start_in_head(t);
            }
            _ => {
                self.ensure_html();
                self.start_after_head(t);
            }
        }
    }

    fn start_in_head(&mut self, t: &StartTag<'_>) {
        match t.tag {
            Tag::Html => self.merge_attrs(Tag::Html, t),
            Tag::Head => {}
            tag if tag.is_head_content() => self.insert(tag, t.name, t),
            _ => {
                self.pop_to(1);
                self.mode = Mode::AfterHead;
                self.start_after_head(t);
            }
        }
    }

    fn start_after_head(&mut self, t: &StartTag<'_>) {
        match t.tag {
            Tag::Html => self.merge_attrs(Tag::Html, t),
            Tag::Head => {}
            Tag::Body => self.open_body(Some(t)),
            // Late head elements still belong to the head.
            tag if tag.is_head_content() && tag != Tag::Noscript => {
                let Some(head) = self.head else {
                    return self.insert(tag, t.name, t);
                };
                let node = self.tree.append_element(head, t.name, t.attrs());
                if !tag.is_void() {
                    self.push(node, tag, t.name);
                }
            }
            _ => {
                self.open_body(None);
                self.start_in_body(t);
            }
        }
    }

    fn start_in_body(&mut self, t: &StartTag<'_>) {
        let tag = t.tag;
        match tag {
            Tag::Html | Tag::Body => self.merge_attrs(tag, t),
            Tag::Head | Tag::Frameset => {}
            Tag::Form => {
                if self.form.is_some() && !self.is_open(Tag::Template) {
                    return;
                }
                self.close_p();
                self.insert(tag, t.name, t);
                if self.top_tag() == Some(Tag::Form) && !self.is_open(Tag::Template) {
                    self.form = Some(self.current());
                }
            }
            Tag::Li => {
                self.close_list_item(|t| t == Tag::Li);
                self.close_p();
                self.insert(tag, t.name, t);
            }
            Tag::Dd | Tag::Dt => {
                self.close_list_item(|t| matches!(t, Tag::Dd | Tag::Dt));
                self.close_p();
                self.insert(tag, t.name, t);
            }
            _ if tag.is_heading() => {
                self.close_p();
                if self.top_tag().is_some_and(Tag::is_heading) {
                    let top = self.stack.len() - 1;
                    self.pop_to(top);
                }
                self.insert(tag, t.name, t);
            }
            _ if tag.closes_p() => {
                self.close_p();
                self.insert(tag, t.name, t);
            }
            Tag::Table => {
                if !self.quirks {
                    self.close_p();
                }
                self.insert(tag, t.name, t);
            }
            Tag::Button => {
                if let Some(i) = self.in_scope(Tag::Button) {
                    self.pop_to(i);
                }
                self.insert(tag, t.name, t);
            }
            Tag::A | Tag::Nobr => {
                // A link inside a link closes the first, unless a block
                // lies between them.
                if self.is_open(tag)
                    && let Some(i) = self.find(|x| x == tag, Tag::is_special)
                {
                    self.pop_to(i);
                }
                self.insert(tag, t.name, t);
            }
            Tag::Option | Tag::Optgroup => {
                if self.top_tag() == Some(Tag::Option) {
                    let top = self.stack.len() - 1;
                    self.pop_to(top);
                }
                self.insert(tag, t.name, t);
            }
            Tag::Image => self.insert(Tag::Img, "img", t),
            _ if tag.is_table_part() => self.table_part(t),
            _ => self.insert(tag, t.name, t),
        }
    }

    /// Before a new `<li>` (or `<dt>`, `<dd>`): close the open one, unless
    /// a block other than `div`, `p` or `address` lies between (a nested
    /// list).
    fn close_list_item(&mut self, is_item: impl Fn(Tag) -> bool) {
        let open = [Tag::Li, Tag::Dd, Tag::Dt];
        if !open.iter().any(|&t| is_item(t) && self.is_open(t)) {
            return;
        }
        let stop = |t: Tag| t.is_special() && !matches!(t, Tag::Address | Tag::Div | Tag::P);
        if let Some(i) = self.find(is_item, stop) {
            self.pop_to(i);
        }
    }

    /// Stack index of the nearest open table part or table, searched down
    /// to the table (or html/template).
    fn table_context(&self) -> Option<(usize, Tag)> {
        let is = |t: Tag| t == Tag::Table || t.is_table_part() && t != Tag::Col;
        self.find(is, |t| t == Tag::Html || t == Tag::Template)
            .map(|i| (i, self.stack[i].tag))
    }

    /// A table part's start tag: close the cells, rows and sections it
    /// ends, and open the row and section it implies. Outside a table HTML5
    /// ignores it (its content stays where it is).
    fn table_part(&mut self, t: &StartTag<'_>) {
        if !self.is_open(Tag::Table) {
            return;
        }
        let tag = t.tag;
        let rank = |x: Tag| match x {
            Tag::Td | Tag::Th => 3,
            Tag::Tr => 2,
            Tag::Tbody | Tag::Thead | Tag::Tfoot => 1,
            _ => 0,
        };
        // Close what the new part cannot sit inside, e.g. an open cell for a
        // new cell or row. Each round closes one element at least.
        while let Some((i, open)) = self.table_context() {
            let closes = match open {
                Tag::Table => false,
                Tag::Caption | Tag::Colgroup => true,
                _ => rank(open) >= rank(tag) || tag == Tag::Caption || tag == Tag::Colgroup,
            };
            if closes {
                self.pop_to(i);
            } else {
                // Clear what sits above the table context.
                self.pop_to(i + 1);
                break;
            }
        }
        let Some(top) = self.top_tag() else { return };
        if !(top == Tag::Table || top.is_table_part()) {
            return;
        }
        match tag {
            Tag::Td | Tag::Th | Tag::Tr if top == Tag::Table => {
                self.insert_implied(Tag::Tbody, "tbody");
                if tag != Tag::Tr {
                    self.insert_implied(Tag::Tr, "tr");
                }
            }
            Tag::Td | Tag::Th if top.is_section() => self.insert_implied(Tag::Tr, "tr"),
            _ => {}
        }
        self.insert(tag, t.name, t);
    }

    fn end_in_body(&mut self, name: &str, tag: Tag) {
        match tag {
            Tag::Html | Tag::Body => {}
            Tag::Br => {
                let parent = self.current();
                self.tree.append_element(parent, "br", []);
            }
            Tag::P => self.close_p(),
            Tag::Li => {
                if self.is_open(Tag::Li) {
                    let stop = |t: Tag| t.is_scope_boundary() || matches!(t, Tag::Ol | Tag::Ul);
                    if let Some(i) = self.find(|t| t == Tag::Li, stop) {
                        self.pop_to(i);
                    }
                }
            }
            _ if tag.is_heading() => {
                if let Some(i) = self.find(Tag::is_heading, Tag::is_scope_boundary) {
                    self.pop_to(i);
                }
            }
            _ if tag.is_table_part() || tag == Tag::Table => {
                if self.is_open(tag)
                    && let Some(i) = self.find(|t| t == tag, Tag::is_table_boundary)
                {
                    self.pop_to(i);
                }
            }
            Tag::Form if !self.is_open(Tag::Template) => self.end_form(),
            Tag::Template => {
                if self.is_open(tag)
                    && let Some(i) = self.find(|t| t == tag, |_| false)
                {
                    self.pop_to(i);
                }
            }
            _ if tag.is_special() => {
                if let Some(i) = self.in_scope(tag) {
                    self.pop_to(i);
                }
            }
            _ => self.end_inline(name, tag),
        }
    }

    /// `</form>`: take the form element off the stack, wherever it is, if
    /// it is in scope. What was opened inside it stays open.
    fn end_form(&mut self) {
        let Some(form) = self.form.take() else { return };
        let Some(i) = self.in_scope(Tag::Form) else {
            return;
        };
        if self.stack[i].node != form {
            return;
        }
        let o = self.stack.remove(i);
        self.counts[o.key as usize] -= 1;
    }

    /// An end tag of an inline or unknown element: close the nearest open
    /// element of that name, unless a block lies between (then, as HTML5
    /// does, the tag is ignored).
    fn end_inline(&mut self, name: &str, tag: Tag) {
        let key = key(tag, name);
        if self.counts[key as usize] == 0 {
            return;
        }
        for i in (0..self.stack.len()).rev() {
            let o = self.stack[i];
            let same = o.tag == tag
                && (tag != Tag::Other
                    || self
                        .tree
                        .name(o.node)
                        .is_some_and(|n| n.eq_ignore_ascii_case(name)));
            if same {
                return self.pop_to(i);
            }
            if o.tag.is_special() {
                return;
            }
        }
    }
}

/// Whether a doctype puts the page in quirks mode: anything but
/// `<!DOCTYPE html>` and the strict or transitional-with-system-id DTDs.
fn doctype_is_quirky(body: &str) -> bool {
    let lower = body.trim().to_ascii_lowercase();
    let mut words = lower.split_ascii_whitespace();
    if words.next() != Some("html") {
        return true;
    }
    let quoted = lower.matches(['"', '\'']).count() / 2;
    let legacy = [
        "html 2",
        "html 3",
        "html 4.0 transitional",
        "html 4.0 frameset",
        "-//ietf//",
    ];
    if legacy.iter().any(|l| lower.contains(l)) {
        return true;
    }
    // HTML 4.01 Transitional without a system identifier is quirky.
    let loose = lower.contains("html 4.01 transitional") || lower.contains("html 4.01 frameset");
    loose && quoted < 2
}
