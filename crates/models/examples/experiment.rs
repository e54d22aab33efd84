//! Trains every model in memory with hyper-parameters from `KEY=VALUE`
//! arguments and prints the evaluation, writing nothing: for comparing
//! settings before changing the defaults.
//!
//! `cargo run --release -p detente-models --example experiment -- pos_epochs=10 parser_bits=21`
use std::path::Path;

use detente_models::corpus::{read_conllu_dir, split_docs};
use detente_models::train::{gum_dir, split_dev, train_models};
use detente_models::{TrainOptions, evaluate_models};

fn main() {
    let mut o = TrainOptions::default();
    for arg in std::env::args().skip(1) {
        let Some((k, v)) = arg.split_once('=') else {
            eprintln!("ignoring {arg:?}: expected KEY=VALUE");
            continue;
        };
        let n: f64 = v.parse().unwrap_or_else(|_| panic!("{arg}: not a number"));
        match k {
            "pos_epochs" => o.pos.epochs = n as usize,
            "pos_bits" => o.pos.bits = n as u32,
            "pos_runs" => o.pos.runs = n as usize,
            "dict_min" => o.pos.dict_min = n as u32,
            "dict_share" => o.pos.dict_share = n,
            "parser_epochs" => o.parser.epochs = n as usize,
            "parser_bits" => o.parser.bits = n as u32,
            "label_epochs" => o.parser.label_epochs = n as usize,
            "label_bits" => o.parser.label_bits = n as u32,
            "explore" => o.parser.explore = n,
            "parser_runs" => o.parser.runs = n as usize,
            "ner_epochs" => o.ner.epochs = n as usize,
            "ner_bits" => o.ner.bits = n as u32,
            "gentle" => o.gentle = n != 0.0,
            "reuters" => o.reuters = n != 0.0,
            "fine" => o.clusters.fine = n as usize,
            "coarse" => o.clusters.coarse = n as usize,
            "vocab" => o.clusters.vocab = n as usize,
            "contexts" => o.clusters.contexts = n as usize,
            "folds" => o.folds = n as usize,
            "dev" => o.dev = n != 0.0,
            "dev_offset" => o.dev_offset = n as usize,
            _ => eprintln!("ignoring unknown key {k:?}"),
        }
    }
    let shared = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
    let t = match train_models(shared, &o) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    println!("{}", t.report);
    if o.dev {
        dev_figures(shared, &t, o.dev_offset);
        return;
    }
    match evaluate_models(shared, &t.pos, &t.parser, &t.ner) {
        Ok(r) => println!("{r}"),
        Err(e) => eprintln!("evaluate: {e}"),
    }
}

/// POS accuracy and UAS/LAS on the development documents (`dev=1`), which
/// were held out of training; the test documents are not read.
fn dev_figures(shared: &Path, t: &detente_models::train::Trained, dev_offset: usize) {
    let docs = read_conllu_dir(&gum_dir(shared)).expect("GUM");
    let dev = split_dev(split_docs(docs).0, dev_offset).1;
    let (mut n, mut tag_ok, mut head_ok, mut both_ok) = (0, 0, 0, 0);
    for s in dev.iter().flat_map(|d| &d.sentences) {
        let words = s.word_refs();
        let tags = t.pos.tag(&words);
        let parse = t.parser.parse(&words, &tags);
        for i in 0..words.len() {
            n += 1;
            tag_ok += (tags[i] == s.tags[i]) as usize;
            let h = parse[i].0 == s.heads[i];
            head_ok += h as usize;
            both_ok += (h && parse[i].1 == s.rels[i]) as usize;
        }
    }
    let pct = |k: usize| 100.0 * k as f64 / n as f64;
    println!(
        "DEV {} documents, {n} tokens: POS {:.2}%  UAS {:.2}%  LAS {:.2}%",
        dev.len(),
        pct(tag_ok),
        pct(head_ok),
        pct(both_ok)
    );
}
