//! The parsed page: an arena of nodes, built by [`super::parse`].
//!
//! Extraction reads a page a few times over (flattening, metadata) and never
//! changes it, so the tree is one `Vec` of nodes linked by index, and every
//! name, attribute and text lives in one string buffer: a page costs three
//! allocations that grow, not one per node. Element and attribute names are
//! stored lowercased; texts and attribute values with character references
//! already decoded.

use std::ops::Range;

/// A node of a [`Tree`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(u32);

const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
struct Span {
    start: u32,
    end: u32,
}

impl Span {
    fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

#[derive(Debug, Clone, Copy)]
enum Data {
    Root,
    Element { name: Span, attrs: (u32, u32) },
    Text(Span),
}

#[derive(Debug, Clone, Copy)]
struct Node {
    parent: u32,
    first_child: u32,
    last_child: u32,
    next_sibling: u32,
    data: Data,
}

#[derive(Debug, Clone, Copy)]
struct Attr {
    name: Span,
    value: Span,
}

/// A parsed page.
#[derive(Debug, Clone)]
pub struct Tree {
    nodes: Vec<Node>,
    attrs: Vec<Attr>,
    buf: String,
}

/// A step of a walk over the tree: entering or leaving a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    Open(NodeId),
    Close(NodeId),
}

impl Default for Tree {
    fn default() -> Self {
        Tree::new()
    }
}

impl Tree {
    /// A tree holding only its root (the document node).
    pub fn new() -> Tree {
        Tree::with_capacity(0)
    }

