//! WARC files built here in the Common Crawl News layout (one gzip member per
//! record), good and broken: every HTML response becomes a document with its
//! provenance, everything else is counted, and a broken record is one error
//! that costs no neighbour.

use std::io::Write;

use detente_core::{Content, Document};
use detente_source::{Input, SourceError, SourceErrorKind, SourceOptions, read_inputs};

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn record(kind: &str, id: u32, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{id:08}>\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn response(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n").into_bytes();
    out.extend_from_slice(body);
    out
}

fn page(text: &str) -> Vec<u8> {
    format!("<html><body><p>{text}</p></body></html>").into_bytes()
}

/// Write `bytes` to a scratch file and read it back.
fn read(name: &str, bytes: &[u8]) -> (Vec<Result<Document, SourceError>>, detente_source::Skipped) {
    let dir = std::env::temp_dir().join(format!("detente-warc-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let mut docs = read_inputs(&[Input::Path(path)], &SourceOptions::default());
    let out: Vec<_> = docs.by_ref().collect();
    let skipped = docs.skipped();
    let _ = std::fs::remove_dir_all(&dir);
    (out, skipped)
}

fn text(r: &Result<Document, SourceError>) -> &str {
    match &r.as_ref().expect("a document").content {
        Content::Html(h) => h,
        Content::Text(t) => t,
    }
}

fn crawl() -> Vec<Vec<u8>> {
    let (cyr, _, _) = encoding_rs::WINDOWS_1251.encode("Москва заявила о переговорах.");
    let mut cyr_page = b"<html><body><p>".to_vec();
    cyr_page.extend_from_slice(&cyr);
    cyr_page.extend_from_slice(b"</p></body></html>");
    vec![
        record("warcinfo", 1, "", b"software: test"),
        record(
            "request",
            2,
            "https://a.example/1",
            b"GET /1 HTTP/1.1\r\n\r\n",
        ),
        record(
            "response",
            3,
            "https://a.example/1",
            &response("200 OK", "text/html; charset=utf-8", &page("First story.")),
        ),
        record("metadata", 4, "https://a.example/1", b"fetchTimeMs: 12"),
        record(
            "response",
            5,
            "https://a.example/logo.png",
            &response("200 OK", "image/png", b"\x89PNG...."),
        ),
        record(
            "response",
            6,
            "https://a.example/old",
            &response("301 Moved Permanently", "text/html", b""),
        ),
        record(
            "response",
            7,
            "<https://b.example/ru>",
            &response("200 OK", "text/html; charset=windows-1251", &cyr_page),
        ),
    ]
}

#[test]
fn warc_gz_documents_provenance_and_skips() {
    let members: Vec<Vec<u8>> = crawl().iter().map(|r| gzip(r)).collect();
    let offsets: Vec<u64> = members
        .iter()
        .scan(0u64, |at, m| {
            let o = *at;
            *at += m.len() as u64;
            Some(o)
        })
        .collect();
    let (docs, skipped) = read("crawl.warc.gz", &members.concat());
    assert_eq!(docs.len(), 2, "{docs:?}");
    assert!(text(&docs[0]).contains("First story."));
    let p = &docs[0].as_ref().unwrap().provenance;
    assert_eq!(p.url.as_deref(), Some("https://a.example/1"));
    assert_eq!(p.warc_record.as_deref(), Some("<urn:uuid:00000003>"));
    assert_eq!(p.offset, Some(offsets[2]));
    assert!(p.path.as_deref().unwrap().ends_with("crawl.warc.gz"));
    assert!(
        text(&docs[1]).contains("Москва заявила"),
        "charset from the HTTP header"
    );
    assert_eq!(
        docs[1].as_ref().unwrap().provenance.url.as_deref(),
        Some("https://b.example/ru")
    );
    assert_eq!(
        (skipped.records, skipped.non_html, skipped.http_status),
        (3, 1, 1)
    );
}

#[test]
fn plain_warc_is_read_too() {
    let (docs, skipped) = read("crawl.warc", &crawl().concat());
    assert_eq!(docs.len(), 2);
    assert_eq!(skipped.records, 3);
}

fn record_error(r: &Result<Document, SourceError>) -> (u64, String) {
    match &r.as_ref().expect_err("an error").kind {
        SourceErrorKind::Record { offset, what } => (*offset, what.clone()),
        other => panic!("not a record error: {other}"),
    }
}

#[test]
fn truncated_member_costs_only_itself() {
    let good = gzip(&record(
        "response",
        1,
        "https://a.example/1",
        &response("200 OK", "text/html", &page("One.")),
    ));
    let cut = gzip(&record(
        "response",
        2,
        "https://a.example/2",
        &response("200 OK", "text/html", &page("Two.")),
    ));
    let cut = &cut[..cut.len() / 2];
    let last = gzip(&record(
        "response",
        3,
        "https://a.example/3",
        &response("200 OK", "text/html", &page("Three.")),
    ));
    let (docs, _) = read(
        "cut.warc.gz",
        &[good.clone(), cut.to_vec(), last.clone()].concat(),
    );
    assert_eq!(docs.len(), 3, "{docs:?}");
    assert!(text(&docs[0]).contains("One."));
    let (offset, what) = record_error(&docs[1]);
    assert_eq!(offset, good.len() as u64);
    assert!(what.contains("gzip"), "{what}");
    assert!(text(&docs[2]).contains("Three."));

    // Cut at the end of the file: the last record is an error, the rest read.
    let (docs, _) = read(
        "end.warc.gz",
        &[good, last[..last.len() - 10].to_vec()].concat(),
    );
    assert_eq!(docs.len(), 2);
    assert!(docs[0].is_ok() && docs[1].is_err());
}

#[test]
fn lying_content_length_costs_only_its_record() {
    let honest = record(
        "response",
        1,
        "https://a.example/1",
        &response("200 OK", "text/html", &page("Honest.")),
    );
    let mut liar = record(
        "response",
        2,
        "https://a.example/2",
        &response("200 OK", "text/html", &page("Liar.")),
    );
    let liar_text = String::from_utf8(liar.clone()).unwrap();
    let length = liar_text.split("Content-Length: ").nth(1).unwrap();
    let length: usize = length[..length.find('\r').unwrap()].parse().unwrap();
    let stated = |n: usize| {
        liar_text.replacen(
            &format!("Content-Length: {length}"),
            &format!("Content-Length: {n}"),
            1,
        )
    };
    let (long, short) = (stated(length + 40), stated(length - 5));
    let after = record(
        "response",
        3,
        "https://a.example/3",
        &response("200 OK", "text/html", &page("After.")),
    );
    for lie in [long, short] {
        liar = lie.into_bytes();
        let plain = [honest.clone(), liar.clone(), after.clone()].concat();
        let (docs, _) = read("lie.warc", &plain);
        assert_eq!(docs.len(), 3, "{docs:?}");
        assert!(text(&docs[0]).contains("Honest."));
        assert!(docs[1].is_err());
        assert!(text(&docs[2]).contains("After."));
        let gz = [gzip(&honest), gzip(&liar), gzip(&after)].concat();
        let (docs, _) = read("lie.warc.gz", &gz);
        assert_eq!(docs.len(), 3, "{docs:?}");
        assert!(docs[1].is_err() && text(&docs[2]).contains("After."));
    }
}

#[test]
fn garbage_between_members_is_skipped_with_one_error() {
    let a = gzip(&record(
        "response",
        1,
        "u",
        &response("200 OK", "text/html", &page("A.")),
    ));
    let b = gzip(&record(
        "response",
        2,
        "u",
        &response("200 OK", "text/html", &page("B.")),
    ));
    let (docs, _) = read("junk.warc.gz", &[a, b"junk junk".to_vec(), b].concat());
    assert_eq!(docs.len(), 3);
    assert!(docs[0].is_ok() && docs[1].is_err() && docs[2].is_ok());
}
