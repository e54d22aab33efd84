//! Print the date clues of every wcxb-dev page as tab-separated lines, for
//! studying how the publication date should be chosen:
//! `cargo run --release -p detente-extract --example clues > clues.tsv`
use std::io::Read;

use detente_extract::{eval, html};

fn main() {
    let dir = eval::shared_dir().join("wcxb-dev");
    if !dir.exists() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    let mut files: Vec<_> = std::fs::read_dir(dir.join("ground-truth"))
        .expect("ground-truth folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    let show = |d: Option<detente_core::Date>| d.map(|d| d.to_string()).unwrap_or("-".into());
    for f in files {
        let id = f
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&f).expect("json")).expect("json");
        let mut bytes = Vec::new();
        let file =
            std::fs::File::open(dir.join("html").join(format!("{id}.html.gz"))).expect("page");
        flate2::read::MultiGzDecoder::new(file)
            .read_to_end(&mut bytes)
            .expect("gzip");
        let page = String::from_utf8_lossy(&bytes);
        let (a, c) = html::extract_explained(&page, gold["url"].as_str());
        let want = gold["ground_truth"]["publish_date"].as_str().unwrap_or("-");
        println!(
            "{id}\t{want}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            show(c.published),
            show(c.modified),
            show(c.shown),
            show(c.url),
            show(c.time),
            show(a.date),
            c.near
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(",")
        );
    }
}