    /// A tree sized for a page of `bytes` bytes.
    pub fn with_capacity(bytes: usize) -> Tree {
        let mut nodes = Vec::with_capacity(bytes / 40 + 1);
        nodes.push(Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            data: Data::Root,
        });
        Tree {
            nodes,
            attrs: Vec::with_capacity(bytes / 100),
            buf: String::with_capacity(bytes / 2),
        }
    }

    /// The document node: the parent of `<html>`.
    pub fn root(&self) -> NodeId {
        NodeId(0)
    }

    /// Number of nodes, the root included.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the tree holds only its root.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() == 1
    }

    fn push_str(&mut self, s: &str) -> Span {
        let start = self.buf.len() as u32;
        self.buf.push_str(s);
        Span {
            start,
            end: self.buf.len() as u32,
        }
    }

    fn push_lower(&mut self, s: &str) -> Span {
        let start = self.buf.len() as u32;
        self.buf.push_str(s);
        self.buf[start as usize..].make_ascii_lowercase();
        Span {
            start,
            end: self.buf.len() as u32,
        }
    }

    fn link(&mut self, parent: NodeId, data: Data) -> NodeId {
        let id = self.nodes.len() as u32;
        let p = parent.0 as usize;
        let prev = self.nodes[p].last_child;
        if prev == NONE {
            self.nodes[p].first_child = id;
        } else {
            self.nodes[prev as usize].next_sibling = id;
        }
        self.nodes[p].last_child = id;
        self.nodes.push(Node {
            parent: parent.0,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            data,
        });
        NodeId(id)
    }

    /// Append an element named `name` (lowercased here) with `attrs` as the
    /// last child of `parent`. A repeated attribute name keeps its first value.
    pub fn append_element<'a>(
        &mut self,
        parent: NodeId,
        name: &str,
        attrs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> NodeId {
        let name = self.push_lower(name);
        let first = self.attrs.len() as u32;
        self.push_attrs(first, attrs);
        let attrs = (first, self.attrs.len() as u32);
        self.link(parent, Data::Element { name, attrs })
    }

    /// Give element `id` the attributes of `attrs` it does not have yet
    /// (HTML5 does this for a repeated `<html>` or `<body>` tag).
    pub fn add_attrs<'a>(
        &mut self,
        id: NodeId,
        attrs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) {
        let Data::Element {
            name,
            attrs: (first, end),
        } = self.nodes[id.0 as usize].data
        else {
            return;
        };
        // Move the element's attributes to the end so that its range can grow.
        let start = self.attrs.len() as u32;
        self.attrs.extend_from_within(first as usize..end as usize);
        self.push_attrs(start, attrs);
        let attrs = (start, self.attrs.len() as u32);
        self.nodes[id.0 as usize].data = Data::Element { name, attrs };
    }

    /// Push `attrs` after the element's attributes that start at `first`,
    /// skipping names it already has (the first value of a name wins).
    fn push_attrs<'a>(&mut self, first: u32, attrs: impl IntoIterator<Item = (&'a str, &'a str)>) {
        for (n, v) in attrs {
            let name = self.push_lower(n);
            let lower = &self.buf[name.range()];
            let seen = self.attrs[first as usize..]
                .iter()
                .any(|a| &self.buf[a.name.range()] == lower);
            if seen {
                self.buf.truncate(name.start as usize);
                continue;
            }
            let value = self.push_str(v);
            self.attrs.push(Attr { name, value });
        }
    }

    /// Append `text` to `parent`: joined to its last child when that is a
    /// text node, else as a new one.
    pub fn append_text(&mut self, parent: NodeId, text: &str) {
        if text.is_empty() {
            return;
        }
        let last = self.nodes[parent.0 as usize].last_child;
        if last != NONE
            && let Data::Text(span) = self.nodes[last as usize].data
        {
            let span = if span.end as usize == self.buf.len() {
                self.buf.push_str(text);
                Span {
                    start: span.start,
                    end: self.buf.len() as u32,
                }
            } else {
                // Something was written since: copy the old text to the end.
                let start = self.buf.len();
                self.buf.extend_from_within(span.range());
                self.buf.push_str(text);
                Span {
                    start: start as u32,
                    end: self.buf.len() as u32,
                }
            };
            self.nodes[last as usize].data = Data::Text(span);
            return;
        }
        let span = self.push_str(text);
        self.link(parent, Data::Text(span));
    }

    /// The element's lowercase name; `None` for text and the root.
    pub fn name(&self, id: NodeId) -> Option<&str> {
        match self.nodes[id.0 as usize].data {
            Data::Element { name, .. } => Some(&self.buf[name.range()]),
            _ => None,
        }
    }

    /// Whether the node is an element.
    pub fn is_element(&self, id: NodeId) -> bool {
        matches!(self.nodes[id.0 as usize].data, Data::Element { .. })
    }

    /// The value of the element's attribute `name` (give it lowercase).
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        let Data::Element { attrs, .. } = self.nodes[id.0 as usize].data else {
            return None;
        };
        self.attrs[attrs.0 as usize..attrs.1 as usize]
            .iter()
            .find(|a| &self.buf[a.name.range()] == name)
            .map(|a| &self.buf[a.value.range()])
    }

    /// The element's attributes, `(name, value)`, in source order.
    pub fn attrs(&self, id: NodeId) -> impl Iterator<Item = (&str, &str)> {
        let range = match self.nodes[id.0 as usize].data {
            Data::Element { attrs, .. } => attrs.0 as usize..attrs.1 as usize,
            _ => 0..0,
        };
        self.attrs[range]
            .iter()
            .map(|a| (&self.buf[a.name.range()], &self.buf[a.value.range()]))
    }

    /// The text of a text node; `None` for elements and the root.
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match self.nodes[id.0 as usize].data {
            Data::Text(span) => Some(&self.buf[span.range()]),
            _ => None,
        }
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        let p = self.nodes[id.0 as usize].parent;
        (p != NONE).then_some(NodeId(p))
    }

    pub fn children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        let mut next = self.nodes[id.0 as usize].first_child;
        std::iter::from_fn(move || {
            (next != NONE).then(|| {
                let id = NodeId(next);
                next = self.nodes[next as usize].next_sibling;
                id
            })
        })
    }

    /// A depth-first walk over `id` and everything inside it: each node is
    /// opened, its children walked, then closed. Iterative: deep trees cost
    /// no stack.
    pub fn walk(&self, id: NodeId) -> impl Iterator<Item = Edge> + '_ {
        let mut next = Some(Edge::Open(id));
        std::iter::from_fn(move || {
            let edge = next?;
            next = match edge {
                Edge::Open(n) => {
                    let first = self.nodes[n.0 as usize].first_child;
                    Some(if first == NONE {
                        Edge::Close(n)
                    } else {
                        Edge::Open(NodeId(first))
                    })
                }
                Edge::Close(n) if n == id => None,
                Edge::Close(n) => {
                    let node = &self.nodes[n.0 as usize];
                    if node.next_sibling != NONE {
                        Some(Edge::Open(NodeId(node.next_sibling)))
                    } else {
                        Some(Edge::Close(NodeId(node.parent)))
                    }
                }
            };
            Some(edge)
        })
    }

    /// `id` and every node inside it, in document order.
    pub fn descendants(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.walk(id).filter_map(|e| match e {
            Edge::Open(n) => Some(n),
            Edge::Close(_) => None,
        })
    }

    /// Every element of the page, in document order.
    pub fn elements(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.descendants(self.root())
            .filter(|&n| self.is_element(n))
    }

    /// The texts of the text nodes inside `id`, in document order.
    pub fn texts(&self, id: NodeId) -> impl Iterator<Item = &str> + '_ {
        self.descendants(id).filter_map(|n| self.text(n))
    }
}

