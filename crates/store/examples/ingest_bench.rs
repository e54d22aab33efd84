//! End-to-end ingest throughput: every Reuters-21578 story (../shared, read
//! in place) through the whole route into a fresh SQLite file.
//!
//! Run: cargo run --release -p detente-store --example ingest_bench [-- LIMIT [route]]
//!
//! With `route` the documents go through the route only, not into the
//! database: the difference is what storage costs.
//!
//! Reports documents/s and events/s for reading + analysis + storage, the
//! resident memory high-water mark, and the database size. The SGML reader
//! below is deliberately small: it takes each <REUTERS> record's <DATE>,
//! <TITLE> and <BODY> and decodes the few character entities the corpus uses.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use chrono::NaiveDate;
use detente::{Document, Knowledge, Pipeline};
use detente_store::ingest::{Counters, ingest};
use detente_store::{Access, Store};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/reuters21578");
    if !dir.exists() {
        eprintln!("skipping: {} not found", dir.display());
        return;
    }
    let limit: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(usize::MAX);
    let t0 = Instant::now();
    let pipeline = Pipeline::new(Arc::new(Knowledge::embedded().expect("embedded knowledge")));
    let setup = t0.elapsed().as_secs_f64();

    if std::env::args().nth(2).as_deref() == Some("route") {
        let started = Instant::now();
        let (mut n, mut events) = (0u64, 0usize);
        let docs = reuters(&dir).into_iter().take(limit).map(Ok);
        let _ = detente::batch::run(&pipeline, docs, |o| {
            n += 1;
            events += o.map_or(0, |a| a.events.len());
            Ok::<(), ()>(())
        });
        let secs = started.elapsed().as_secs_f64();
        println!(
            "route only: {n} stories, {events} event mentions in {secs:.1} s: {:.0} documents/s",
            n as f64 / secs
        );
        return;
    }
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let db = tmp.path().join("bench.db");
    let store = Store::open(db.to_str().unwrap(), Access::ReadWrite).expect("open the database");
    let started = Instant::now();
    let docs = reuters(&dir).into_iter().take(limit).map(Ok);
    let (summary, store) = ingest(
        store,
        &pipeline,
        docs,
        Arc::new(Counters::default()),
        |_| {},
    );
    let secs = started.elapsed().as_secs_f64();
    let c = summary.expect("ingest succeeds").counts;
    drop(store);
    let size: u64 = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum();
    println!(
        "{} stories read, {} stored, {} failed; {} events, {} mentions, {} quotes\n\
         {secs:.1} s end to end: {:.0} documents/s, {:.0} events/s ({} threads; knowledge load {setup:.1} s)\n\
         peak resident memory {} MB; database {} MB",
        c.read,
        c.stored,
        c.failed,
        c.events,
        c.mentions,
        c.quotes,
        c.read as f64 / secs,
        c.events as f64 / secs,
        rayon::current_num_threads(),
        peak_rss_kb() / 1024,
        size / 1_000_000
    );
}

/// Every story of the reut2-*.sgm files, in file order.
fn reuters(dir: &Path) -> Vec<Document> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "sgm"))
        .collect();
    files.sort();
    let mut docs = Vec::new();
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for (i, record) in text.split("<REUTERS").skip(1).enumerate() {
            let title = between(record, "<TITLE>", "</TITLE>").map(decode);
            let body = between(record, "<BODY>", "</BODY>")
                .map(decode)
                .unwrap_or_default();
            let mut doc = Document::text(match &title {
                Some(t) => format!("{t}\n\n{body}"),
                None => body,
            });
            doc.title = title;
            doc.date = between(record, "<DATE>", "</DATE>").and_then(date);
            doc.id = Some(format!(
                "{}#{i}",
                file.file_name().unwrap().to_string_lossy()
            ));
            docs.push(doc);
        }
    }
    docs
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = s.find(open)? + open.len();
    let end = s[start..].find(close)? + start;
    Some(&s[start..end])
}

fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#3;", "")
        .replace("&amp;", "&")
        .trim()
        .to_string()
}

/// `26-FEB-1987 15:01:01.79` → 1987-02-26.
fn date(s: &str) -> Option<NaiveDate> {
    let day = s.split_whitespace().next()?;
    NaiveDate::parse_from_str(&day.to_lowercase(), "%d-%b-%Y").ok()
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))?
                .split_whitespace()
                .nth(1)?
                .parse()
                .ok()
        })
        .unwrap_or(0)
}
