//! JSON Feed (jsonfeed.org, versions 1 and 1.1): `items[]` with `url`,
//! `title`, `date_published`, `content_html` / `content_text`, `summary`.
//!
//! Items are read one by one from the parsed array, so an item of the wrong
//! shape is an error of its own and the others are still read.

use serde::Deserialize;
use serde_json::Value;

use super::{Item, parse_date};
use crate::error::SourceErrorKind;

#[derive(Deserialize)]
struct Feed {
    #[serde(default)]
    items: Vec<Value>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct JsonItem {
    id: Option<Value>,
    url: Option<String>,
    external_url: Option<String>,
    title: Option<String>,
    date_published: Option<String>,
    date_modified: Option<String>,
    content_html: Option<String>,
    content_text: Option<String>,
    summary: Option<String>,
}

/// Every item of a JSON Feed; a feed that is not valid JSON is one error.
pub(crate) fn items(text: &str) -> Vec<Result<Item, SourceErrorKind>> {
    let feed: Feed = match serde_json::from_str(text.trim_start_matches('\u{feff}')) {
        Ok(f) => f,
        Err(e) => {
            return vec![Err(SourceErrorKind::Feed(format!(
                "not a JSON Feed at line {} column {}: {e}",
                e.line(),
                e.column()
            )))];
        }
    };
    feed.items
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            serde_json::from_value::<JsonItem>(v)
                .map(to_item)
                .map_err(|e| SourceErrorKind::Feed(format!("item {}: {e}", i + 1)))
        })
        .collect()
}

fn to_item(j: JsonItem) -> Item {
    let id = j.id.map(|v| match v {
        Value::String(s) => s,
        other => other.to_string(),
    });
    let content = j
        .content_html
        .or(j.content_text.map(|t| escape_as_html(&t)));
    Item {
        offset: 0,
        id,
        link: j.url.or(j.external_url),
        title: j.title,
        date: j
            .date_published
            .as_deref()
            .and_then(parse_date)
            .or_else(|| j.date_modified.as_deref().and_then(parse_date)),
        content,
        summary: j.summary.map(|s| escape_as_html(&s)),
    }
}

/// Plain text as HTML paragraphs, so every item's content is one kind.
fn escape_as_html(text: &str) -> String {
    text.split("\n\n")
        .map(|p| {
            let p = p
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            format!("<p>{p}</p>")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_feed_items() {
        let feed = r#"{"version":"https://jsonfeed.org/version/1.1","title":"W","items":[
            {"id":"1","url":"https://ex.example/1","title":"One","date_published":"2016-03-25T10:00:00Z","content_html":"<p>Body.</p>"},
            {"id":2,"title":"Two","content_text":"A < B\n\nNext."},
            "not an object"]}"#;
        let out = items(feed);
        assert_eq!(out.len(), 3);
        let one = out[0].as_ref().unwrap();
        assert_eq!(one.link.as_deref(), Some("https://ex.example/1"));
        assert_eq!(one.date.unwrap().to_string(), "2016-03-25");
        let two = out[1].as_ref().unwrap();
        assert_eq!(two.id.as_deref(), Some("2"));
        assert_eq!(
            two.content.as_deref(),
            Some("<p>A &lt; B</p>\n<p>Next.</p>")
        );
        assert!(out[2].is_err());
    }

    #[test]
    fn broken_json_is_one_error() {
        assert_eq!(items("{\"items\": [").len(), 1);
    }
}
