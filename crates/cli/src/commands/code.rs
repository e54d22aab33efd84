//! `detente code`: pages in, events, quotes and entities out.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Result, bail};
use chrono::NaiveDate;
use clap::Args as ClapArgs;
use detente::batch;
use detente::output::{Format, Writer};
use detente::source::{Input, SourceOptions, count_documents, read_inputs};
use detente::{Document, core::Provenance};

use crate::progress;
use crate::setup::{KnowledgeArgs, parse_date};

/// Code news pages: who did what to whom, with evidence.
///
/// Reads plain text and HTML files (any encoding, gzip too), folders
/// (recursively), globs, JSON Lines files (one {"id","text"|"html","date","url"}
/// per line, each line a document) and stdin (`-`). Prints one result per
/// document in the order read; errors name the input and go to stderr.
#[derive(ClapArgs, Debug)]
#[command(after_help = "\
Output (jsonl, json): {\"id\",\"path\",\"title\",\"publisher\",\"date\",\"byline\",\"dateline\",
\"language\",\"body\",\"entities\":[...],\"events\":[...],\"quotes\":[...],\"tone\"}. start/end
offsets are bytes into body. tsv prints one row per event with a header row; pretty
prints a report to read at a terminal.")]
pub struct Args {
    /// Files, folders, globs or `-` for stdin (stdin when none is given and
    /// stdin is not a terminal).
    #[arg(value_name = "PATHS")]
    inputs: Vec<String>,

    /// Code this passage instead of (or before) files.
    #[arg(long, value_name = "TEXT")]
    text: Option<String>,

    /// The article date (YYYY-MM-DD), overriding any date found in the page.
    /// Relative dates ("last week") and date-dependent actor codes are
    /// resolved against it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<NaiveDate>,

    /// Output format.
    #[arg(long, short = 'f', default_value = "jsonl", value_parser = parse_format)]
    format: Format,

    /// Largest document read, in megabytes (after decompression); larger ones
    /// are reported and skipped. News pages are well under 1 MB.
    #[arg(long, value_name = "MB", default_value_t = 10)]
    max_mb: u64,

    #[command(flatten)]
    knowledge: KnowledgeArgs,
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
}

pub fn run(args: Args) -> Result<ExitCode> {
    let inputs = inputs(&args)?;
    let pipeline = args.knowledge.pipeline()?;
    let opts = SourceOptions {
        max_bytes: args.max_mb.saturating_mul(1024 * 1024),
        ..SourceOptions::default()
    };
    let passage = args.text.clone().map(|t| Ok(text_document(t)));
    let date = args.date;
    let mut stream = read_inputs(&inputs, &opts);
    let docs = passage.into_iter().chain(stream.by_ref()).map(move |d| {
        d.map(|mut doc| {
            doc.date = date.or(doc.date);
            doc
        })
    });

    let counted = count_documents(&inputs).map(|n| n + u64::from(args.text.is_some()));
    let progress = progress::documents(counted);
    let mut out = Writer::new(args.format, io::BufWriter::new(io::stdout().lock()));
    let mut failed = 0usize;
    let written = batch::run(&pipeline, docs, |outcome| {
        progress::set(&progress, progress.position() + 1);
        match outcome {
            Ok(analysis) => out.write(&analysis),
            Err(failure) => {
                failed += 1;
                progress.suspend(|| eprintln!("detente: {failure}"));
                Ok(())
            }
        }
    })
    .and_then(|()| out.finish().map(drop));
    progress.finish_and_clear();
    let skipped = stream.skipped();
    if skipped.records + skipped.non_html + skipped.http_status > 0 {
        eprintln!("detente: {skipped}");
    }
    match written {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        other => other?,
    }
    report(failed, progress.position())
}

fn inputs(args: &Args) -> Result<Vec<Input>> {
    if !args.inputs.is_empty() {
        return Ok(args.inputs.iter().map(|s| Input::parse(s)).collect());
    }
    if args.text.is_some() {
        return Ok(Vec::new());
    }
    if io::stdin().is_terminal() {
        bail!(
            "no input: give files or folders, `-` for stdin, or --text \"...\" (see detente code --help)"
        );
    }
    Ok(vec![Input::parse("-")])
}

fn text_document(text: String) -> Document {
    Document {
        provenance: Provenance {
            path: Some("<text>".into()),
            ..Provenance::default()
        },
        ..Document::text(text)
    }
}

fn report(failed: usize, total: u64) -> Result<ExitCode> {
    if failed == 0 {
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!("detente: {failed} of {total} inputs failed");
    let _ = io::stderr().flush();
    Ok(ExitCode::from(1))
}
