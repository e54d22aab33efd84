//! `detente ingest`: pages in, the event database filled.
//!
//! Runs the whole route on all cores into an SQLite file or PostgreSQL.
//! Documents already stored are skipped, so running it again after an
//! interruption (even kill -9) finishes the job without storing anything
//! twice; see `detente_store::ingest` for how.

use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::Args as ClapArgs;
use detente::source::{Input, SourceOptions, count_documents, read_inputs};
use detente_store::ingest::{Counters, Counts, Summary, ingest};
use detente_store::{Access, DEFAULT_DB, Store};
use indicatif::ProgressBar;

use crate::progress;
use crate::setup::{KnowledgeArgs, parse_date};

/// Failures listed one by one at the end; the rest are counted.
const FAILURES_SHOWN: usize = 20;

/// Analyse news into the event database (SQLite file or PostgreSQL).
///
/// Reads files, folders, globs, WARC files, feeds and JSON Lines like
/// `detente code`, runs every document through the whole route on all cores
/// and stores the article, its events (merged with the same events already
/// reported elsewhere), quotes and entities, one transaction per document.
#[derive(ClapArgs, Debug)]
#[command(after_help = "\
Examples:
  detente ingest news/                       into ./detente.db
  detente ingest feed.jsonl --db postgres://user:pass@localhost/detente
  detente query relations RUS USA --by month

Documents are keyed by a hash of their content (plus stated date and URL): what
is stored already is skipped, so an interrupted ingest is resumed by running
it again. Exit status 1 when some inputs failed (each is listed), 2 when the
database cannot be used.")]
pub struct Args {
    /// Files, folders, globs, or `-` for stdin.
    #[arg(value_name = "PATHS", required = true)]
    inputs: Vec<String>,

    /// The database: a file path (SQLite, created if missing) or postgres://...
    #[arg(long, value_name = "URL", default_value = DEFAULT_DB)]
    db: String,

    /// The article date (YYYY-MM-DD) for documents that state none.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<NaiveDate>,

    /// Largest document read, in megabytes; larger ones are reported and skipped.
    #[arg(long, value_name = "MB", default_value_t = 10)]
    max_mb: u64,

    #[command(flatten)]
    knowledge: KnowledgeArgs,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let store = Store::open(&args.db, Access::ReadWrite)?;
    let pipeline = args.knowledge.pipeline()?;
    let inputs: Vec<Input> = args.inputs.iter().map(|s| Input::parse(s)).collect();
    let opts = SourceOptions {
        max_bytes: args.max_mb.saturating_mul(1024 * 1024),
        ..SourceOptions::default()
    };
    let date = args.date;
    let docs = read_inputs(&inputs, &opts).map(move |d| {
        d.map(|mut doc| {
            doc.date = doc.date.or(date);
            doc
        })
    });

    let started = Instant::now();
    let bar = progress::documents(count_documents(&inputs));
    let (result, store) = ingest(store, &pipeline, docs, Arc::new(Counters::default()), |c| {
        tick(&bar, c, started)
    });
    bar.finish_and_clear();
    let summary = result.with_context(|| format!("ingest into {} stopped", store.name()))?;
    report(&summary, store.name(), started)
}

fn tick(bar: &ProgressBar, c: Counts, started: Instant) {
    progress::set(bar, c.read);
    if c.read.is_multiple_of(64) {
        let secs = started.elapsed().as_secs_f64().max(1e-3);
        bar.set_message(format!(
            "| {} events ({:.0}/s) | {} skipped | {} failed",
            c.events,
            c.events as f64 / secs,
            c.skipped,
            c.failed
        ));
    }
}

fn report(summary: &Summary, db: &str, started: Instant) -> Result<ExitCode> {
    let c = summary.counts;
    let secs = started.elapsed().as_secs_f64();
    let mut err = io::stderr().lock();
    for f in summary.failures.iter().take(FAILURES_SHOWN) {
        writeln!(err, "detente: failed: {f}")?;
    }
    if summary.failures.len() > FAILURES_SHOWN {
        writeln!(
            err,
            "detente: ... and {} more failed inputs",
            summary.failures.len() - FAILURES_SHOWN
        )?;
    }
    println!(
        "ingested into {db}: {} documents stored, {} skipped (already stored), {} failed; \
         {} events ({} mentions), {} quotes; {secs:.1} s, {:.0} documents/s",
        c.stored,
        c.skipped,
        c.failed,
        c.events,
        c.mentions,
        c.quotes,
        c.read as f64 / secs.max(1e-3)
    );
    Ok(if c.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
