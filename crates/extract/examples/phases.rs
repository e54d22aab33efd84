//! Where extraction time goes, per page of the aeb set: the scan of the
//! raw page for a date, parsing, flattening, content selection and metadata:
//! `cargo run --release -p detente-extract --example phases`
use std::time::{Duration, Instant};

use detente_extract::{eval, html};

fn main() {
    let Some(pages) = eval::aeb_pages() else {
        eprintln!("skipping: ../shared not found");
        return;
    };
    const ROUNDS: usize = 3;
    let mut t = [Duration::ZERO; 6];
    let mut lap = |i: usize, start: &mut Instant| {
        t[i] += start.elapsed();
        *start = Instant::now();
    };
    for _ in 0..ROUNDS {
        for p in &pages {
            let mut s = Instant::now();
            let _ = html::date::scan_published(p);
            lap(0, &mut s);
            let page = html::parse::parse(p);
            lap(1, &mut s);
            let flat = html::dom::flatten(&page);
            lap(2, &mut s);
            let _ = html::content::select(&flat);
            lap(3, &mut s);
            let _ = html::meta::read(&page);
            lap(4, &mut s);
            let _ = html::extract(p, None);
            lap(5, &mut s);
        }
    }
    let n = (pages.len() * ROUNDS) as f64;
    for (name, d) in ["scandate", "parse", "flatten", "select", "meta", "whole"]
        .iter()
        .zip(t)
    {
        println!("{name:8} {:.3} ms/page", d.as_secs_f64() * 1000.0 / n);
    }
}
