//! Readers for the PETRARCH-2 / Phoenix dictionary formats, into the same
//! [`Actors`] structure as our own dictionaries.
//!
//! - [`actors`]: `.actors.txt` files (countries, international, non-state):
//!   a name line, `+synonym` lines, and `[CODE]` / `[CODE YYMMDD-YYMMDD]`
//!   code lines with date restrictions;
//! - [`agents`]: `agents.txt`: `!MACRO! = A, B` substitutions and
//!   `PHRASE {PLURAL} [~CODE]` lines.
//!
//! PETRARCH writes names in capitals with `_` for spaces; we title-case them
//! (keeping short all-capital words such as `UN` as acronyms) so that our
//! matcher's case rules apply to them as to our own names.
//! - [`pico`]: the internal coding ontology (CAMEO code ↔ PICO value),
//!   which says how a negated verb is coded.
//!
//! The verb patterns (`CAMEO.2.0.txt`) belong to the code stage.

pub mod actors;
pub mod agents;
mod dates;
pub mod discards;
pub mod issues;
pub mod pico;

use std::path::Path;

use crate::actors::Actors;
use crate::lines::Source;
use crate::{Knowledge, KnowledgeError};

/// Actors from PETRARCH actor files and one agents file. Malformed actor
/// or agents lines are skipped and returned as problems (the published
/// files have a few typos).
pub fn parse_actors(
    actor_files: &[Source],
    agents_file: Source,
) -> Result<(Actors, Vec<KnowledgeError>), KnowledgeError> {
    let mut names = Vec::new();
    let mut people = Vec::new();
    let mut problems = Vec::new();
    for src in actor_files {
        let (n, p) = actors::parse_lenient(*src, &mut problems);
        names.extend(n);
        people.extend(p);
    }
    let agents = agents::parse_lenient(agents_file, &mut problems);
    Ok((Actors::from_parts(names, people, agents), problems))
}

impl Knowledge {
    /// Our codebook with the actors and agents of a PETRARCH dictionary
    /// directory: every `*.actors.txt` file (in name order) and the one file
    /// whose name ends in `agents.txt`. Returns the skipped malformed lines too.
    pub fn load_petrarch_dir(
        dir: &Path,
    ) -> Result<(Knowledge, Vec<KnowledgeError>), KnowledgeError> {
        let io = |source| KnowledgeError::Io {
            file: dir.display().to_string(),
            source,
        };
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.sort();
        let read = |p: &Path| {
            std::fs::read(p)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .map_err(|source| KnowledgeError::Io {
                    file: p.display().to_string(),
                    source,
                })
        };
        let name = |p: &Path| {
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        let mut actor_texts = Vec::new();
        let mut agents_text = None;
        for p in &files {
            let n = name(p);
            if n.ends_with(".actors.txt") {
                actor_texts.push((p.display().to_string(), read(p)?));
            } else if n.ends_with("agents.txt") {
                agents_text = Some((p.display().to_string(), read(p)?));
            }
        }
        let (agents_name, agents_text) = agents_text.ok_or_else(|| KnowledgeError::File {
            file: dir.display().to_string(),
            message: "no agents file (*agents.txt) in the PETRARCH dictionary directory".into(),
        })?;
        let sources: Vec<Source> = actor_texts
            .iter()
            .map(|(n, t)| Source { name: n, text: t })
            .collect();
        let (actors, problems) = parse_actors(
            &sources,
            Source {
                name: &agents_name,
                text: &agents_text,
            },
        )?;
        Ok((
            Knowledge {
                codebook: Knowledge::embedded()?.codebook,
                actors,
            },
            problems,
        ))
    }
}

/// `VLADIMIR_PUTIN_` → `Vladimir Putin`; `UN_` → `UN`; `THE_UNITED_NATIONS` → `The United Nations`.
pub(crate) fn surface(raw: &str) -> String {
    const SMALL: [&str; 14] = [
        "OF", "IN", "ON", "AL", "EL", "DE", "LA", "LE", "DU", "TO", "AT", "BY", "A", "AN",
    ];
    // `_` joins words; a few entries use spaces ("PRINCE OF DOL AMROTH").
    let words: Vec<&str> = raw
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    // Short capitals are acronyms ("UN", "US ARMY", "IMF"); in a longer
    // name a three-letter word is more often a word ("NEW ZEALAND", "SAM GAMGEE").
    let longest_acronym = if words.len() == 1 { 3 } else { 2 };
    words
        .iter()
        .enumerate()
        .map(|(k, w)| {
            // "PRINCE_OF_DOL_AMROTH" reads "Prince of Dol Amroth" in text.
            if k > 0 && matches!(*w, "OF" | "THE" | "AND" | "FOR" | "ON" | "IN" | "TO" | "AT") {
                return w.to_lowercase();
            }
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            if letters <= longest_acronym
                && !SMALL.contains(w)
                && !w.chars().any(char::is_lowercase)
                && letters >= 2
            {
                return w.to_string();
            }
            let mut out = String::with_capacity(w.len());
            let mut start = true;
            for c in w.chars() {
                if start {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                start = !c.is_alphanumeric() && c != '\'';
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surfaces() {
        assert_eq!(surface("VLADIMIR_PUTIN_"), "Vladimir Putin");
        assert_eq!(surface("UN_"), "UN");
        assert_eq!(surface("BOSNIA-HERZEGOVINA"), "Bosnia-Herzegovina");
        assert_eq!(surface("MR._OBAMA_"), "MR. Obama");
        assert_eq!(surface("MINISTER_OF_DEFENSE"), "Minister of Defense");
        assert_eq!(surface("THE_BANK_OF_ENGLAND"), "The Bank of England");
        assert_eq!(surface("PRINCE OF DOL AMROTH"), "Prince of Dol Amroth");
        assert_eq!(surface("NEW_ZEALAND"), "New Zealand");
        assert_eq!(surface("IMF_"), "IMF");
        assert_eq!(surface("US_ARMY"), "US Army");
    }
}
