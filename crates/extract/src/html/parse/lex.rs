//! The tokenizer: one pass over the page's bytes, reporting text and tags
//! to a [`Sink`].
//!
//! It finds the next `<` with `memchr` and hands the text before it over in
//! one piece, borrowed from the page unless it holds a character reference.
//! Comments, doctypes and processing instructions are skipped. What is never
//! read is skipped here too, so the builder never sees it: scripts (but
//! JSON-LD), styles and inline SVG. The content of the other raw-text
//! elements (`<title>`, `<textarea>`, `<noscript>`...) is one text, up to
//! the matching end tag, as HTML5 reads it. A tag cut off by the end of the
//! page is dropped, like HTML5's tokenizer does.

use super::entities::{self, Context};
use super::tags::{LONGEST, Tag};

/// A start tag, with its attributes as written (values decoded).
pub struct StartTag<'t> {
    /// The name as written; [`Tag::Other`] names need lowercasing.
    pub name: &'t str,
    pub tag: Tag,
    src: &'t str,
    decoded: &'t str,
    attrs: &'t [AttrSpan],
}

impl<'t> StartTag<'t> {
    /// `(name, value)` pairs in source order, names as written.
    pub fn attrs(&self) -> impl Iterator<Item = (&'t str, &'t str)> + '_ {
        self.attrs.iter().map(|a| {
            let value = if a.decoded {
                &self.decoded[a.value.0..a.value.1]
            } else {
                &self.src[a.value.0..a.value.1]
            };
            (&self.src[a.name.0..a.name.1], value)
        })
    }

    /// The value of attribute `name` (lowercase), first one wins.
    pub fn attr(&self, name: &str) -> Option<&'t str> {
        self.attrs()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }
}

/// Where a name and a value sit: in the page, or in the decoded buffer.
#[derive(Debug, Clone, Copy)]
struct AttrSpan {
    name: (usize, usize),
    value: (usize, usize),
    decoded: bool,
}

/// What the tokenizer reports.
pub trait Sink {
    /// Text, references decoded.
    fn text(&mut self, text: &str);
    fn start(&mut self, tag: &StartTag<'_>);
    /// An end tag: its name as written and its [`Tag`].
    fn end(&mut self, name: &str, tag: Tag);
    /// A `<!DOCTYPE ...>`: what is between `<!DOCTYPE` and `>`.
    fn doctype(&mut self, body: &str);
}

/// Reusable buffers: one page's worth of tokenizing allocates nothing else.
pub struct Lexer<'a> {
    /// Keep every attribute, not only those extraction reads.
    all_attrs: bool,
    src: &'a str,
    b: &'a [u8],
    text: String,
    decoded: String,
    attrs: Vec<AttrSpan>,
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0C)
}

/// The end of a tag name starting at `i`.
fn name_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    i
}

/// The [`Tag`] of a name as written, any case.
fn tag_of(name: &[u8]) -> Tag {
    if name.len() > LONGEST {
        return Tag::Other;
    }
    let mut lower = [0u8; LONGEST];
    for (l, c) in lower.iter_mut().zip(name) {
        *l = c.to_ascii_lowercase();
    }
    Tag::of(&lower[..name.len()])
}

/// Whether `b[i..]` starts with `</name` followed by a delimiter, the
/// end tag that closes a raw-text element.
fn is_end_tag(b: &[u8], i: usize, name: &[u8]) -> bool {
    let n = i + 2 + name.len();
    b[i..].starts_with(b"</")
        && b.get(i + 2..n)
            .is_some_and(|s| s.eq_ignore_ascii_case(name))
        && b.get(n)
            .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
}

/// Whether `b[i..]` starts with `<name` followed by a delimiter.
fn is_start_tag(b: &[u8], i: usize, name: &[u8]) -> bool {
    let n = i + 1 + name.len();
    b.get(i + 1..n)
        .is_some_and(|s| s.eq_ignore_ascii_case(name))
        && b.get(n)
            .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
}

/// Where the raw text from `from` ends: at its `</name` end tag, or the
/// end of the page.
fn raw_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        i += off;
        if is_end_tag(b, i, name) {
            return i;
        }
        i += 1;
    }
    b.len()
}

