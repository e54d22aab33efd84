//! PLOVER JSON records (PLOVER manual, "Data Fields"): one JSON object per
//! event with a PLOVER category, written one per line (JSON Lines, as the
//! manual suggests).
//!
//! Fields: `id`, `date`, `actor` and `recipient` (lists of entity objects:
//! `code` = country or group block, `sector` = role blocks, `entity_text`),
//! `event` (list of categories), `event_text`, `quad_code`, `event_scale`
//! (the Goldstein score), `text_info` (sentence number and character
//! offsets of the evidence), `coder`; plus ours: `cameo`, `rule`, `mode`
//! (our modality where the event is not asserted as fact).

use std::io::{self, Write};

use detente_core::{Analysis, Event, Modality, Participant};
use serde_json::{Value, json};

use crate::field::{actor_parts, char_offset};

/// The PLOVER record of `event`, or `None` where the event has no PLOVER category.
pub fn record(a: &Analysis, event: &Event, id: &str) -> Option<Value> {
    let category = event.plover?;
    let body = a.article.body.as_str();
    let mut r = json!({
        "id": id,
        "date": event.date.or(a.article.date).map(|d| d.to_string()),
        "actor": [entity(&event.source)],
        "recipient": [entity(&event.target)],
        "event": [category.as_str()],
        "event_text": [event.evidence],
        "quad_code": event.quad.number(),
        "event_scale": event.goldstein,
        "text_info": {
            "sequence": event.sentence,
            "start": char_offset(body, event.evidence_span.start),
            "end": char_offset(body, event.evidence_span.end),
        },
        "coder": "detente",
        "cameo": event.code.as_str(),
        "rule": event.rule,
    });
    if event.modality != Modality::Asserted {
        r["mode"] = json!([format!("{:?}", event.modality).to_lowercase()]);
    }
    Some(r)
}

/// `{"code":"RUS","sector":"GOV","entity_text":"the Russian government"}`.
fn entity(p: &Participant) -> Value {
    let parts = actor_parts(p.actor);
    let code = if parts.country.is_empty() {
        parts.known_group
    } else {
        parts.country
    };
    let sector: String = parts.types.concat();
    let mut e = json!({ "entity_text": p.text });
    if !code.is_empty() {
        e["code"] = json!(code);
    }
    if !sector.is_empty() {
        e["sector"] = json!(sector);
    }
    e
}

/// Writes a record per PLOVER-coded event of `a`, one JSON object a line;
/// ids are `{prefix}-{n}` from 1. Returns the number written.
pub fn write_plover(out: &mut impl Write, a: &Analysis, prefix: &str) -> io::Result<u64> {
    let mut n = 0;
    for e in &a.events {
        let Some(r) = record(a, e, &format!("{prefix}-{}", n + 1)) else {
            continue;
        };
        serde_json::to_writer(&mut *out, &r)?;
        out.write_all(b"\n")?;
        n += 1;
    }
    Ok(n)
}
