//! `detente eval`: accuracy and speed of each stage on the shared test sets.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args as ClapArgs, ValueEnum};
use detente::Pipeline;

use crate::setup::KnowledgeArgs;

/// Measure a stage against human gold: prints precision, recall, F1,
/// accuracy and speed, with the data set each figure comes from.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// The stage to evaluate.
    stage: Stage,

    /// The folder of shared evaluation data (as in the repository's ../shared).
    #[arg(long, value_name = "DIR", default_value = "../shared")]
    shared: PathBuf,

    #[command(flatten)]
    knowledge: KnowledgeArgs,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum Stage {
    /// POS tagging, dependency parsing (held-out GUM) and NER (CoNLL-2003 testa).
    Analyze,
    /// Article extraction on the aeb and wcxb benchmarks.
    Extract,
    /// Event coding on the PLOVER gold records (category, source and target country).
    Events,
    /// Direct quotes and their speakers on PolNeAR (train and dev).
    Quotes,
}

pub fn run(args: Args) -> Result<ExitCode> {
    if !args.shared.is_dir() {
        bail!(
            "{} is not a folder: give the shared data with --shared DIR",
            args.shared.display()
        );
    }
    match args.stage {
        Stage::Analyze => analyze(&args.shared)?,
        Stage::Extract => extract(&args.shared)?,
        Stage::Events => events(&args.shared, &args.knowledge.pipeline()?)?,
        Stage::Quotes => quotes(&args.shared, &args.knowledge.pipeline()?)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn analyze(shared: &Path) -> Result<()> {
    let report = detente::analyze::eval::report(shared)
        .map_err(anyhow::Error::msg)
        .context("evaluating the analyze stage")?;
    println!("{report}");
    Ok(())
}

fn extract(shared: &Path) -> Result<()> {
    let report = detente::extract::eval::report(shared).context("extraction benchmarks")?;
    println!("{report}");
    Ok(())
}

fn quotes(shared: &Path, pipeline: &Pipeline) -> Result<()> {
    let report = detente::code::quotes::eval::report(shared, pipeline.analyzer(), pipeline.coder())
        .context("PolNeAR quotes")?;
    println!("{report}");
    Ok(())
}

fn events(shared: &Path, pipeline: &Pipeline) -> Result<()> {
    let report = detente::code::eval::plover(shared, pipeline.analyzer(), pipeline.coder())
        .context("PLOVER records")?;
    println!("{report}");
    Ok(())
}
