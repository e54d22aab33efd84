//! P/R/F1 of the rule-based entities on CoNLL-2003 (default: eng.testa).
//!
//! `cargo run --release -p detente-analyze --example conll_eval [FILE]`

use std::path::PathBuf;

fn main() {
    let path = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/data/conll2003/eng.testa"
            ))
        });
    if !path.exists() {
        eprintln!("skipping: {} not found", path.display());
        return;
    }
    match detente_analyze::eval::conll_ner(&path) {
        Ok(r) => {
            println!("overall {}", r.overall);
            for (t, s) in &r.by_type {
                println!("{t:<5} {s}");
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
