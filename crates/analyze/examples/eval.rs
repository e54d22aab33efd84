//! Prints every figure of the analyze stage (what `detente eval analyze`
//! prints): POS, UAS, LAS on held-out GUM, NER on CoNLL-2003 testa, speed
//! and memory on Reuters-21578.
//!
//! `cargo run --release -p detente-analyze --example eval [SHARED_DIR]`

use std::path::PathBuf;

fn main() {
    let shared = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    if !shared.is_dir() {
        eprintln!("skipping: {} not found", shared.display());
        return;
    }
    match detente_analyze::eval::report(&shared) {
        Ok(r) => println!("{r}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
