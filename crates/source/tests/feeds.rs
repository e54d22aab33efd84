//! Feed files read through the ordinary entry point: every item a document
//! with the feed's link, title and date; an item with nothing to extract is
//! an error naming it, and its neighbours are still read.

use detente_core::{Content, Document};
use detente_source::{Input, SourceError, SourceOptions, read_inputs};

fn read(name: &str, bytes: &[u8]) -> Vec<Result<Document, SourceError>> {
    let dir = std::env::temp_dir().join(format!("detente-feeds-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = read_inputs(&[Input::Path(path)], &SourceOptions::default()).collect();
    let _ = std::fs::remove_dir_all(&dir);
    out
}

fn html(d: &Document) -> &str {
    match &d.content {
        Content::Html(h) => h,
        Content::Text(_) => panic!("feed items are HTML"),
    }
}

#[test]
fn rss_file_items_become_documents() {
    let rss = "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<rss version=\"2.0\"><channel><title>Лента</title>\
<item><title>Переговоры</title><link>https://ex.example/ru/1</link><pubDate>Fri, 25 Mar 2016 10:00:00 +0300</pubDate>\
<description>Москва предложила переговоры.</description></item>\
<item><title>No body</title><link>https://ex.example/ru/2</link></item>\
<item><title>Third</title><description>&lt;p&gt;Still read.&lt;/p&gt;</description></item></channel></rss>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(rss);
    let out = read("news.rss", &bytes);
    assert_eq!(out.len(), 3);
    let first = out[0].as_ref().unwrap();
    assert_eq!(first.title.as_deref(), Some("Переговоры"));
    assert_eq!(first.date.unwrap().to_string(), "2016-03-25");
    assert_eq!(
        first.provenance.url.as_deref(),
        Some("https://ex.example/ru/1")
    );
    assert!(html(first).contains("Москва предложила"));
    let err = out[1].as_ref().unwrap_err().to_string();
    assert!(
        err.contains("news.rss") && err.contains("https://ex.example/ru/2"),
        "{err}"
    );
    assert_eq!(html(out[2].as_ref().unwrap()), "<p>Still read.</p>");
}

#[test]
fn atom_and_json_feeds_under_any_name() {
    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title>
<link href="https://ex.example/a"/><published>2016-03-25T09:00:00Z</published>
<summary>Summary text.</summary></entry></feed>"#;
    let out = read("atom.xml", atom.as_bytes());
    assert_eq!(out.len(), 1);
    assert_eq!(
        out[0].as_ref().unwrap().provenance.url.as_deref(),
        Some("https://ex.example/a")
    );

    let json = r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"x","url":"https://ex.example/j","content_text":"Plain."}]}"#;
    let out = read("feed.json", json.as_bytes());
    assert_eq!(out.len(), 1);
    let d = out[0].as_ref().unwrap();
    assert_eq!(d.id.as_deref(), Some("x"));
    assert_eq!(html(d), "<p>Plain.</p>");
}

#[test]
fn a_feed_with_no_items_is_one_error() {
    let out = read(
        "empty.rss",
        b"<rss><channel><title>x</title></channel></rss>",
    );
    assert_eq!(out.len(), 1);
    assert!(
        out[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("no items")
    );
}