/// Where a script's text ends. HTML5 lets `<!-- <script></script> -->`
/// inside a script (old pages wrote scripts with `document.write` that way):
/// inside such a comment, a nested `<script>` hides the next `</script>`.
fn script_end(b: &[u8], from: usize) -> usize {
    #[derive(PartialEq)]
    enum State {
        Plain,
        Escaped,
        DoubleEscaped,
    }
    let mut state = State::Plain;
    let mut i = from;
    loop {
        let found = if state == State::Plain {
            memchr::memchr(b'<', &b[i..])
        } else {
            memchr::memchr2(b'<', b'-', &b[i..])
        };
        let Some(off) = found else {
            return b.len();
        };
        i += off;
        let rest = &b[i..];
        state = match state {
            State::Plain if is_end_tag(b, i, b"script") => return i,
            State::Plain if rest.starts_with(b"<!--") => {
                // Onto the first '-': `<!-->` closes at once.
                i += 1;
                State::Escaped
            }
            State::Escaped | State::DoubleEscaped if rest.starts_with(b"-->") => {
                i += 2;
                State::Plain
            }
            State::Escaped if is_end_tag(b, i, b"script") => return i,
            State::Escaped if is_start_tag(b, i, b"script") => State::DoubleEscaped,
            State::DoubleEscaped if is_end_tag(b, i, b"script") => State::Escaped,
            s => s,
        };
        i += 1;
    }
}

