//! Hostile and broken input: the extractor must return, never panic or hang.

use detente_core::{Content, Document, DocumentError, Provenance, stage::Extractor};
use detente_extract::{Extract, text_page};
use proptest::prelude::*;

fn html_doc(html: String) -> Document {
    Document {
        id: None,
        provenance: Provenance::default(),
        content: Content::Html(html),
        date: None,
        title: None,
    }
}

#[test]
fn hundred_thousand_nested_tags() {
    let mut page = String::from("<html><body>");
    page.push_str(&"<div>".repeat(100_000));
    page.push_str(
        "<p>Deep inside the page there is, at last, a paragraph of actual article text.</p>",
    );
    page.push_str(&"</div>".repeat(100_000));
    // The result may be an article or a clear error; what matters is that it returns.
    let _ = Extract.extract(&html_doc(page));
    let unclosed = format!(
        "<html><body>{}<p>Unclosed paragraph text, long enough to be prose.",
        "<span><b><i>".repeat(30_000)
    );
    let _ = Extract.extract(&html_doc(unclosed));
}

#[test]
fn page_without_body_or_html() {
    let a = Extract
        .extract(&html_doc("<title>Talks resume</title><p>Diplomats met in Geneva on Tuesday for the first round of talks, officials said.</p>".into()))
        .unwrap();
    assert!(a.body.starts_with("Diplomats met in Geneva"), "{}", a.body);
    assert_eq!(a.title.as_deref(), Some("Talks resume"));
}

#[test]
fn page_of_100_mb_is_capped() {
    let para = "<p>A paragraph of filler news text, with commas, clauses, and words enough to score.</p>\n";
    let page = format!(
        "<html><body><article>{}</article></body></html>",
        para.repeat(100 * 1024 * 1024 / para.len())
    );
    let a = Extract.extract(&html_doc(page)).unwrap();
    assert!(!a.body.is_empty());
    assert!(a.body.len() <= detente_extract::html::MAX_HTML);
}

#[test]
fn binary_content_named_html_is_an_error_not_a_panic() {
    // What a PNG or a zip looks like after a lossy decode.
    let bytes: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let junk = String::from_utf8_lossy(&bytes).into_owned();
    let err = Extract.extract(&html_doc(junk)).unwrap_err();
    assert!(matches!(err, DocumentError::Binary(_)), "{err}");
    assert!(Extract.extract(&html_doc(String::new())).is_err());
}

proptest! {
    #[test]
    fn text_cleaner_never_panics_and_spans_hold(page in "(\\PC{0,60}\n{0,2}){0,30}") {
        let a = text_page::clean(&page);
        for p in &a.paragraphs {
            prop_assert!(p.end <= a.body.len());
            prop_assert!(a.body.is_char_boundary(p.start) && a.body.is_char_boundary(p.end));
            prop_assert!(!p.text(&a.body).trim().is_empty());
        }
        prop_assert!(!a.body.contains("\n\n\n"));
    }

    #[test]
    fn text_cleaner_keeps_prose_lines(words in proptest::collection::vec("[a-z]{2,9}", 14..40)) {
        let line = format!("{}.", words.join(" "));
        let page = format!("Ministers meet to discuss the border\n\n{line}\n\n{line}\n");
        let a = text_page::clean(&page);
        prop_assert_eq!(a.paragraphs.len(), 2);
        prop_assert_eq!(a.title.as_deref(), Some("Ministers meet to discuss the border"));
    }

    #[test]
    fn html_extractor_never_panics(page in "(<(p|div|a|br|h1|script|li)>|</(p|div|a|h1|script|li)>|[a-zA-Z ,.]{0,30}){0,60}") {
        let _ = Extract.extract(&html_doc(page));
    }
}

/// A feed item's content is a fragment, often one short summary: all of it
/// is the story, with the item's own title and date.
#[test]
fn feed_item_fragments_are_extracted_whole() {
    for content in [
        "Moscow offered talks.",
        "<p>Moscow offered talks.</p>",
        "<p>Moscow offered talks.</p><p>Kiev said it would answer on Friday, officials said.</p>",
    ] {
        let mut doc = html_doc(content.into());
        doc.title = Some("Talks offered".into());
        doc.date = detente_core::Date::from_ymd_opt(2016, 3, 25);
        let a = Extract
            .extract(&doc)
            .unwrap_or_else(|e| panic!("{content}: {e}"));
        assert!(
            a.body.starts_with("Moscow offered talks."),
            "{content}: {}",
            a.body
        );
        assert_eq!(a.title.as_deref(), Some("Talks offered"));
        assert_eq!(a.date, detente_core::Date::from_ymd_opt(2016, 3, 25));
    }
}
