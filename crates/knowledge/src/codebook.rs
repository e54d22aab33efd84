//! The CAMEO codebook: event types and actor role/type codes.
//!
//! Read from two files of our own:
//! - `cameo/events.tsv`: `code  goldstein  plover  name`, where `plover`
//!   is a PLOVER category or `-` when CAMEO's code has none (e.g. root 01);
//! - `cameo/actor-types.tsv`: `CODE  group  label`, group being `role`
//!   (state or domestic roles such as GOV, MIL, REB), `sector` (BUS, MED, ...),
//!   `head` (what may start a non-state code: IGO, NGO, MNC, ...) or `org`
//!   (a named organisation's block: UNO, IRC, AMN, ...).
//!
//! Every code is checked when it is read: CAMEO codes must parse, each non-root
//! code's parent must come earlier, Goldstein lies in -10..=10, and no code
//! appears twice.

use std::collections::BTreeMap;

use detente_core::{CameoCode, Plover, QuadClass};

use crate::KnowledgeError;
use crate::lines::{Source, records};

/// One CAMEO event type.
#[derive(Debug, Clone, PartialEq)]
pub struct EventType {
    pub code: CameoCode,
    pub name: String,
    /// GDELT's Goldstein score, -10 (most conflictual) to +10.
    pub goldstein: f32,
    pub plover: Option<Plover>,
}

impl EventType {
    /// The quad class, derived from the root.
    pub fn quad(&self) -> QuadClass {
        self.code.quad()
    }
}

/// What kind of actor type a three-letter code names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeGroup {
    /// A role inside a state or society: GOV, MIL, REB, OPP, ...
    Role,
    /// A sector of society: BUS, MED, EDU, ...
    Sector,
    /// A kind of organisation usable as a code's first block: IGO, NGO, MNC, ...
    Head,
    /// A named organisation's block: UNO (United Nations), IRC (Red Cross), ...
    Org,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActorType {
    pub code: String,
    pub group: TypeGroup,
    pub label: String,
}

/// All event types and actor types, read once and never changed.
#[derive(Debug, Clone, Default)]
pub struct Codebook {
    events: BTreeMap<CameoCode, EventType>,
    actor_types: BTreeMap<String, ActorType>,
}

impl Codebook {
    pub fn event(&self, code: CameoCode) -> Option<&EventType> {
        self.events.get(&code)
    }

    /// All event types in code order (`01`, `010`, `011`, ..., `2042`).
    pub fn events(&self) -> impl Iterator<Item = &EventType> {
        self.events.values()
    }

    /// The label of an actor type code such as `GOV`.
    pub fn actor_type(&self, code: &str) -> Option<&str> {
        self.actor_types.get(code).map(|t| t.label.as_str())
    }

    pub fn actor_types(&self) -> impl Iterator<Item = &ActorType> {
        self.actor_types.values()
    }

    pub fn parse(events: Source, actor_types: Source) -> Result<Codebook, KnowledgeError> {
        Ok(Codebook {
            events: parse_events(events)?,
            actor_types: parse_actor_types(actor_types)?,
        })
    }
}

fn parse_events(src: Source) -> Result<BTreeMap<CameoCode, EventType>, KnowledgeError> {
    let mut out = BTreeMap::new();
    for rec in records(src) {
        rec.expect_fields(4, "code, goldstein, plover or -, name")?;
        let code = CameoCode::parse(rec.fields[0]).map_err(|e| rec.error(e.to_string()))?;
        let goldstein: f32 = rec.fields[1]
            .parse()
            .ok()
            .filter(|g: &f32| (-10.0..=10.0).contains(g))
            .ok_or_else(|| {
                rec.error(format!(
                    "expected a Goldstein score -10..10, found {:?}",
                    rec.fields[1]
                ))
            })?;
        let plover = match rec.fields[2] {
            "-" => None,
            p => Some(
                Plover::parse(p)
                    .ok_or_else(|| rec.error(format!("unknown PLOVER category {p:?}")))?,
            ),
        };
        if let Some(parent) = code.parent().filter(|p| !out.contains_key(p)) {
            return Err(rec.error(format!("code {code} comes before its parent {parent}")));
        }
        let event = EventType {
            code,
            name: rec.fields[3].to_string(),
            goldstein,
            plover,
        };
        if out.insert(code, event).is_some() {
            return Err(rec.error(format!("duplicate event code {code}")));
        }
    }
    Ok(out)
}

fn parse_actor_types(src: Source) -> Result<BTreeMap<String, ActorType>, KnowledgeError> {
    let mut out = BTreeMap::new();
    for rec in records(src) {
        rec.expect_fields(3, "CODE, group (role|sector|head|org), label")?;
        let code = rec.fields[0];
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(rec.error(format!(
                "expected a three-letter uppercase type code, found {code:?}"
            )));
        }
        let group = match rec.fields[1] {
            "role" => TypeGroup::Role,
            "sector" => TypeGroup::Sector,
            "head" => TypeGroup::Head,
            "org" => TypeGroup::Org,
            g => {
                return Err(rec.error(format!(
                    "expected group role, sector, head or org, found {g:?}"
                )));
            }
        };
        let t = ActorType {
            code: code.to_string(),
            group,
            label: rec.fields[2].to_string(),
        };
        if out.insert(code.to_string(), t).is_some() {
            return Err(rec.error(format!("duplicate actor type {code}")));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> Source<'_> {
        Source {
            name: "cameo/events.tsv",
            text,
        }
    }
    const TYPES: Source = Source {
        name: "cameo/actor-types.tsv",
        text: "GOV\trole\tGovernment\n",
    };

    #[test]
    fn reads_events_and_types() {
        let cb = Codebook::parse(
            src("04\t1.0\tCONSULT\tConsult\n042\t1.9\tCONSULT\tVisit\n"),
            TYPES,
        )
        .unwrap();
        let visit = cb.event(CameoCode::parse("042").unwrap()).unwrap();
        assert_eq!(visit.goldstein, 1.9);
        assert_eq!(visit.plover, Some(Plover::Consult));
        assert_eq!(visit.quad(), QuadClass::VerbalCooperation);
        assert_eq!(cb.actor_type("GOV"), Some("Government"));
        assert_eq!(cb.events().count(), 2);
    }

    #[test]
    fn rejects_bad_lines_with_file_and_line() {
        for (text, want) in [
            ("04\t1.0\tCONSULT\n", "events.tsv:1: expected 4"),
            (
                "04\t1.0\tCONSULT\tConsult\n21\t0\t-\tX\n",
                "events.tsv:2: invalid CAMEO code",
            ),
            ("04\tx\tCONSULT\tConsult\n", "Goldstein"),
            ("04\t11\tCONSULT\tConsult\n", "Goldstein"),
            ("04\t1\tCHAT\tConsult\n", "unknown PLOVER"),
            ("042\t1\tCONSULT\tVisit\n", "before its parent 04"),
            ("04\t1\t-\tA\n04\t1\t-\tB\n", "events.tsv:2: duplicate"),
        ] {
            let err = Codebook::parse(src(text), TYPES).unwrap_err().to_string();
            assert!(err.contains(want), "{text:?}: {err}");
        }
        let bad_type = Source {
            name: "t",
            text: "gov\trole\tx\n",
        };
        assert!(
            Codebook::parse(src(""), bad_type)
                .unwrap_err()
                .to_string()
                .starts_with("t:1:")
        );
    }
}
