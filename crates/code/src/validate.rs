//! `detente validate FILE.xml`: the PETRARCH validation records as a
//! functional test of the coder with PETRARCH dictionaries.
//!
//! ```text
//! FILE.xml ─records─▶ <Environment> ─▶ actors + agents (knowledge::petrarch)
//!                                    ─▶ verbs ─▶ TreeCoder (and EventCoder)
//!                                    ─▶ discards
//!          each <Sentence>: CoNLL-U parse ─▶ TextAnalysis ─▶ code at the record date
//!                           ─▶ (source, code, target) compared with <EventCoding>
//! ```
//!
//! Records come with a parse, so they go the parse-based route
//! ([`crate::patterns::petrarch::tree_coder`]); a record with an empty parse
//! goes the token route ([`crate::EventCoder`] with the compiled patterns),
//! where the pattern's own code is compared rather than the intent code our
//! coder gives a future event, since PETRARCH codes what a sentence says
//! will happen as the event itself. As PETRARCH's validation script does,
//! an expected event is found when a coded event has the same CAMEO code and
//! the same source and target codes; a coded event no record expects is
//! extra. Records marked `evaluate="false"` are coded (they must not crash)
//! but counted only in the "all records" line.

pub mod conllu;
pub mod records;
mod report;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use detente_core::stage::Coder;
use detente_core::{Article, Event, Participant};
use detente_knowledge::lines::Source;
use detente_knowledge::petrarch::discards::Discards;
use detente_knowledge::petrarch::pico::Pico;
use detente_knowledge::{Knowledge, KnowledgeError};
use thiserror::Error;

pub use records::{Expected, Record};
pub use report::{RecordResult, Tally, ValidateReport};

use crate::EventCoder;
use crate::error::CodeError;
use crate::patterns::petrarch::{Lexicon, TreeCoder, VerbDictionary, compile};

