//! `detente export`: the event database in the field's exchange formats.

use std::fs;
use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::Args as ClapArgs;
use detente_store::export::ExportFormat;
use detente_store::{Access, DEFAULT_DB, Store};

use crate::setup::parse_date;

/// Export stored events and documents: GDELT 2.0 Events (61 columns, one
/// row per merged event with NumMentions/NumSources/NumArticles), Mentions
/// (16 columns, one row per report), GKG 2.1 (27 columns, one row per
/// document), PLOVER JSON records, CSV, or detente's JSON Lines.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// gdelt-events, gdelt-mentions, gdelt-gkg, plover, csv or jsonl.
    #[arg(long, short = 'f')]
    format: ExportFormat,

    /// Only events (or, for gdelt-gkg and jsonl, documents) dated on or after this day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    since: Option<NaiveDate>,

    /// Write to this file (complete or not at all) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,

    /// The database: a file path (SQLite) or postgres://...
    #[arg(long, value_name = "URL", default_value = DEFAULT_DB)]
    db: String,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let store = Store::open(&args.db, Access::ReadOnly)?;
    let Some(path) = &args.output else {
        let mut out = io::BufWriter::new(io::stdout().lock());
        return match store.export(args.format, args.since, &mut out) {
            Err(detente_store::StoreError::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => {
                Ok(ExitCode::SUCCESS)
            }
            other => other.map(|_| ExitCode::SUCCESS).map_err(Into::into),
        };
    };
    // Written beside the target and renamed over it at the end, so a
    // failed export never leaves a truncated file that looks complete.
    let partial = path.with_extension("partial");
    let file = fs::File::create(&partial)
        .with_context(|| format!("cannot create {}", partial.display()))?;
    let mut out = io::BufWriter::new(file);
    let written = store
        .export(args.format, args.since, &mut out)
        .and_then(|n| {
            out.into_inner()
                .map_err(|e| detente_store::StoreError::Write(e.into_error()))?
                .sync_all()
                .map_err(detente_store::StoreError::Write)?;
            Ok(n)
        });
    match written {
        Ok(n) => {
            fs::rename(&partial, path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("detente: {n} records written to {}", path.display());
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            let _ = fs::remove_file(&partial);
            Err(e).with_context(|| format!("export to {} failed", path.display()))
        }
    }
}
