//! The `detente` command: a thin shell over the `detente` library.
//!
//! Each subcommand is a module of [`commands`] with its own arguments and a
//! `run` that returns the process exit status. Exit codes are the same for
//! every command: 0 all went well, 1 some inputs failed (each named on
//! stderr, the others still processed), 2 the command could not run at all
//! (bad arguments, unreadable dictionaries).

mod commands;
mod progress;
mod setup;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

const AFTER_HELP: &str = "\
Examples:
  detente code article.html                 code one page, one JSON object per line
  detente code news/ --format pretty        a readable report for every file in news/
  detente code --text \"Russia condemned the U.S. sanctions.\" --date 2016-03-25
  cat feed.jsonl | detente code - --format tsv > events.tsv

Exit status: 0 success; 1 some inputs failed (each is named on stderr, the
others are still processed); 2 the command could not run (bad arguments,
unreadable dictionaries).";

/// detente turns raw news into structured, explainable geopolitical event
/// data: who did what to whom, when and where, with CAMEO and PLOVER codes,
/// quotes with their speakers, and tone. Every event shows the sentence and
/// the dictionary rule that produced it.
#[derive(Parser)]
#[command(name = "detente", version, after_help = AFTER_HELP, max_term_width = 100)]
struct Cli {
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', global = true, value_name = "N")]
    threads: Option<usize>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Code(commands::code::Args),
    Eval(commands::eval::Args),
    Train(commands::train::Args),
    Ingest(commands::ingest::Args),
    Query(commands::query::Args),
    Export(commands::export::Args),
    Stats(commands::stats::Args),
    Validate(commands::validate::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(n) = cli.threads
        && let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
    {
        eprintln!("detente: cannot start {n} threads: {e}");
        return ExitCode::from(2);
    }
    let result = match cli.command {
        Command::Code(args) => commands::code::run(args),
        Command::Eval(args) => commands::eval::run(args),
        Command::Train(args) => commands::train::run(args),
        Command::Validate(args) => commands::validate::run(args),
        Command::Ingest(args) => commands::ingest::run(args),
        Command::Query(args) => commands::query::run(args),
        Command::Export(args) => commands::export::run(args),
        Command::Stats(args) => commands::stats::run(args),
    };
    result.unwrap_or_else(|e| {
        eprintln!("detente: {}", describe(&e));
        ExitCode::from(2)
    })
}

/// The error and its causes on one line, each said once: a library error
/// that quotes its cause in its own message is not followed by it again.
fn describe(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if out.contains(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}