/// Why a validation run could not start.
#[derive(Debug, Error)]
pub enum ValidateError {
    #[error(transparent)]
    Code(#[from] CodeError),
    #[error(transparent)]
    Knowledge(#[from] KnowledgeError),
    /// The validation file names no file of a kind it needs.
    #[error("{file}: expected a <{tag}> in <Environment>")]
    Missing { file: String, tag: &'static str },
}

/// Runs the validation records of `xml` with the dictionaries it names
/// (looked up beside it).
pub fn run(xml: &Path) -> Result<ValidateReport, ValidateError> {
    let file = xml.display().to_string();
    let (env, records) = records::read(&file, &read(xml)?)?;
    let dir = xml.parent().unwrap_or(Path::new("."));
    let mut problems: Vec<String> = Vec::new();
    let knowledge = knowledge(dir, &env, &file, &mut problems)?;
    let verbs_name = env.verbs.as_ref().ok_or(ValidateError::Missing {
        file: file.clone(),
        tag: "Verbfile",
    })?;
    let verbs_path = dir.join(verbs_name);
    let (dict, verb_problems) =
        VerbDictionary::parse(&verbs_path.display().to_string(), &read(&verbs_path)?);
    // The validation dictionaries use WEIS-era codes too: any well-formed
    // CAMEO code is accepted, as PETRARCH does.
    let (patterns, _skipped, compile_problems) = compile::compile(&dict, |_| true);
    problems.extend(
        verb_problems
            .iter()
            .chain(&compile_problems)
            .map(ToString::to_string),
    );
    let discards = optional(dir, env.discards.as_deref(), &mut problems, Discards::parse)?;
    let pico = optional(dir, env.pico.as_deref(), &mut problems, Pico::parse)?;
    let codes: HashMap<String, String> = patterns
        .patterns()
        .iter()
        .map(|p| (p.rule.clone(), p.code.as_str().to_string()))
        .collect();
    let knowledge = Arc::new(knowledge);
    let lexicon = Lexicon::new(&dict, &mut Vec::new()); // problems already counted
    let mut tree = TreeCoder::new(knowledge.clone(), lexicon);
    if !pico.is_empty() {
        tree = tree.with_pico(pico);
    }
    let coders = Coders {
        tree,
        flat: EventCoder::new(knowledge).with_patterns(patterns),
        codes,
    };
    let results = records
        .iter()
        .map(|r| code_record(&coders, &discards, r))
        .collect();
    Ok(ValidateReport::with_include(
        file,
        results,
        problems,
        &env.include,
    ))
}

/// A dictionary the environment may name, read with `parse`; empty
/// (the default) when it names none.
fn optional<T: Default>(
    dir: &Path,
    name: Option<&str>,
    problems: &mut Vec<String>,
    parse: impl Fn(Source, &mut Vec<KnowledgeError>) -> T,
) -> Result<T, CodeError> {
    let Some(name) = name else {
        return Ok(T::default());
    };
    let path = dir.join(name);
    let text = read(&path)?;
    let name = path.display().to_string();
    let mut ps = Vec::new();
    let parsed = parse(
        Source {
            name: &name,
            text: &text,
        },
        &mut ps,
    );
    problems.extend(ps.iter().map(ToString::to_string));
    Ok(parsed)
}

fn read(path: &Path) -> Result<String, CodeError> {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|source| CodeError::Io {
            file: path.display().to_string(),
            source,
        })
}

/// Our codebook with the actors and agents the environment names.
fn knowledge(
    dir: &Path,
    env: &records::Environment,
    file: &str,
    problems: &mut Vec<String>,
) -> Result<Knowledge, ValidateError> {
    let agents_name = env.agents.as_ref().ok_or(ValidateError::Missing {
        file: file.to_string(),
        tag: "Agentfile",
    })?;
    let load = |name: &str| -> Result<(String, String), CodeError> {
        let p: PathBuf = dir.join(name);
        Ok((p.display().to_string(), read(&p)?))
    };
    let actor_texts = env
        .actors
        .iter()
        .map(|n| load(n))
        .collect::<Result<Vec<_>, _>>()?;
    let (agents_name, agents_text) = load(agents_name)?;
    let sources: Vec<Source> = actor_texts
        .iter()
        .map(|(n, t)| Source { name: n, text: t })
        .collect();
    let (actors, ps) = detente_knowledge::petrarch::parse_actors(
        &sources,
        Source {
            name: &agents_name,
            text: &agents_text,
        },
    )?;
    problems.extend(ps.iter().map(ToString::to_string));
    Ok(Knowledge {
        codebook: Knowledge::embedded()?.codebook,
        actors,
    })
}

/// The parse-based coder for records with a parse, the token-based one
/// (with the compiled patterns and their codes by rule) for the rest.
struct Coders {
    tree: TreeCoder,
    flat: EventCoder,
    codes: HashMap<String, String>,
}

/// Codes one record and compares with what it expects.
fn code_record(coders: &Coders, discards: &Discards, r: &Record) -> RecordResult {
    let mut coded: Vec<Expected> = Vec::new();
    if discards.find(&r.text).is_none() {
        let (body, analysis) = conllu::analysis(&r.text, r.parse.as_deref());
        let mut article = Article::from_body(body);
        article.date = r.date;
        // A few records have an empty <Parse>: those go the token route.
        let parsed = analysis.tokens.iter().any(|t| t.head.is_some());
        // The parse route gives the dictionary's codes as written, outside
        // CAMEO too, as PETRARCH's own validation compares them.
        let triples: Vec<Expected> = if parsed {
            coders
                .tree
                .code_as_written(&article, &analysis)
                .into_iter()
                .map(|h| expected(h.code, &h.source, &h.target))
                .collect()
        } else {
            coders
                .flat
                .code(&article, &analysis)
                .events
                .iter()
                .map(|e| triple(e, &coders.codes))
                .collect()
        };
        for triple in triples {
            if !coded.contains(&triple) {
                coded.push(triple);
            }
        }
    }
    RecordResult::compare(r, coded)
}

/// `(code, source, target)` as PETRARCH writes them; `---` for no actor.
fn triple(e: &Event, codes: &HashMap<String, String>) -> Expected {
    let code = codes
        .get(&e.rule)
        .cloned()
        .unwrap_or_else(|| e.code.as_str().to_string());
    expected(code, &e.source, &e.target)
}

fn expected(code: String, source: &Participant, target: &Participant) -> Expected {
    let actor = |p: &Participant| {
        p.actor
            .as_ref()
            .map_or_else(|| "---".to_string(), |c| c.as_str().to_string())
    };
    Expected {
        code,
        source: actor(source),
        target: actor(target),
    }
}
