//! `detente validate`: run PETRARCH validation records.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args as ClapArgs;

/// Code the sentences of a PETRARCH validation file (XML, as in
/// PETR_Validate_records_2_02.xml) with the dictionaries the file names,
/// looked up beside it, and report expected events found, missed and
/// extra, per category, as the PETRARCH tools do.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// The validation file.
    #[arg(value_name = "FILE.xml")]
    file: PathBuf,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let report = detente::code::validate::run(&args.file)
        .with_context(|| format!("cannot validate with {}", args.file.display()))?;
    print!("{report}");
    Ok(ExitCode::SUCCESS)
}