/// An element of a [`Tree`], for code that reads elements one at a time.
#[derive(Debug, Clone, Copy)]
pub struct Element<'a> {
    tree: &'a Tree,
    id: NodeId,
}

impl<'a> Element<'a> {
    pub fn id(&self) -> NodeId {
        self.id
    }

    pub fn name(&self) -> &'a str {
        self.tree.name(self.id).unwrap_or_default()
    }

    pub fn attr(&self, name: &str) -> Option<&'a str> {
        self.tree.attr(self.id, name)
    }

    /// The texts inside the element, in document order.
    pub fn texts(&self) -> impl Iterator<Item = &'a str> + 'a {
        self.tree.texts(self.id)
    }

    /// The texts inside the element, joined.
    pub fn text(&self) -> String {
        self.texts().collect()
    }
}

impl Tree {
    /// The node as an element, if it is one.
    pub fn element(&self, id: NodeId) -> Option<Element<'_>> {
        self.is_element(id).then_some(Element { tree: self, id })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_and_walk() {
        let mut t = Tree::new();
        let html = t.append_element(t.root(), "HTML", [("LANG", "en"), ("lang", "fr")]);
        let p = t.append_element(html, "p", []);
        t.append_text(p, "a ");
        t.append_text(p, "b");
        let b = t.append_element(p, "b", [("class", "x")]);
        t.append_text(b, "c");
        t.append_text(p, "d");
        t.append_text(p, "e");
        assert_eq!(t.name(html), Some("html"));
        assert_eq!(t.attr(html, "lang"), Some("en"));
        assert_eq!(t.attrs(html).count(), 1);
        assert_eq!(t.texts(t.root()).collect::<Vec<_>>(), ["a b", "c", "de"]);
        let names: Vec<String> = t
            .walk(t.root())
            .map(|e| match e {
                Edge::Open(n) => format!("<{}", t.name(n).or(t.text(n)).unwrap_or("#")),
                Edge::Close(n) => format!(">{}", t.name(n).or(t.text(n)).unwrap_or("#")),
            })
            .collect();
        assert_eq!(
            names.join(" "),
            "<# <html <p <a b >a b <b <c >c >b <de >de >p >html >#"
        );
        assert_eq!(t.parent(b), Some(p));
        assert_eq!(t.children(p).count(), 3);
        assert_eq!(t.elements().count(), 3);
    }

    #[test]
    fn attributes_added_later() {
        let mut t = Tree::new();
        let body = t.append_element(t.root(), "body", [("class", "a")]);
        let p = t.append_element(body, "p", [("id", "x")]);
        t.add_attrs(body, [("CLASS", "b"), ("id", "c")]);
        assert_eq!(
            t.attrs(body).collect::<Vec<_>>(),
            [("class", "a"), ("id", "c")]
        );
        assert_eq!(t.attrs(p).collect::<Vec<_>>(), [("id", "x")]);
        t.add_attrs(p, []);
        assert_eq!(t.attr(p, "id"), Some("x"));
    }

    #[test]
    fn text_joined_after_other_writes_is_copied() {
        let mut t = Tree::new();
        let a = t.append_element(t.root(), "a", []);
        t.append_text(a, "one");
        let b = t.append_element(t.root(), "b", []);
        t.append_text(b, "two");
        t.append_text(a, " three");
        assert_eq!(t.texts(a).collect::<Vec<_>>(), ["one three"]);
        assert_eq!(t.texts(b).collect::<Vec<_>>(), ["two"]);
    }
}
