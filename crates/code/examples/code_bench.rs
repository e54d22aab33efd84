//! Throughput of analyze + code on the Reuters-21578 stories in ../shared
//! (read in place), or on a synthetic long quote with `long`.
//! Run: cargo run --release -p detente-code --example code_bench [-- long]
use std::sync::Arc;
use std::time::Instant;

use detente_core::stage::{Analyzer, Coder};

fn main() {
    let coder = detente_code::EventCoder::new(Arc::new(
        detente_knowledge::Knowledge::embedded().expect("knowledge"),
    ));
    let analyzer = detente_analyze::RuleAnalyzer::new();
    let texts: Vec<String> = if std::env::args().nth(1).as_deref() == Some("long") {
        let mut body = String::from("Wan said: \"");
        while body.len() < 200_000 {
            body.push_str("Russia and the EU want peace and talks with each other ");
        }
        vec![body]
    } else {
        reuters()
    };
    let (mut sentences, mut t_analyze, mut t_code) = (0usize, 0.0, 0.0);
    for t in &texts {
        let article = detente_core::Article::from_body(t.clone());
        let a = Instant::now();
        let ta = analyzer.analyze(&article);
        let b = Instant::now();
        let _ = coder.code(&article, &ta);
        t_analyze += (b - a).as_secs_f64();
        t_code += b.elapsed().as_secs_f64();
        sentences += ta.sentences.len();
    }
    let total = t_analyze + t_code;
    println!(
        "{} documents, {sentences} sentences: analyze {t_analyze:.2}s, code {t_code:.2}s, {:.0} sentences/s (analyze+code, one core), code alone {:.0} sentences/s",
        texts.len(),
        sentences as f64 / total,
        sentences as f64 / t_code
    );
}

/// The BODY texts of the Reuters-21578 SGML files.
fn reuters() -> Vec<String> {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/reuters21578"
    );
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipping: ../shared not found");
        return Vec::new();
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sgm"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let raw = std::fs::read(&p).unwrap_or_default();
        let text = String::from_utf8_lossy(&raw);
        for part in text.split("<BODY>").skip(1) {
            if let Some(end) = part.find("</BODY>") {
                out.push(part[..end].replace("&lt;", "<").replace("&amp;", "&"));
            }
        }
    }
    out
}
