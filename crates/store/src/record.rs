//! What one analysed document becomes in the database: its row, its events
//! grouped by identity, its quotes and entities. Pure functions, no I/O.
//!
//! Event identity follows GDELT: the same source actor doing the same thing
//! (CAMEO code) to the same target on the same day is one event, however
//! many sentences, articles and outlets report it. Each report is a mention.
//! An event without a date cannot be matched across days, so its identity
//! includes the near-duplicate cluster of its document: wire copies of one
//! story still collapse, unrelated stories do not.

use detente_core::{Analysis, Event};

/// The identity of an event across documents.
pub fn event_key(event: &Event, article_date: Option<detente_core::Date>, cluster: i64) -> String {
    let when = match event.date.or(article_date) {
        Some(d) => d.to_string(),
        None => format!("cluster{cluster}"),
    };
    let actor = |a: Option<detente_core::ActorCode>| a.map(|c| c.to_string()).unwrap_or_default();
    format!(
        "{when}|{}|{}|{}",
        actor(event.source.actor),
        actor(event.target.actor),
        event.code
    )
}

/// GDELT's root event: reported in the lead paragraph.
pub fn is_root(a: &Analysis, event: &Event) -> bool {
    a.article
        .paragraphs
        .first()
        .is_some_and(|p| p.contains(event.evidence_span))
}

/// Who published the document, for NumSources: the publisher, else the
/// host of its URL, else nothing known (all such documents are one source).
pub fn source_name(a: &Analysis) -> String {
    if let Some(p) = a
        .article
        .publisher
        .as_deref()
        .filter(|p| !p.trim().is_empty())
    {
        return p.trim().to_string();
    }
    a.article
        .url
        .as_deref()
        .and_then(host)
        .unwrap_or_default()
        .to_string()
}

fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    Some(host.strip_prefix("www.").unwrap_or(host)).filter(|h| !h.is_empty())
}

/// One event of a document with every sentence that reports it.
#[derive(Debug, Clone, PartialEq)]
pub struct EventGroup<'a> {
    pub key: String,
    pub event: &'a Event,
    /// Index of the first mention in `Analysis::events`.
    pub first_index: usize,
    /// Indexes of every mention in `Analysis::events`.
    pub mentions: Vec<usize>,
    pub is_root: bool,
}

/// The events of `a` grouped by identity, in order of first mention.
pub fn group_events(a: &Analysis, cluster: i64) -> Vec<EventGroup<'_>> {
    let mut groups: Vec<EventGroup<'_>> = Vec::new();
    for (i, e) in a.events.iter().enumerate() {
        let key = event_key(e, a.article.date, cluster);
        let root = is_root(a, e);
        match groups.iter_mut().find(|g| g.key == key) {
            Some(g) => {
                g.mentions.push(i);
                g.is_root |= root;
            }
            None => groups.push(EventGroup {
                key,
                event: e,
                first_index: i,
                mentions: vec![i],
                is_root: root,
            }),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(
            host("https://www.reuters.com/world/x?a=1"),
            Some("reuters.com")
        );
        assert_eq!(
            host("http://user@news.example.org:8080/"),
            Some("news.example.org")
        );
        assert_eq!(host("not a url"), None);
    }
}
