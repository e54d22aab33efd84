//! Extraction speed over the aeb pages on one thread, pages read into memory
//! first: `cargo run --release -p detente-extract --example speed [ROUNDS]`.
//! Prints wall-clock pages/s and, on Linux, pages per second of the thread's
//! own CPU time (from /proc/thread-self/schedstat), which stays honest when
//! other processes share the cores.
use std::time::Instant;

use detente_core::{Content, Document, Provenance, stage::Extractor};
use detente_extract::{Extract, eval};

fn main() {
    let Some(pages) = eval::aeb_pages() else {
        eprintln!("skipping: ../shared not found");
        return;
    };
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5);
    let pages: Vec<Document> = pages
        .into_iter()
        .map(|html| Document {
            id: None,
            provenance: Provenance::default(),
            content: Content::Html(html),
            date: None,
            title: None,
        })
        .collect();
    let (mut best, mut best_cpu) = (f64::MAX, f64::MAX);
    for _ in 0..rounds {
        let (start, cpu) = (Instant::now(), cpu_seconds());
        for doc in &pages {
            let _ = Extract.extract(doc);
        }
        best = best.min(start.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu, cpu_seconds()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    let n = pages.len() as f64;
    println!(
        "{} pages, best of {rounds} rounds: {:.0} pages/s wall",
        pages.len(),
        n / best
    );
    if best_cpu < f64::MAX {
        println!("{:.0} pages per CPU-second of this thread", n / best_cpu);
    }
}

/// CPU time this thread has run, in seconds (Linux only).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
