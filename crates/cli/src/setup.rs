//! Options shared by the commands that code documents: which dictionaries,
//! which tone lexicon; and the pipeline they build.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::Args;
use detente::code::patterns::petrarch::load_dir;
use detente::code::{EventCoder, Lexicon};
use detente::{Knowledge, Pipeline};

/// A `YYYY-MM-DD` argument (`--date`, `--from`, `--since`, ...).
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("{e}; expected YYYY-MM-DD"))
}

#[derive(Args, Debug, Clone)]
pub struct KnowledgeArgs {
    /// Dictionaries to code with instead of detente's own: a folder in
    /// detente's format, or `petrarch:DIR` for a folder of PETRARCH/TABARI
    /// dictionaries (actors, agents) as the community publishes them.
    #[arg(long, value_name = "DIR|petrarch:DIR")]
    pub dictionaries: Option<String>,

    /// A tone lexicon to use instead of detente's own: one `word<TAB>score`
    /// per line, scores from -5 (most negative) to +5.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
}

impl KnowledgeArgs {
    /// Loads the knowledge once and builds the pipeline every thread shares.
    pub fn pipeline(&self) -> Result<Pipeline> {
        let mut coder = self.coder()?;
        if let Some(path) = &self.lexicon {
            let lexicon = Lexicon::from_tsv(path)
                .with_context(|| format!("cannot load the tone lexicon {}", path.display()))?;
            coder = coder.with_lexicon(lexicon);
        }
        Ok(Pipeline::around(coder))
    }

    fn coder(&self) -> Result<EventCoder> {
        let Some(spec) = &self.dictionaries else {
            let knowledge =
                Knowledge::embedded().context("detente's own dictionaries are broken")?;
            return Ok(EventCoder::new(Arc::new(knowledge)));
        };
        match spec.strip_prefix("petrarch:") {
            Some(dir) => petrarch(dir),
            None => {
                let knowledge = Knowledge::load_dir(spec.as_ref())
                    .with_context(|| format!("cannot load the dictionaries in {spec}"))?;
                Ok(EventCoder::new(Arc::new(knowledge)))
            }
        }
    }
}

/// A coder with a PETRARCH dictionary folder: its actors, agents and verb
/// patterns. Lines the readers had to skip are shown, not fatal.
fn petrarch(dir: &str) -> Result<EventCoder> {
    let dictionaries = load_dir(dir.as_ref())
        .with_context(|| format!("cannot load the PETRARCH dictionaries in {dir}"))?;
    let problems = &dictionaries.problems;
    for p in problems.iter().take(MAX_WARNINGS) {
        eprintln!("detente: warning: skipped {p}");
    }
    if problems.len() > MAX_WARNINGS {
        eprintln!(
            "detente: warning: ... and {} more dictionary lines skipped",
            problems.len() - MAX_WARNINGS
        );
    }
    Ok(dictionaries.event_coder())
}

/// Dictionary problems shown before the rest are only counted.
const MAX_WARNINGS: usize = 10;
