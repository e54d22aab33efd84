//! Where the embedded tagger and parser go wrong on the held-out GUM
//! documents: head accuracy per gold relation and by sentence length, and
//! the commonest tag confusions.
//!
//! `cargo run --release -p detente-models --example errors`
use std::collections::BTreeMap;
use std::path::Path;

use detente_models::corpus::{read_conllu_dir, split_docs};
use detente_models::{ParserModel, PosModel};

fn main() -> Result<(), detente_models::ModelError> {
    let shared = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let (_, test) = split_docs(read_conllu_dir(&shared.join("data/gum/dep"))?);
    let pos = PosModel::load_embedded()?;
    let parser = ParserModel::load_embedded()?;
    let gold_tags = std::env::args().any(|a| a == "gold");
    let mut by_rel: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut by_len: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    let mut confusions: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for s in test.iter().flat_map(|d| &d.sentences) {
        let words = s.word_refs();
        let tags = if gold_tags {
            s.tags.clone()
        } else {
            pos.tag(&words)
        };
        for (g, p) in s.tags.iter().zip(pos.tag(&words)) {
            if *g != p {
                *confusions.entry((g.as_str(), p.as_str())).or_default() += 1;
            }
        }
        let parse = parser.parse(&words, &tags);
        let bucket = (words.len() / 10).min(5) * 10;
        for (i, (h, _)) in parse.iter().enumerate() {
            let ok = *h == s.heads[i];
            let e = by_rel.entry(s.rels[i].as_str()).or_default();
            e.0 += 1;
            e.1 += ok as usize;
            let e = by_len.entry(bucket).or_default();
            e.0 += 1;
            e.1 += ok as usize;
        }
    }
    let total: usize = by_rel.values().map(|v| v.0).sum();
    let mut rows: Vec<_> = by_rel.into_iter().collect();
    rows.sort_by_key(|(_, (n, ok))| std::cmp::Reverse(n - ok));
    for (rel, (n, ok)) in rows.iter().take(20) {
        println!(
            "{rel:<12} {n:>6} ({:>4.1}% of tokens)  head {:>5.1}%  lost {:.2} UAS",
            100.0 * *n as f64 / total as f64,
            100.0 * *ok as f64 / *n as f64,
            100.0 * (n - ok) as f64 / total as f64
        );
    }
    for (len, (n, ok)) in by_len {
        println!(
            "length {len:>2}+: {n:>6} tokens, UAS {:.1}%",
            100.0 * ok as f64 / n as f64
        );
    }
    let mut conf: Vec<_> = confusions.into_iter().collect();
    conf.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    for ((g, p), n) in conf.iter().take(15) {
        println!("tag {g:<5} as {p:<5} {n}");
    }
    Ok(())
}
