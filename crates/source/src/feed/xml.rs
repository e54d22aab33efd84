//! RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom items, read with quick-xml.
//!
//! All three put each story in an element (`item` or `entry`) whose direct
//! children are its fields. The reader walks the events once, keeping only
//! the item being read; the text of a field's descendants is gathered into
//! that field, and markup nested inside it (Atom `type="xhtml"` content) is
//! written back out as tags so the extractor sees the HTML. Names keep their
//! prefix (`content:encoded`, `dc:date`) because the prefix is what tells
//! RSS extension fields apart; every real feed uses the conventional ones.
//!
//! Feeds in the wild are often not well-formed (a bare `&`, an unknown
//! entity). An XML error inside an item makes that item an error; the reader
//! then goes on, so the other items survive. After too many errors it stops.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{Item, parse_date};
use crate::error::SourceErrorKind;

/// Errors tolerated in one feed before the rest is given up.
const MAX_ERRORS: usize = 100;

/// The lowercase qualified name of the first element in `head`, after any
/// declaration, comments and doctype.
pub(crate) fn root_name(head: &str) -> Option<String> {
    let mut rest = head;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("<?") {
            rest = &r[r.find("?>")? + 2..];
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = &r[r.find("-->")? + 3..];
        } else if let Some(r) = rest.strip_prefix("<!") {
            rest = &r[r.find('>')? + 1..];
        } else {
            let r = rest.strip_prefix('<')?;
            let end = r.find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
            return Some(r[..end].to_ascii_lowercase());
        }
    }
}

/// The field of an item that an element's text goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Title,
    Link,
    Id,
    Published,
    Updated,
    Content,
    Summary,
    Other,
}

fn field(name: &str) -> Field {
    match name {
        "title" => Field::Title,
        "link" => Field::Link,
        "guid" | "id" => Field::Id,
        "pubdate" | "dc:date" | "published" | "issued" => Field::Published,
        "updated" | "modified" | "dcterms:modified" => Field::Updated,
        "content:encoded" | "content" => Field::Content,
        "description" | "summary" => Field::Summary,
        _ => Field::Other,
    }
}

/// The item being read and where its fields' text goes.
struct Open {
    item: Item,
    /// Element depth of the item element itself.
    depth: usize,
    field: Field,
    text: String,
    /// The published date wins over an updated one, whatever their order.
    updated: Option<detente_core::Date>,
    error: Option<String>,
}

/// Every item of an RSS, RDF or Atom feed, each read or an error.
pub(crate) fn items(text: &str) -> Vec<Result<Item, SourceErrorKind>> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = false;
    let mut out = Vec::new();
    let mut open: Option<Open> = None;
    let mut depth = 0usize;
    let mut errors = 0usize;
    loop {
        let at = reader.buffer_position();
        let event = match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(e) => e,
            Err(e) => {
                errors += 1;
                let what = format!("malformed XML at byte {}: {e}", reader.error_position());
                match &mut open {
                    Some(o) => o.error = o.error.take().or(Some(what)),
                    None => out.push(Err(SourceErrorKind::Feed(what))),
                }
                if errors >= MAX_ERRORS || reader.buffer_position() <= at {
                    out.push(Err(SourceErrorKind::Feed(format!(
                        "gave up reading the feed at byte {at} after {errors} errors"
                    ))));
                    break;
                }
                continue;
            }
        };
        match event {
            Event::Start(e) => {
                depth += 1;
                start(&mut open, &e, depth, at, false);
            }
            Event::Empty(e) => start(&mut open, &e, depth + 1, at, true),
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).to_ascii_lowercase();
                if let Some(o) = open.as_mut() {
                    if depth == o.depth {
                        if let Some(done) = open.take() {
                            out.push(finish(done));
                        }
                    } else if depth == o.depth + 1 {
                        end_field(o);
                    } else if o.field != Field::Other {
                        o.text.push_str(&format!("</{name}>"));
                    }
                }
                depth = depth.saturating_sub(1);
            }
            Event::Text(t) => push_text(&mut open, &t.decode().unwrap_or_default()),
            Event::CData(t) => push_text(&mut open, &t.decode().unwrap_or_default()),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => {
                        let name = r.decode().unwrap_or_default();
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .map(str::to_string)
                            // Unknown (HTML) entities are kept for the HTML parser.
                            .unwrap_or_else(|| format!("&{name};"))
                    }
                };
                push_text(&mut open, &resolved);
            }
            _ => {}
        }
    }
    // A feed cut off inside an item still yields what was read of it.
    if let Some(o) = open {
        out.push(finish(o));
    }
    out
}

fn start(open: &mut Option<Open>, e: &BytesStart, depth: usize, at: u64, empty: bool) {
    let name = String::from_utf8_lossy(e.name().as_ref()).to_ascii_lowercase();
    match open {
        None if !empty && (name == "item" || name == "entry") => {
            *open = Some(Open {
                item: Item {
                    offset: at,
                    ..Item::default()
                },
                depth,
                field: Field::Other,
                text: String::new(),
                updated: None,
                error: None,
            });
        }
        None => {}
        Some(o) if depth == o.depth + 1 => {
            o.field = field(&name);
            o.text.clear();
            if o.field == Field::Link {
                atom_link(o, e);
            }
            if empty {
                o.field = Field::Other;
            }
        }
        Some(o) if o.field != Field::Other => {
            // Markup inside a field (Atom xhtml content): keep it as HTML.
            let raw = String::from_utf8_lossy(e);
            o.text.push('<');
            o.text.push_str(&raw);
            o.text.push_str(if empty { "/>" } else { ">" });
        }
        Some(_) => {}
    }
}

