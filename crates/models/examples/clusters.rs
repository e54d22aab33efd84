//! Learns the word clusters as `detente train` does and prints a sample of
//! each fine cluster's words (those the tagged corpora spell out), to judge
//! them by eye.
//!
//! `cargo run --release -p detente-models --example clusters [N_CLUSTERS_SHOWN]`
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use detente_models::clusters::{ClusterConfig, Clusters};
use detente_models::corpus::{read_conll2003, read_conllu_dir, split_docs};
use detente_models::features::hash_lower;
use detente_models::unlabeled::reuters_sentences;

fn main() -> Result<(), detente_models::ModelError> {
    let shown: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(20);
    let shared = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let (train, _) = split_docs(read_conllu_dir(&shared.join("data/gum/dep"))?);
    let conll = read_conll2003(&shared.join("data/conll2003/eng.train"))?;
    let mut names: HashMap<u64, String> = HashMap::new();
    let mut text: Vec<Vec<u64>> = Vec::new();
    let words = train
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| &s.words)
        .chain(conll.iter().map(|s| &s.words));
    for ws in words {
        text.push(
            ws.iter()
                .map(|w| {
                    let h = hash_lower(w);
                    names.entry(h).or_insert_with(|| w.to_lowercase());
                    h
                })
                .collect(),
        );
    }
    text.extend(reuters_sentences(&shared.join("data/reuters21578"))?);
    let clusters = Clusters::learn(&text, &ClusterConfig::default());
    let mut by: BTreeMap<u64, Vec<&str>> = BTreeMap::new();
    for (h, w) in &names {
        let c = clusters.of(*h);
        by.entry(c.fine).or_default().push(w);
    }
    for (_, ws) in by.iter_mut().take(shown) {
        ws.sort();
        println!(
            "{:>5}: {}",
            ws.len(),
            ws.iter().take(14).copied().collect::<Vec<_>>().join(" ")
        );
    }
    Ok(())
}
