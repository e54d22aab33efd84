//! Tokens per second of the analyze stage over Reuters-21578, one core:
//! the default (trained) analyzer, then the rules alone.
//!
//! `cargo run --release -p detente-analyze --example bench [DIR] [MAX_DOCS]`

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/reuters21578"
        ))
    });
    let limit = args
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(usize::MAX);
    if !dir.exists() {
        eprintln!("skipping: {} not found", dir.display());
        return;
    }
    let trained = match detente_analyze::RuleAnalyzer::trained() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let rules = detente_analyze::RuleAnalyzer::new();
    for (name, analyzer) in [("trained (default)", &trained), ("rules only", &rules)] {
        match detente_analyze::bench::bench_reuters_with(&dir, limit, analyzer) {
            Ok(report) => println!("{name}: {report}"),
            Err(e) => {
                eprintln!("error: {e}");
                std::process::exit(1);
            }
        }
    }
}
