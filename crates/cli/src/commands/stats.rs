//! `detente stats`: what the event database holds.

use std::io;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args as ClapArgs;
use detente_store::query::{OutputFormat, write_rows};
use detente_store::{Access, DEFAULT_DB, Store};

/// Totals of the event database: documents, stories (wire copies
/// collapsed), events, mentions, quotes, entities, dates, quad classes.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// The database: a file path (SQLite) or postgres://...
    #[arg(long, value_name = "URL", default_value = DEFAULT_DB)]
    db: String,

    /// Output: table, csv or json.
    #[arg(long, short = 'f', default_value = "table")]
    format: OutputFormat,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let store = Store::open(&args.db, Access::ReadOnly)?;
    let stats = store.stats()?;
    let mut out = io::stdout().lock();
    match args.format {
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &stats)?;
            println!();
        }
        format => write_rows(&mut out, format, &stats.lines())?,
    }
    Ok(ExitCode::SUCCESS)
}
