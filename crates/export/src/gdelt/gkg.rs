//! GDELT Global Knowledge Graph 2.1 rows: one per document, 27 columns,
//! from the analysis (names, quotes, tone) and its [`Graph`] (themes,
//! counts, dates, countries).
//!
//! Lists follow GDELT's delimiters: `;` between items, `#` between the
//! parts of a count, location or date, `,` before an offset, `|` inside a
//! quotation. Values are cleaned of those characters first.

use std::io::{self, Write};

use chrono::Datelike;
use detente_core::graph::{Count, Named};
use detente_core::{Analysis, DateRange, Graph, QuoteKind};

use super::{document_id, stamp, write_row};
use crate::Context;
use crate::field::{char_offset, clean, item, without};

/// The column names, in order, as in GDELT's GKG 2.1 codebook.
pub const GKG_COLUMNS: [&str; 27] = [
    "GKGRECORDID",
    "DATE",
    "SourceCollectionIdentifier",
    "SourceCommonName",
    "DocumentIdentifier",
    "Counts",
    "V2Counts",
    "Themes",
    "V2Themes",
    "Locations",
    "V2Locations",
    "Persons",
    "V2Persons",
    "Organizations",
    "V2Organizations",
    "V2Tone",
    "Dates",
    "GCAM",
    "SharingImage",
    "RelatedImages",
    "SocialImageEmbeds",
    "SocialVideoEmbeds",
    "Quotations",
    "AllNames",
    "Amounts",
    "TranslationInfo",
    "Extras",
];

/// The 27 fields of the GKG record of `a` and its graph.
pub fn gkg_row(a: &Analysis, graph: &Graph, ctx: &Context) -> Vec<String> {
    let body = a.article.body.as_str();
    let at = |o: usize| char_offset(body, o);
    let date = a.article.date.map_or_else(
        || stamp(ctx.added),
        |d| format!("{}000000", d.format("%Y%m%d")),
    );
    let kinded: Vec<&Count> = graph.counts.iter().filter(|c| c.kind.is_some()).collect();
    vec![
        format!("{}-{}", stamp(ctx.added), ctx.record),
        date,
        if a.article.url.is_some() { "1" } else { "2" }.to_string(),
        item(&a.article.publisher.clone().unwrap_or_default()),
        clean(&document_id(a)),
        join(kinded.iter().map(|c| count(c, None))),
        join(kinded.iter().map(|c| count(c, Some(at(c.offset))))),
        join(unique(graph.themes.iter().map(|t| t.theme.clone()))),
        join(graph.themes.iter().flat_map(|t| {
            t.offsets
                .iter()
                .map(move |o| format!("{},{}", t.theme, at(*o)))
        })),
        join(graph.locations.iter().map(|l| location(l, None))),
        join(
            graph
                .locations
                .iter()
                .flat_map(|l| l.offsets.iter().map(move |o| location(l, Some(at(*o))))),
        ),
        join(graph.persons.iter().map(|p| item(&p.name).to_lowercase())),
        join(mentions(&graph.persons, at)),
        join(
            graph
                .organizations
                .iter()
                .map(|o| item(&o.name).to_lowercase()),
        ),
        join(mentions(&graph.organizations, at)),
        a.tone_detail.to_gdelt(),
        join(
            graph
                .dates
                .iter()
                .filter_map(|d| Some(format!("{}#{}", date_parts(d.range?)?, at(d.offset)))),
        ),
        format!("wc:{}", a.tone_detail.word_count),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        quotations(a, at),
        join(mentions_all(graph, at)),
        join(
            graph
                .counts
                .iter()
                .map(|c| format!("{},{},{}", c.number, item(&c.object), at(c.offset))),
        ),
        String::new(),
        a.article.title.as_deref().map_or_else(String::new, |t| {
            format!("<PAGE_TITLE>{}</PAGE_TITLE>", item(t))
        }),
    ]
}

/// GDELT list fields end every item with `;`.
fn join(items: impl Iterator<Item = String>) -> String {
    items.map(|i| i + ";").collect()
}

