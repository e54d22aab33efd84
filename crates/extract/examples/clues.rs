//! Print the date clues of every wcxb-dev page as tab-separated lines, for
//! studying how the publication date should be chosen:
//! `cargo run --release -p detente-extract --example clues > clues.tsv`
use detente_extract::{eval, html};

fn main() {
    let dir = eval::shared_dir().join("wcxb-dev");
    if !dir.exists() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    let show = |d: Option<detente_core::Date>| d.map(|d| d.to_string()).unwrap_or("-".into());
    for id in eval::wcxb_ids(&dir).expect("wcxb-dev") {
        let eval::WcxbPage {
            gold, html: page, ..
        } = eval::wcxb_page(&dir, &id).expect("page");
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
