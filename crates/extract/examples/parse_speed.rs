//! Parse time per page of the aeb set: html5ever (through scraper) against
//! our parser, best of 5 rounds:
//! `cargo run --release -p detente-extract --example parse_speed`
use std::time::{Duration, Instant};

use detente_extract::eval;
use detente_extract::html::parse;

fn main() {
    let Some(pages) = eval::aeb_pages() else {
        eprintln!("skipping: ../shared not found");
        return;
    };
    let only = std::env::args().nth(1);
    let best = |f: &dyn Fn(&str) -> usize| {
        let mut best = Duration::MAX;
        let mut nodes = 0;
        for _ in 0..5 {
            let start = Instant::now();
            nodes = pages.iter().map(|p| f(p)).sum::<usize>();
            best = best.min(start.elapsed());
        }
        (best.as_secs_f64() * 1000.0 / pages.len() as f64, nodes)
    };
    let bytes: usize = pages.iter().map(String::len).sum();
    println!(
        "{} pages, {:.0} KB/page",
        pages.len(),
        bytes as f64 / 1024.0 / pages.len() as f64
    );
    if only.as_deref() != Some("ours") {
        let (ms, nodes) = best(&|p| {
            let page = scraper::Html::parse_document(p);
            page.tree.nodes().count()
        });
        println!("html5ever:                    {ms:.3} ms/page, {nodes} nodes");
    }
    let (ms, nodes) = best(&|p| parse::parse(p).len());
    println!("ours:                         {ms:.3} ms/page, {nodes} nodes");
}
