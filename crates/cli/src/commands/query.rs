//! `detente query`: questions to the event database.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Args as ClapArgs, Subcommand};
use detente::core::ActorCode;
use detente_store::query::{
    CodePattern, EventFilter, OutputFormat, Period, RelationsQuery, write_rows,
};
use detente_store::{Access, DEFAULT_DB, Store};

use crate::setup::parse_date;

/// Ask the event database: relations over time, events, full text, actors.
#[derive(ClapArgs, Debug)]
#[command(after_help = "\
Examples:
  detente query relations RUS USA --from 2016-01-01 --by month
  detente query events --actor RUS --code '16*' --since 2016-01-01
  detente query search \"sanctions Crimea\"
  detente query actors --format csv

An actor matches every code it heads: RUS covers RUSGOV and RUSMIL.")]
pub struct Args {
    #[command(subcommand)]
    question: Question,

    /// The database: a file path (SQLite) or postgres://...
    #[arg(long, value_name = "URL", default_value = DEFAULT_DB, global = true)]
    db: String,

    /// Output: table, csv or json.
    #[arg(long, short = 'f', default_value = "table", global = true)]
    format: OutputFormat,
}

#[derive(Subcommand, Debug)]
enum Question {
    /// Per period, for A→B, B→A and both: events per quad class, Goldstein
    /// mean and sum, mean tone, mentions, and a trend label (thawing,
    /// freezing, stable, unknown) from comparing the mean Goldstein of the
    /// last 3 periods with the 3 before (a shift of 1 point or more, with at
    /// least 5 events in each window).
    Relations {
        a: ActorCode,
        b: ActorCode,
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        from: Option<NaiveDate>,
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        to: Option<NaiveDate>,
        /// Period length: day, week or month.
        #[arg(long, default_value = "month")]
        by: Period,
    },
    /// Stored events, oldest first, with their counts and first evidence.
    Events {
        /// Events this actor did or underwent.
        #[arg(long)]
        actor: Option<ActorCode>,
        /// A CAMEO code, or a family such as '16*'.
        #[arg(long)]
        code: Option<CodePattern>,
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        since: Option<NaiveDate>,
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        until: Option<NaiveDate>,
        #[arg(long, default_value_t = 100)]
        limit: u32,
    },
    /// Documents containing all the words, best first.
    Search {
        words: String,
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
    /// The most active actors and source→target pairs.
    Actors {
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
}

pub fn run(args: Args) -> Result<ExitCode> {
    let store = Store::open(&args.db, Access::ReadOnly)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let f = args.format;
    match args.question {
        Question::Relations { a, b, from, to, by } => {
            write_rows(
                &mut out,
                f,
                &store.relations(&RelationsQuery { a, b, from, to, by })?,
            )?;
        }
        Question::Events {
            actor,
            code,
            since,
            until,
            limit,
        } => {
            write_rows(
                &mut out,
                f,
                &store.events(&EventFilter {
                    actor,
                    code,
                    since,
                    until,
                    limit,
                })?,
            )?;
        }
        Question::Search { words, limit } => {
            write_rows(&mut out, f, &store.search(&words, limit)?)?
        }
        Question::Actors { limit } => {
            if f == OutputFormat::Table {
                writeln!(out, "Most active actors")?;
            }
            write_rows(&mut out, f, &store.actors(limit)?)?;
            if f == OutputFormat::Table {
                writeln!(out, "\nMost active dyads (source -> target)")?;
            }
            write_rows(&mut out, f, &store.dyads(limit)?)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
