//! News feeds: RSS 0.9x/1.0/2.0, Atom and JSON Feed files, each item a document.
//!
//! ```text
//! bytes ─▶ decode (BOM, <?xml encoding>, guess) ─▶ xml (RSS, RDF, Atom) | json (JSON Feed)
//!       ─▶ Item { link, title, date, id, content | summary, offset }
//!       ─▶ Document { content: Html, title, date, provenance.url = link }
//! ```
//!
//! The item's own date and title are what the publisher states, so they go
//! on the document and win over what extraction finds in the content. An
//! item with neither content nor summary is an error naming it: there is
//! nothing to extract, and this stage does not fetch links. A malformed item
//! is an error of its own; the items around it are still read.

mod json;
mod xml;

use detente_core::{Content, Date, Document, Provenance};

use crate::error::{SourceError, SourceErrorKind};

/// One item of a feed, as the feed states it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Item {
    /// Byte offset of the item in the (decoded) feed text.
    pub offset: u64,
    pub id: Option<String>,
    pub link: Option<String>,
    pub title: Option<String>,
    pub date: Option<Date>,
    /// Full content (`content:encoded`, Atom `content`, `content_html`).
    pub content: Option<String>,
    /// Summary (`description`, Atom `summary`, `summary`).
    pub summary: Option<String>,
}

/// What kind of feed a text is, judged from its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Xml,
    Json,
}

/// Whether `text` is a feed: an XML document whose root is `rss`, `feed` or
/// `rdf:RDF`, or a JSON object naming a jsonfeed.org version.
pub(crate) fn sniff(text: &str) -> Option<Kind> {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let head: String = start.chars().take(2048).collect();
    if start.starts_with('{') {
        return head.contains("jsonfeed.org/version").then_some(Kind::Json);
    }
    if !start.starts_with('<') {
        return None;
    }
    let root = xml::root_name(&head)?;
    matches!(root.as_str(), "rss" | "feed" | "rdf:rdf").then_some(Kind::Xml)
}

/// The documents of a feed text; `name` is the file it came from.
pub(crate) fn documents(name: &str, text: &str, kind: Kind) -> Vec<Result<Document, SourceError>> {
    let items = match kind {
        Kind::Xml => xml::items(text),
        Kind::Json => json::items(text),
    };
    let mut out: Vec<_> = items
        .into_iter()
        .map(|item| item.and_then(to_document(name)))
        .map(|r| r.map_err(|kind| SourceError::new(name, kind)))
        .collect();
    if out.is_empty() {
        out.push(Err(SourceError::new(
            name,
            SourceErrorKind::Feed("the feed has no items".into()),
        )));
    }
    out
}

fn to_document(name: &str) -> impl Fn(Item) -> Result<Document, SourceErrorKind> + '_ {
    move |item| {
        let body = item
            .content
            .filter(|c| !c.trim().is_empty())
            .or(item.summary.filter(|s| !s.trim().is_empty()));
        let Some(body) = body else {
            let what = match &item.link {
                Some(link) => format!("item has no content or summary (link {link})"),
                None => "item has no content, summary or link".into(),
            };
            return Err(SourceErrorKind::Record {
                offset: item.offset,
                what,
            });
        };
        Ok(Document {
            id: item.id,
            provenance: Provenance {
                path: Some(name.to_string()),
                url: item.link,
                warc_record: None,
                offset: Some(item.offset),
                line: None,
            },
            content: Content::Html(body),
            date: item.date,
            title: item.title.map(|t| plain_title(&t)),
        })
    }
}

/// Titles sometimes carry markup (`<b>`) or spread over lines: keep the words.
fn plain_title(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut in_tag = false;
    for c in title.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A feed date: RFC 2822 (RSS), RFC 3339 (Atom, JSON Feed), or a bare
/// `YYYY-MM-DD`. The date is the one in the publisher's own time zone.
pub(crate) fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Ok(d) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(d.date_naive());
    }
    if let Ok(d) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(d.date_naive());
    }
    let head = s.get(..10)?;
    Date::parse_from_str(head, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_feed_formats() {
        let d = |s| parse_date(s).map(|d| d.to_string());
        assert_eq!(
            d("Fri, 25 Mar 2016 23:30:00 -0500").as_deref(),
            Some("2016-03-25")
        );
        assert_eq!(
            d("Fri, 25 Mar 2016 10:00:00 GMT").as_deref(),
            Some("2016-03-25")
        );
        assert_eq!(
            d("2016-03-25T10:00:00+08:00").as_deref(),
            Some("2016-03-25")
        );
        assert_eq!(d("2016-03-25").as_deref(), Some("2016-03-25"));
        assert_eq!(d("yesterday"), None);
    }

    #[test]
    fn sniffing() {
        assert_eq!(
            sniff("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
            Some(Kind::Xml)
        );
        assert_eq!(
            sniff("<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Some(Kind::Xml)
        );
        assert_eq!(sniff("<!-- x --><rdf:RDF>"), Some(Kind::Xml));
        assert_eq!(sniff("<html><body>"), None);
        assert_eq!(
            sniff("{\"version\": \"https://jsonfeed.org/version/1.1\"}"),
            Some(Kind::Json)
        );
        assert_eq!(sniff("{\"id\": 1}"), None);
    }

    #[test]
    fn titles_lose_markup() {
        assert_eq!(plain_title(" <b>Talks</b>\n resume "), "Talks resume");
    }
}
