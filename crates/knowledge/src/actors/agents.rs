//! Role nouns: `actors/agents.txt`.
//!
//! Format: `ROLE  phrase | phrase | ...`, e.g. `MIL  army | troops | soldiers`.
//! `ROLE` is one or more actor type blocks of the codebook (`GOV`, `GOVMIL`).
//! Phrases match in any case; list plurals explicitly. A phrase may appear
//! only once in the file.

use std::collections::HashMap;

use detente_core::ActorCode;

use super::codes::KnownCodes;
use crate::KnowledgeError;
use crate::lines::{Source, names, records};

#[derive(Debug, Clone, PartialEq)]
pub struct Agent {
    pub phrase: String,
    pub code: ActorCode,
    /// The role as text, e.g. `GOV`.
    pub role: String,
    pub rule: String,
    /// The role goes before the country (PETRARCH's `[NGO~]`: "MSF Arnor"
    /// is `NGOARN`), not after it as usual (`[~GOV]`: `ARNGOV`).
    pub prefix: bool,
}

pub(crate) fn parse(src: Source, known: &KnownCodes) -> Result<Vec<Agent>, KnowledgeError> {
    let mut out = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    for rec in records(src) {
        rec.expect_fields(2, "ROLE, phrases separated by |")?;
        let code = known.role(rec.fields[0]).map_err(|m| rec.error(m))?;
        for phrase in names(rec.fields[1]) {
            if let Some(first) = seen.insert(phrase.to_ascii_lowercase(), rec.rule()) {
                return Err(rec.error(format!(
                    "duplicate agent phrase {phrase:?}, first given at {first}"
                )));
            }
            out.push(Agent {
                phrase: phrase.to_string(),
                code,
                role: code.as_str().to_string(),
                rule: rec.rule(),
                prefix: false,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codebook::Codebook;

    fn known() -> KnownCodes {
        let types = Source {
            name: "t",
            text: "GOV\trole\tGovernment\nMIL\trole\tMilitary\n",
        };
        KnownCodes::new(
            &Codebook::parse(
                Source {
                    name: "e",
                    text: "",
                },
                types,
            )
            .unwrap(),
        )
    }

    #[test]
    fn reads_and_checks() {
        let got = parse(
            Source {
                name: "a",
                text: "MIL\tarmy | troops\nGOVMIL\tdefence ministry\n",
            },
            &known(),
        )
        .unwrap();
        assert_eq!(got.len(), 3);
        assert_eq!(got[2].role, "GOVMIL");
        for (text, want) in [
            ("XYZ\tarmy\n", "a:1: unknown actor type"),
            ("MIL\tarmy\nGOV\tArmy\n", "a:2: duplicate agent phrase"),
            ("MIL army\n", "a:1: expected 2"),
        ] {
            let err = parse(Source { name: "a", text }, &known())
                .unwrap_err()
                .to_string();
            assert!(err.contains(want), "{text:?}: {err}");
        }
    }
}
