//! GDELT 2.0 Mentions rows: where in which document an event was reported,
//! 16 columns, one row per event of the document.

use std::io::{self, Write};

use detente_core::{Analysis, Event, Participant};

use super::{document_id, stamp, write_row};
use crate::Context;
use crate::field::{char_offset, clean};

/// The column names, in order, as in GDELT's Mentions codebook.
pub const MENTION_COLUMNS: [&str; 16] = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
];

/// How sure we are of a coded event, in percent: a dictionary pattern with
/// both actors coded is surer than one with an actor missing; speculation
/// (future, possible, hypothetical) lowers it.
fn confidence(e: &Event) -> u8 {
    let actors = u8::from(e.source.actor.is_some()) + u8::from(e.target.actor.is_some());
    let base = 40 + 20 * actors;
    if e.modality.is_asserted() {
        base
    } else {
        base - 20
    }
}

/// The 16 fields of the mention of event `event` (GLOBALEVENTID `id`) in `a`.
pub fn mention_row(a: &Analysis, event: &Event, id: u64, ctx: &Context) -> Vec<String> {
    let body = &a.article.body;
    let offset = |p: &Participant| {
        p.span
            .map_or("-1".to_string(), |s| char_offset(body, s.start).to_string())
    };
    let time = a.article.date.map_or_else(
        || stamp(ctx.added),
        |d| format!("{}000000", d.format("%Y%m%d")),
    );
    let source = a.article.publisher.clone().unwrap_or_default();
    vec![
        id.to_string(),
        time,
        stamp(ctx.added),
        if a.article.url.is_some() { "1" } else { "2" }.to_string(),
        clean(&source),
        clean(&document_id(a)),
        (event.sentence + 1).to_string(),
        offset(&event.source),
        offset(&event.target),
        char_offset(body, event.evidence_span.start).to_string(),
        "1".to_string(),
        confidence(event).to_string(),
        body.chars().count().to_string(),
        a.tone.to_string(),
        String::new(),
        String::new(),
    ]
}

/// Writes one mention row per event of `a`, numbered from `ctx.first_event_id`
/// as [`super::write_events`] numbers them; returns the number of rows.
pub fn write_mentions(out: &mut impl Write, a: &Analysis, ctx: &Context) -> io::Result<u64> {
    let mut n = 0;
    for (e, id) in a.events.iter().zip(ctx.first_event_id..) {
        write_row(out, &mention_row(a, e, id, ctx))?;
        n += 1;
    }
    Ok(n)
}
