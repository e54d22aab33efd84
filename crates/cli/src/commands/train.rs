//! `detente train`: reproduce every trained model from the shared corpora.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args as ClapArgs;
use detente::models::{TrainOptions, train_all};

/// Train the POS tagger, dependency parser and entity tagger from
/// ../shared/data/gum (UD trees) and ../shared/data/conll2003, and write them
/// where detente embeds them (models/). Takes under a minute on one core.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// The folder of shared training data (as in the repository's ../shared).
    #[arg(long, value_name = "DIR", default_value = "../shared")]
    shared: PathBuf,

    /// Where to write the models (rebuild detente to embed them).
    #[arg(long, short, value_name = "DIR", default_value = "models")]
    out: PathBuf,

    /// Train on the first N documents only (a quick smoke test).
    #[arg(long, value_name = "N")]
    max_docs: Option<usize>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let opts = TrainOptions {
        max_docs: args.max_docs,
        max_ner_sentences: args.max_docs.map(|n| n * 20),
        ..TrainOptions::default()
    };
    let report = train_all(&args.shared, &args.out, &opts)
        .with_context(|| format!("training from {}", args.shared.display()))?;
    println!("{report:?}");
    Ok(ExitCode::SUCCESS)
}