/// Where an `<svg>` element opened before `from` ends: just past its
/// matching `</svg>` (nested ones counted), or, when the page left it open,
/// at the HTML tag that ends it as HTML5 reads foreign content: a start tag
/// like `<div>` or `<p>`, or an end tag of an HTML element not opened
/// inside the SVG (`<a><svg><path/></a>`). Inside `<desc>`, `<title>` and
/// `<foreignObject>` HTML is allowed, so nothing ends the SVG there.
fn svg_end(b: &[u8], from: usize) -> usize {
    let mut depth = 1usize;
    // SVG elements with HTML names opened inside it (`<a>`, `<title>`).
    let mut open = [0u32; 256];
    let mut html_inside = 0usize;
    let mut i = from;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        i += off;
        let closing = b.get(i + 1) == Some(&b'/');
        let name_at = i + 1 + usize::from(closing);
        let name = &b[name_at..name_end(b, name_at)];
        let tag = tag_of(name);
        let close = || memchr::memchr(b'>', &b[i..]).map(|e| i + e);
        let self_closing = || close().is_some_and(|c| b[c - 1] == b'/');
        let takes_html = [&b"desc"[..], b"title", b"foreignobject"]
            .iter()
            .any(|n| n.eq_ignore_ascii_case(name));
        match (closing, tag) {
            (true, Tag::Svg) => {
                depth -= 1;
                if depth == 0 {
                    return close().map_or(b.len(), |c| c + 1);
                }
            }
            (false, Tag::Svg) => depth += usize::from(!self_closing()),
            (false, _) if takes_html => html_inside += usize::from(!self_closing()),
            (true, _) if takes_html => html_inside = html_inside.saturating_sub(1),
            (false, t) if html_inside == 0 && t.breaks_out_of_svg() => return i,
            (false, t) if !self_closing() => open[t as usize] += 1,
            (true, t) if open[t as usize] > 0 => open[t as usize] -= 1,
            (true, t) if html_inside == 0 && !t.is_svg_too() => return i,
            _ => {}
        }
        i += 1;
    }
    b.len()
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str, all_attrs: bool) -> Lexer<'a> {
        Lexer {
            all_attrs,
            src,
            b: src.as_bytes(),
            text: String::new(),
            decoded: String::new(),
            attrs: Vec::new(),
        }
    }

    /// Tokenize the whole page into `sink`.
    pub fn run(&mut self, sink: &mut impl Sink) {
        let mut i = 0;
        while i < self.b.len() {
            let lt = memchr::memchr(b'<', &self.b[i..]).map_or(self.b.len(), |o| i + o);
            if lt > i {
                self.emit_text(sink, i, lt, Context::Text);
            }
            if lt == self.b.len() {
                break;
            }
            i = self.markup(sink, lt);
        }
    }

    /// Report `src[from..to]` as text, decoded if it needs it.
    fn emit_text(&mut self, sink: &mut impl Sink, from: usize, to: usize, ctx: Context) {
        let raw = &self.src[from..to];
        if entities::needs_decoding(raw.as_bytes(), ctx) {
            self.text.clear();
            entities::decode_into(&mut self.text, raw, ctx);
            sink.text(&self.text);
        } else {
            sink.text(raw);
        }
    }

    /// Read the markup at `lt` (a `<`); returns where reading goes on.
    fn markup(&mut self, sink: &mut impl Sink, lt: usize) -> usize {
        let b = self.b;
        match b.get(lt + 1) {
            Some(c) if c.is_ascii_alphabetic() => self.start_tag(sink, lt),
            Some(b'/') => match b.get(lt + 2) {
                Some(c) if c.is_ascii_alphabetic() => self.end_tag(sink, lt),
                Some(b'>') => lt + 3,
                Some(_) => self.bogus_comment(lt + 2),
                None => {
                    sink.text("</");
                    b.len()
                }
            },
            Some(b'!') => self.declaration(sink, lt),
            Some(b'?') => self.bogus_comment(lt + 1),
            _ => {
                sink.text("<");
                lt + 1
            }
        }
    }

    /// Skip to just past the next `>` (or to the end).
    fn bogus_comment(&self, from: usize) -> usize {
        memchr::memchr(b'>', &self.b[from..]).map_or(self.b.len(), |o| from + o + 1)
    }

    /// `<!-- -->`, `<!DOCTYPE>`, `<![CDATA[ ]]>` and other `<!...>`.
    fn declaration(&mut self, sink: &mut impl Sink, lt: usize) -> usize {
        let b = self.b;
        let rest = &b[lt + 2..];
        if rest.starts_with(b"--") {
            return self.comment(lt + 4);
        }
        if rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"doctype") {
            let end = self.bogus_comment(lt + 9);
            let body_end = if b[end - 1] == b'>' { end - 1 } else { end };
            sink.doctype(&self.src[(lt + 9).min(body_end)..body_end]);
            return end;
        }
        // CDATA sections only exist in SVG and MathML; in HTML, as here,
        // `<![CDATA[...]>` is a bogus comment up to the first `>`.
        self.bogus_comment(lt + 2)
    }

    /// A comment whose text starts at `from`: skip past its `-->` (also
    /// `--!>`, and `<!-->`, `<!--->`), or drop the rest of an unclosed one.
    fn comment(&self, from: usize) -> usize {
        let b = self.b;
        let rest = &b[from..];
        if rest.starts_with(b">") {
            return from + 1;
        }
        if rest.starts_with(b"->") {
            return from + 2;
        }
        let mut i = from;
        while let Some(off) = memchr::memchr(b'-', &b[i..]) {
            i += off;
            if b[i..].starts_with(b"-->") {
                return i + 3;
            }
            if b[i..].starts_with(b"--!>") {
                return i + 4;
            }
            i += 1;
        }
        b.len()
    }

    /// Read the attributes from `i` up to and past the tag's `>`. Returns
    /// that position and whether the tag ended in `/>`, or `None` when the
    /// page ends inside the tag. `keep` false: read but not recorded.
    fn attributes(&mut self, mut i: usize, keep: bool) -> Option<(usize, bool)> {
        let b = self.b;
        self.attrs.clear();
        self.decoded.clear();
        loop {
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            match *b.get(i)? {
                b'>' => return Some((i + 1, false)),
                b'/' if b.get(i + 1) == Some(&b'>') => return Some((i + 2, true)),
                b'/' => {
                    i += 1;
                    continue;
                }
                _ => {}
            }
            // A name: its first character may be '=' (HTML5 says so).
            let start = i;
            i += 1;
            while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
                i += 1;
            }
            let name = (start, i);
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            let mut value = (i, i);
            if b.get(i) == Some(&b'=') {
                i += 1;
                while i < b.len() && is_space(b[i]) {
                    i += 1;
                }
                match *b.get(i)? {
                    q @ (b'"' | b'\'') => {
                        let close = i + 1 + memchr::memchr(q, &b[i + 1..])?;
                        value = (i + 1, close);
                        i = close + 1;
                    }
                    b'>' => value = (i, i),
                    _ => {
                        let start = i;
                        while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                            i += 1;
                        }
                        value = (start, i);
                    }
                }
            }
            if keep && (self.all_attrs || is_read(&b[name.0..name.1])) {
                self.record(name, value);
            }
        }
    }

    /// Keep one attribute, decoding its value if it needs it.
    fn record(&mut self, name: (usize, usize), value: (usize, usize)) {
        let raw = &self.src[value.0..value.1];
        let span = if entities::needs_decoding(raw.as_bytes(), Context::Attribute) {
            let start = self.decoded.len();
            entities::decode_into(&mut self.decoded, raw, Context::Attribute);
            AttrSpan {
                name,
                value: (start, self.decoded.len()),
                decoded: true,
            }
        } else {
            AttrSpan {
                name,
                value,
                decoded: false,
            }
        };
        self.attrs.push(span);
    }

    /// A start tag at `lt`, and the raw text after it if it is one of the
    /// raw-text elements.
    fn start_tag(&mut self, sink: &mut impl Sink, lt: usize) -> usize {
        let name_to = name_end(self.b, lt + 1);
        let name = &self.src[lt + 1..name_to];
        let tag = tag_of(name.as_bytes());
        let Some((after, self_closing)) = self.attributes(name_to, true) else {
            return self.b.len();
        };
        let start = StartTag {
            name,
            tag,
            src: self.src,
            decoded: &self.decoded,
            attrs: &self.attrs,
        };
        match tag {
            Tag::Script if is_json_ld(&start) => {
                sink.start(&start);
                let end = script_end(self.b, after);
                self.emit_text(sink, after, end, Context::Raw);
                end
            }
            Tag::Script => script_end(self.b, after),
            Tag::Style => raw_end(self.b, after, b"style"),
            // `<svg/>` is foreign content, where `/>` closes the element.
            Tag::Svg if self_closing => after,
            Tag::Svg => svg_end(self.b, after),
            Tag::Title | Tag::Textarea => {
                sink.start(&start);
                let end = raw_end(self.b, after, name.as_bytes());
                self.emit_text(sink, after, end, Context::Text);
                end
            }
            Tag::Xmp | Tag::Iframe | Tag::Noembed | Tag::Noframes | Tag::Noscript => {
                sink.start(&start);
                let end = raw_end(self.b, after, name.as_bytes());
                self.emit_text(sink, after, end, Context::Raw);
                end
            }
            Tag::Plaintext => {
                sink.start(&start);
                self.emit_text(sink, after, self.b.len(), Context::Raw);
                self.b.len()
            }
            _ => {
                sink.start(&start);
                after
            }
        }
    }

    /// An end tag at `lt`; its attributes are read and dropped.
    fn end_tag(&mut self, sink: &mut impl Sink, lt: usize) -> usize {
        let name_to = name_end(self.b, lt + 2);
        let Some((after, _)) = self.attributes(name_to, false) else {
            return self.b.len();
        };
        let name = &self.src[lt + 2..name_to];
        sink.end(name, tag_of(name.as_bytes()));
        after
    }
}

/// Attributes extraction reads. Pages carry many more (`src`, `srcset`,
/// `data-*`, `alt`, `width`...), and copying them into the tree is a good
/// part of the cost of building it.
fn is_read(name: &[u8]) -> bool {
    const READ: [&[u8]; 17] = [
        b"class",
        b"id",
        b"role",
        b"hidden",
        b"aria-hidden",
        b"style",
        b"href",
        b"lang",
        b"xml:lang",
        b"property",
        b"name",
        b"itemprop",
        b"http-equiv",
        b"content",
        b"datetime",
        b"rel",
        b"type",
    ];
    (2..=11).contains(&name.len()) && READ.iter().any(|r| r.eq_ignore_ascii_case(name))
}

/// `<script type="application/ld+json">`: the one script whose text is read.
fn is_json_ld(tag: &StartTag<'_>) -> bool {
    tag.attr("type").is_some_and(|t| {
        t.as_bytes()
            .windows(7)
            .any(|w| w.eq_ignore_ascii_case(b"ld+json"))
    })
}
