//! Print the date clues of given wcxb-dev pages and the texts near the
//! headline that hold dates, for reading a miss:
//! `cargo run --release -p detente-extract --example dated -- 0039 0041`.
//! With WIN=1 every block of the window around the headline is listed too;
//! with ALL=1, every dated block and aside of the page instead.
use detente_extract::{eval, html};

fn main() {
    let dir = eval::shared_dir().join("wcxb-dev");
    if !dir.exists() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    for id in std::env::args().skip(1) {
        let eval::WcxbPage {
            gold, html: page, ..
        } = eval::wcxb_page(&dir, &id).expect("page");
        let doc = html::parse::parse(&page);
        let flat = html::dom::flatten(&doc);
        let chosen = html::content::select(&flat);
        let (a, c) = html::extract_explained(&page, gold["url"].as_str());
        let h = html::headline(&flat, &chosen);
        println!(
            "=== {id} want {} got {:?} pub {:?} mod {:?} shown {:?} url {:?} time {:?} (headline block {h:?}, chosen {:?}..{:?})",
            gold["ground_truth"]["publish_date"],
            a.date,
            c.published,
            c.modified,
            c.shown,
            c.url,
            c.time,
            chosen.first(),
            chosen.last()
        );
        if std::env::var_os("ALL").is_some() {
            for (i, b) in flat.blocks.iter().enumerate() {
                if let Some(d) = html::date::text_date(&b.text) {
                    let t: String = b.text.chars().take(100).collect();
                    println!(" #{i} {d}  {t:?}");
                }
            }
            for a in &flat.asides {
                if let Some(d) = html::date::text_date(&a.text) {
                    println!(" aside@{} {d}  {:?}", a.before, a.text);
                }
            }
            continue;
        }
        if std::env::var_os("WIN").is_some() {
            let (lo, hi) = html::date::window(&flat, h);
            for i in lo..hi {
                let t: String = flat.blocks[i].text.chars().take(100).collect();
                println!(" #{i} {t:?}");
            }
        }
        for (t, d) in html::date::dated_texts(&flat, h) {
            let t: String = t.chars().take(120).collect();
            println!("  {d}  {t:?}");
        }
    }
}
