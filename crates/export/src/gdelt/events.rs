//! GDELT 2.0 Events rows: one per coded event, 61 columns.

use std::io::{self, Write};

use detente_core::{Analysis, Event, Participant};

use super::{Tally, document_id, stamp, write_row};
use crate::Context;
use crate::field::{actor_parts, clean, fraction_date, ymd};

/// The column names, in order, as in GDELT's Events codebook.
pub const EVENT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The 61 fields of one event of `a`, with GLOBALEVENTID `id`.
pub fn event_row(a: &Analysis, event: &Event, id: u64, ctx: &Context, tally: Tally) -> Vec<String> {
    let date = event.date.or(a.article.date);
    let mut f = vec![id.to_string()];
    match date {
        Some(d) => {
            let s = ymd(d);
            f.extend([
                s.clone(),
                s[..6].to_string(),
                s[..4].to_string(),
                fraction_date(d),
            ]);
        }
        None => f.extend(std::iter::repeat_n(String::new(), 4)),
    }
    f.extend(actor(&event.source));
    f.extend(actor(&event.target));
    let code = event.code.as_str();
    f.extend([
        u8::from(is_root(a, event)).to_string(),
        code.to_string(),
        code[..code.len().min(3)].to_string(),
        event.root.to_string(),
        event.quad.number().to_string(),
        format!("{:.1}", event.goldstein),
        tally.mentions.to_string(),
        tally.sources.to_string(),
        tally.articles.to_string(),
        a.tone.to_string(),
    ]);
    f.extend(geo(None)); // Actor1Geo: we do not place actors
    f.extend(geo(None)); // Actor2Geo
    f.extend(geo(event.location.as_deref()));
    f.extend([stamp(ctx.added), clean(&document_id(a))]);
    f
}

/// The ten actor columns: code, name, country, group, ethnic, two religions, three types.
fn actor(p: &Participant) -> [String; 10] {
    let parts = actor_parts(p.actor);
    let [t1, t2, t3] = parts.types;
    [
        p.actor.map(|c| c.to_string()).unwrap_or_default(),
        if p.actor.is_some() {
            clean(&p.text).to_uppercase()
        } else {
            String::new()
        },
        parts.country,
        parts.known_group,
        String::new(),
        String::new(),
        String::new(),
        t1,
        t2,
        t3,
    ]
}

/// The eight geography columns; only the name is known, so the type is
/// left empty where there is one and 0 ("no geography") where there is none.
fn geo(name: Option<&str>) -> [String; 8] {
    let (kind, name) = match name {
        Some(n) => (String::new(), clean(n)),
        None => ("0".to_string(), String::new()),
    };
    [
        kind,
        name,
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ]
}

/// GDELT's root event: one reported in the lead paragraph.
fn is_root(a: &Analysis, e: &Event) -> bool {
    a.article
        .paragraphs
        .first()
        .is_some_and(|p| p.contains(e.evidence_span))
}

/// Writes one row per event of `a`, numbered from `ctx.first_event_id`;
/// returns the number of rows.
pub fn write_events(out: &mut impl Write, a: &Analysis, ctx: &Context) -> io::Result<u64> {
    let mut n = 0;
    for (e, id) in a.events.iter().zip(ctx.first_event_id..) {
        write_row(out, &event_row(a, e, id, ctx, Tally::default()))?;
        n += 1;
    }
    Ok(n)
}