fn unique(items: impl Iterator<Item = String>) -> impl Iterator<Item = String> {
    let mut seen = std::collections::HashSet::new();
    items.filter(move |i| seen.insert(i.clone()))
}

/// `KILL#12#people#0######` (+ `#offset` in V2): count type, number, object,
/// then a location we do not resolve.
fn count(c: &Count, offset: Option<usize>) -> String {
    let kind = c.kind.as_deref().unwrap_or_default();
    let mut s = format!("{kind}#{}#{}#0######", c.number, item(&c.object));
    if let Some(o) = offset {
        s.push_str(&format!("#{o}"));
    }
    s
}

/// `TYPE#NAME#COUNTRY#ADM1#LAT#LONG#FEATURE` (V1) or with ADM2 and the
/// offset (V2). Type 1 (country) where the place is its own country code,
/// else 4 (a city or landmark).
fn location(l: &Named, offset: Option<usize>) -> String {
    let country = l.country.map(|c| c.to_string()).unwrap_or_default();
    let kind = if l.actor.is_some_and(|a| Some(a) == l.country) {
        1
    } else {
        4
    };
    let name = item(&l.name);
    match offset {
        None => format!("{kind}#{name}#{country}#{country}###"),
        Some(o) => format!("{kind}#{name}#{country}#{country}#####{o}"),
    }
}

/// `Name,offset` for every mention of every name.
fn mentions(names: &[Named], at: impl Fn(usize) -> usize) -> impl Iterator<Item = String> {
    let mut out = Vec::new();
    for n in names {
        let name = item(&n.name);
        out.extend(n.offsets.iter().map(|o| format!("{name},{}", at(*o))));
    }
    out.into_iter()
}

fn mentions_all(g: &Graph, at: impl Fn(usize) -> usize + Copy) -> impl Iterator<Item = String> {
    let mut all: Vec<(usize, String)> = [&g.persons, &g.organizations, &g.locations]
        .into_iter()
        .flatten()
        .flat_map(|n| n.offsets.iter().map(move |o| (*o, item(&n.name))))
        .collect();
    all.sort();
    all.into_iter().map(move |(o, n)| format!("{n},{}", at(o)))
}

/// `RESOLUTION#MONTH#DAY#YEAR`: 3 for a day, 2 for a whole month, 1 for a
/// whole year; other ranges ("since last year") are not dates of GDELT's kind.
fn date_parts(r: DateRange) -> Option<String> {
    let (f, l) = (r.first, r.last);
    if r.is_day() {
        return Some(format!("3#{}#{}#{}", f.month(), f.day(), f.year()));
    }
    let whole_month = f.day() == 1
        && f.month() == l.month()
        && f.year() == l.year()
        && l.succ_opt().is_some_and(|n| n.day() == 1);
    if whole_month {
        return Some(format!("2#{}#0#{}", f.month(), f.year()));
    }
    let whole_year = f.ordinal() == 1 && l.month() == 12 && l.day() == 31 && f.year() == l.year();
    whole_year.then(|| format!("1#0#0#{}", f.year()))
}

/// `offset|length|verb|quote` for each direct quote, `#`-separated.
fn quotations(a: &Analysis, at: impl Fn(usize) -> usize) -> String {
    let body = a.article.body.as_str();
    a.quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| {
            let length = q.span.text(body).chars().count();
            let verb = q.cue.as_deref().map(item).unwrap_or_default();
            // commas are fine inside a quotation: only its own delimiters go
            let text = without(&q.text, &['#', '|']);
            format!("{}|{}|{}|{text}", at(q.span.start), length, verb)
        })
        .collect::<Vec<_>>()
        .join("#")
}

/// Writes the GKG row of `a`.
pub fn write_gkg(
    out: &mut impl Write,
    a: &Analysis,
    graph: &Graph,
    ctx: &Context,
) -> io::Result<()> {
    write_row(out, &gkg_row(a, graph, ctx))
}