/// An Atom `<link href=...>`: the alternate (or untyped) link is the story's.
fn atom_link(o: &mut Open, e: &BytesStart) {
    let attr = |key: &[u8]| {
        e.try_get_attribute(key)
            .ok()
            .flatten()
            .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
    };
    let Some(href) = attr(b"href") else { return };
    let rel = attr(b"rel").unwrap_or_else(|| "alternate".into());
    if rel == "alternate" && o.item.link.is_none() {
        o.item.link = Some(href);
    }
}

fn push_text(open: &mut Option<Open>, text: &str) {
    if let Some(o) = open.as_mut().filter(|o| o.field != Field::Other) {
        o.text.push_str(text);
    }
}

/// A field element ended: store its text.
fn end_field(o: &mut Open) {
    let text = std::mem::take(&mut o.text).trim().to_string();
    let field = std::mem::replace(&mut o.field, Field::Other);
    if text.is_empty() {
        return;
    }
    let item = &mut o.item;
    match field {
        Field::Title => item.title = Some(text),
        Field::Link => item.link = item.link.take().or(Some(text)),
        Field::Id => item.id = item.id.take().or(Some(text)),
        Field::Published => item.date = item.date.or(parse_date(&text)),
        Field::Updated => o.updated = o.updated.or(parse_date(&text)),
        Field::Content => item.content = Some(text),
        Field::Summary => item.summary = item.summary.take().or(Some(text)),
        Field::Other => {}
    }
}

fn finish(mut o: Open) -> Result<Item, SourceErrorKind> {
    o.item.date = o.item.date.or(o.updated);
    match o.error {
        Some(what) => Err(SourceErrorKind::Record {
            offset: o.item.offset,
            what: format!("item unreadable: {what}"),
        }),
        None => Ok(o.item),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss2_items() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
<item><title>Talks &amp; more</title><link>https://ex.example/a</link><guid>a1</guid>
<pubDate>Fri, 25 Mar 2016 10:00:00 GMT</pubDate><description>&lt;p&gt;Short.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>Full story.</p>]]></content:encoded></item>
<item><title>Second</title><description>Only a summary &#8212; here.</description></item>
</channel></rss>"#;
        let items: Vec<Item> = items(rss).into_iter().map(Result::unwrap).collect();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].title.as_deref(), Some("Talks & more"));
        assert_eq!(items[0].link.as_deref(), Some("https://ex.example/a"));
        assert_eq!(items[0].id.as_deref(), Some("a1"));
        assert_eq!(items[0].date.unwrap().to_string(), "2016-03-25");
        assert_eq!(items[0].summary.as_deref(), Some("<p>Short.</p>"));
        assert_eq!(items[0].content.as_deref(), Some("<p>Full story.</p>"));
        assert_eq!(items[1].summary.as_deref(), Some("Only a summary — here."));
    }

    #[test]
    fn atom_entries_with_xhtml_content() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
<entry><title type="text">Entry one</title><link rel="self" href="https://ex.example/self"/>
<link href="https://ex.example/1"/><id>urn:1</id><updated>2016-03-26T00:00:00Z</updated>
<published>2016-03-25T09:00:00+03:00</published>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Body <b>bold</b>.</p></div></content></entry></feed>"#;
        let items: Vec<Item> = items(atom).into_iter().map(Result::unwrap).collect();
        assert_eq!(items.len(), 1);
        let e = &items[0];
        assert_eq!(e.link.as_deref(), Some("https://ex.example/1"));
        assert_eq!(e.date.unwrap().to_string(), "2016-03-25");
        let content = e.content.as_deref().unwrap();
        assert!(content.contains("<p>Body <b>bold</b>.</p>"), "{content}");
    }

    #[test]
    fn a_broken_item_costs_only_itself() {
        let rss = "<rss><channel><item><title>A</title><description>ok</description></item>\
<item><title>B &bogus stuff</title><description>x</description></item>\
<item><title>C</title><description>ok</description></item></channel></rss>";
        let out = items(rss);
        let ok: Vec<_> = out.iter().filter_map(|r| r.as_ref().ok()).collect();
        assert!(ok.iter().any(|i| i.title.as_deref() == Some("A")));
        assert!(
            ok.iter().any(|i| i.title.as_deref() == Some("C")),
            "{out:?}"
        );
    }

    #[test]
    fn root_names() {
        assert_eq!(
            root_name("<?xml?><!-- c --><!DOCTYPE x><rss v>").as_deref(),
            Some("rss")
        );
        assert_eq!(root_name("  <feed>").as_deref(), Some("feed"));
        assert_eq!(root_name("text"), None);
    }
}
