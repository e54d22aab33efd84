//! The PETRARCH route: PETRARCH-2 verb dictionaries (`CAMEO.2.0.txt`, the
//! validation suite's verb files) read once and used two ways.
//!
//! ```text
//!                                  ┌─compile──▶ Patterns ──▶ EventCoder  (tokens: any text)
//! CAMEO.2.0.txt ──verbs──▶ VerbDictionary
//!                                  └─lexicon──▶ Lexicon  ──▶ TreeCoder   (a dependency parse)
//! ```
//!
//! Reading ([`verbs`]) keeps the dictionary as written and reports each
//! malformed line; compiling ([`compile`]) resolves synsets ([`synsets`]),
//! checks codes against the codebook and says what our patterns cannot
//! express. The [`tree_coder`] keeps PETRARCH's own semantics (forward and
//! reverse codes, null codes, `^`, `%`) and reads subjects and objects from
//! the parse ([`tree`], [`phrases`]); it is what `detente validate` uses.
//! [`load_dir`] loads a whole PETRARCH dictionary directory.

pub mod compile;
pub mod lexicon;
mod linked;
pub mod matching;
pub mod phrases;
pub mod synsets;
pub mod tree;
pub mod tree_coder;
pub mod verbs;

use std::path::Path;
use std::sync::Arc;

use detente_knowledge::lines::Source;
use detente_knowledge::petrarch::discards::Discards;
use detente_knowledge::{Codebook, Knowledge};

pub use compile::Skipped;
pub use lexicon::Lexicon;
pub use tree_coder::TreeCoder;
pub use verbs::VerbDictionary;

use crate::EventCoder;
use crate::error::CodeError;
use crate::patterns::Patterns;
use crate::validate::ValidateError;

/// A PETRARCH dictionary directory, loaded (`--dictionaries petrarch:DIR`).
#[derive(Debug)]
pub struct Dictionaries {
    /// Our codebook with the directory's actors and agents.
    pub knowledge: Arc<Knowledge>,
    pub verbs: Loaded,
    pub lexicon: Lexicon,
    /// The discard list, where the directory has one (`*discards*`).
    pub discards: Discards,
    /// Every skipped line of every file, as `file:line: what was expected`.
    pub problems: Vec<String>,
}

impl Dictionaries {
    /// The token-based coder with the compiled verb patterns: codes any text.
    pub fn event_coder(&self) -> EventCoder {
        EventCoder::new(self.knowledge.clone()).with_patterns(self.verbs.patterns.clone())
    }

    /// The parse-based coder with the discard list: codes sentences whose
    /// tokens carry heads.
    pub fn tree_coder(&self) -> TreeCoder {
        TreeCoder::new(self.knowledge.clone(), self.lexicon.clone())
            .with_discards(self.discards.clone())
    }
}

/// Loads a PETRARCH dictionary directory: every `*.actors.txt`, the
/// `*agents.txt` file and the verb file (`CAMEO*` or `*verbs*`).
pub fn load_dir(dir: &Path) -> Result<Dictionaries, ValidateError> {
    let (knowledge, actor_problems) = Knowledge::load_petrarch_dir(dir)?;
    let path = verbs_file(dir)?;
    let bytes = std::fs::read(&path).map_err(|source| CodeError::Io {
        file: path.display().to_string(),
        source,
    })?;
    let name = path.display().to_string();
    let (dict, read_problems) = VerbDictionary::parse(&name, &String::from_utf8_lossy(&bytes));
    let (patterns, skipped, compile_problems) =
        compile::compile(&dict, |c| known(&knowledge.codebook, c));
    let lexicon = Lexicon::new(&dict, &mut Vec::new()); // synset problems: counted by compile
    let mut problems: Vec<String> = actor_problems.iter().map(ToString::to_string).collect();
    let discards = match discards_file(dir) {
        Some(p) => {
            let bytes = std::fs::read(&p).map_err(|source| CodeError::Io {
                file: p.display().to_string(),
                source,
            })?;
            let name = p.display().to_string();
            let text = String::from_utf8_lossy(&bytes);
            let mut ps = Vec::new();
            let d = Discards::parse(
                Source {
                    name: &name,
                    text: &text,
                },
                &mut ps,
            );
            problems.extend(ps.iter().map(ToString::to_string));
            d
        }
        None => Discards::default(),
    };
    problems.extend(
        read_problems
            .iter()
            .chain(&compile_problems)
            .map(ToString::to_string),
    );
    let mut all = read_problems;
    all.extend(compile_problems);
    Ok(Dictionaries {
        knowledge: Arc::new(knowledge),
        verbs: Loaded {
            patterns,
            skipped,
            problems: all,
        },
        lexicon,
        discards,
        problems,
    })
}

/// The first file of `dir` whose name contains `discards`, if any.
fn discards_file(dir: &Path) -> Option<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().to_lowercase().contains("discards"))
        })
        .collect();
    found.sort();
    found.into_iter().next()
}

/// A compiled PETRARCH verb dictionary and what loading it reported.
#[derive(Debug)]
pub struct Loaded {
    pub patterns: Patterns,
    pub skipped: Skipped,
    /// Malformed lines, unknown codes, synset cycles, duplicates: each names
    /// its file and line; the rest of the dictionary is still used.
    pub problems: Vec<CodeError>,
}

/// Reads and compiles a verb dictionary text; codes are checked against
/// `codebook` (its codes or their 3-digit parents).
pub fn parse_verbs(name: &str, text: &str, codebook: &Codebook) -> Loaded {
    let (dict, mut problems) = VerbDictionary::parse(name, text);
    let (patterns, skipped, more) = compile::compile(&dict, |c| known(codebook, c));
    problems.extend(more);
    Loaded {
        patterns,
        skipped,
        problems,
    }
}

/// Reads and compiles the verb dictionary at `path` (bytes that are not
/// UTF-8 are replaced, as the published files have a few Latin-1 names).
pub fn load_verbs(path: &Path, codebook: &Codebook) -> Result<Loaded, CodeError> {
    let bytes = std::fs::read(path).map_err(|source| CodeError::Io {
        file: path.display().to_string(),
        source,
    })?;
    Ok(parse_verbs(
        &path.display().to_string(),
        &String::from_utf8_lossy(&bytes),
        codebook,
    ))
}

/// The verb dictionary of a PETRARCH dictionary directory: the one file
/// whose name starts with `CAMEO` or contains `verbs`.
pub fn verbs_file(dir: &Path) -> Result<std::path::PathBuf, CodeError> {
    let io = |source| CodeError::Io {
        file: dir.display().to_string(),
        source,
    };
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                n.starts_with("CAMEO") || n.to_lowercase().contains("verbs")
            })
        })
        .collect();
    found.sort();
    found.into_iter().next().ok_or_else(|| CodeError::Io {
        file: dir.display().to_string(),
        source: std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "no verb dictionary (CAMEO*.txt or *verbs*) in this PETRARCH directory",
        ),
    })
}

/// Whether the codebook has `code`, or its parent (PETRARCH dictionaries
/// use a few 4-digit codes our codebook rolls into their 3-digit parent).
fn known(codebook: &Codebook, code: detente_core::CameoCode) -> bool {
    codebook.event(code).is_some() || code.parent().is_some_and(|p| codebook.event(p).is_some())
}
