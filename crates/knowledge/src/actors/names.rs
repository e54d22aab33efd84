//! Fixed-code names: `actors/countries.txt` and `actors/organizations.txt`.
//!
//! Format, one line per group of names: `CODE  kind  name | name | ...`
//! where `kind` is one of
//! - `country` / `region`: declares the three-letter code and names it;
//! - `demonym`: adjectives and people nouns ("Russian | Russians");
//! - `capital`: capitals and seats of government standing for the
//!   government ("Moscow | the Kremlin"), so the code carries the role: `RUSGOV`;
//! - `org`: organisations and groups; the code is composed (`IGOUNO`) or a
//!   new standalone code of 2-4 letters (`NATO`).
//!
//! The first name of a line is the entry's canonical name. A name may appear
//! only once per kind across both files.

use detente_core::ActorCode;

use super::ActorKind;
use super::codes::KnownCodes;
use crate::KnowledgeError;
use crate::lines::{Source, names, records};

/// One line of a names file.
#[derive(Debug, Clone, PartialEq)]
pub struct NameEntry {
    pub code: ActorCode,
    pub kind: ActorKind,
    pub canonical: String,
    /// All surface forms, the canonical name first.
    pub names: Vec<String>,
    /// `file:line`.
    pub rule: String,
}

pub(crate) fn parse(src: Source, known: &mut KnownCodes) -> Result<Vec<NameEntry>, KnowledgeError> {
    let mut out = Vec::new();
    for rec in records(src) {
        rec.expect_fields(3, "CODE, kind, names separated by |")?;
        let (code, kind_word) = (rec.fields[0], rec.fields[1]);
        let (kind, code) = match kind_word {
            "country" => (ActorKind::Country, known.declare_head(code)),
            "region" => (ActorKind::Region, known.declare_head(code)),
            "demonym" => (ActorKind::Demonym, known.check(code)),
            "capital" => (ActorKind::Capital, known.check(code)),
            "org" => (ActorKind::Organization, known.organization(code)),
            k => {
                return Err(rec.error(format!(
                    "expected kind country, region, demonym, capital or org, found {k:?}"
                )));
            }
        };
        let code = code.map_err(|m| rec.error(m))?;
        let list: Vec<String> = names(rec.fields[2]).map(str::to_string).collect();
        let Some(canonical) = list.first().cloned() else {
            return Err(rec.error("expected at least one name"));
        };
        for n in &list {
            if let Some(first) = known
                .seen
                .insert((n.clone(), kind_word_static(kind)), rec.rule())
            {
                return Err(rec.error(format!(
                    "duplicate {kind_word} name {n:?}, first given at {first}"
                )));
            }
        }
        out.push(NameEntry {
            code,
            kind,
            canonical,
            names: list,
            rule: rec.rule(),
        });
    }
    Ok(out)
}

fn kind_word_static(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Country => "country",
        ActorKind::Region => "region",
        ActorKind::Capital => "capital",
        ActorKind::Demonym => "demonym",
        ActorKind::Organization => "org",
        ActorKind::Person => "person",
        ActorKind::Agent => "agent",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codebook::Codebook;

    fn codebook() -> Codebook {
        let types = Source {
            name: "t",
            text: "GOV\trole\tGovernment\nIGO\thead\tIGO\nUNO\torg\tUnited Nations\n",
        };
        Codebook::parse(
            Source {
                name: "e",
                text: "",
            },
            types,
        )
        .unwrap()
    }

    #[test]
    fn reads_kinds_and_checks_codes() {
        let cb = codebook();
        let mut known = KnownCodes::new(&cb);
        let text = "RUS\tcountry\tRussia | Russian Federation\nRUSGOV\tcapital\tMoscow\nIGOUNO\torg\tUnited Nations | UN\nNATO\torg\tNATO\n";
        let got = parse(Source { name: "c", text }, &mut known).unwrap();
        assert_eq!(got.len(), 4);
        assert_eq!(got[0].names, ["Russia", "Russian Federation"]);
        assert_eq!(got[1].code.as_str(), "RUSGOV");
        assert_eq!(got[1].kind, ActorKind::Capital);
        assert_eq!(got[3].code.as_str(), "NATO");
        assert_eq!(got[2].rule, "c:3");
    }

    #[test]
    fn rejects_unknown_codes_kinds_and_duplicates() {
        let cb = codebook();
        for (text, want) in [
            ("RUSGOV\tcapital\tMoscow\n", "c:1: unknown country"),
            (
                "RUS\tcountry\tRussia\nRUSXYZ\tcapital\tMoscow\n",
                "c:2: unknown actor type \"XYZ\"",
            ),
            ("RUS\tnation\tRussia\n", "expected kind"),
            ("RUS\tcountry\n", "expected 3"),
            ("RUSS\tcountry\tRussia\n", "three-letter"),
            (
                "RUS\tcountry\tRussia\nRUS\tcountry\tRussia\n",
                "c:2: duplicate country name \"Russia\", first given at c:1",
            ),
            ("RUS\tcountry\t |  \n", "at least one name"),
            ("NATOXYZ\torg\tNATO\n", "not made of three-letter blocks"),
        ] {
            let mut known = KnownCodes::new(&cb);
            let err = parse(Source { name: "c", text }, &mut known)
                .unwrap_err()
                .to_string();
            assert!(err.contains(want), "{text:?}: {err}");
        }
    }
}
