//! The knowledge graph of one document (GDELT GKG-like): persons,
//! organisations and places from the coded entities, themes from our theme
//! dictionary ([`themes`]), counts of things ([`counts`]) and the dates the
//! text mentions.
//!
//! ```text
//! entities (with actor codes) ─▶ persons / organisations / locations (+ country)
//! tokens (lowercase) ──────────▶ themes, counts
//! time expressions ────────────▶ dates
//! ```
//!
//! Quotations and tone are not repeated here: they are the coding's quotes
//! and tone, and the GKG exporter reads them from there.

pub mod counts;
pub mod themes;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use detente_core::graph::{DateMention, Graph, Named, ThemeMentions};
use detente_core::stage::Coding;
use detente_core::{ActorCode, Entity, EntityKind, TextAnalysis};

pub use themes::Themes;

/// The graph of a body, its analysis and its coded entities.
pub fn build(body: &str, text: &TextAnalysis, entities: &[Entity], themes: &Themes) -> Graph {
    let lower: Vec<Cow<str>> = text
        .tokens
        .iter()
        .map(|t| lowercase(t.span.text(body)))
        .collect();
    let words: Vec<&str> = lower.iter().map(|w| w.as_ref()).collect();
    let offsets: Vec<(usize, usize)> = text
        .tokens
        .iter()
        .map(|t| (t.span.start, t.span.end))
        .collect();
    Graph {
        persons: named(entities, EntityKind::Person),
        organizations: named(entities, EntityKind::Organization),
        locations: named(entities, EntityKind::Location),
        themes: theme_mentions(themes, &words, &offsets),
        counts: counts::counts(&words, &offsets, body),
        dates: text
            .times
            .iter()
            .map(|t| DateMention {
                text: t.text.clone(),
                range: t.range,
                offset: t.span.start,
            })
            .collect(),
    }
}

/// `word` in lowercase, copied only when it has capitals (most words do not).
fn lowercase(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Entities of one kind grouped by their fullest name, in order of first mention.
fn named(entities: &[Entity], kind: EntityKind) -> Vec<Named> {
    let mut out: Vec<Named> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for e in entities.iter().filter(|e| e.kind == kind) {
        let name = e.name();
        match index.get(name).map(|&i| &mut out[i]) {
            Some(n) => {
                n.offsets.push(e.span.start);
                n.actor = n.actor.or(e.actor);
                n.country = n.country.or_else(|| country(e));
            }
            None => {
                index.insert(name, out.len());
                out.push(Named {
                    name: name.to_string(),
                    actor: e.actor,
                    country: country(e),
                    offsets: vec![e.span.start],
                });
            }
        }
    }
    out
}

/// Role and group blocks that start an actor code but name no country.
const NOT_COUNTRIES: &[&str] = &["IGO", "NGO", "IMG", "MNC", "REB", "INS", "UIS", "SPY"];

/// The entity's country: stated by the analysis, else the first block of
/// its actor code where that is a country ("RUSGOV" → RUS). An
/// organisation's code is read so only with a role after the country
/// (`RUSBUS`): `NATO` or `EU` name no country.
fn country(e: &Entity) -> Option<ActorCode> {
    e.country.or_else(|| {
        let code = e.actor?;
        let head = code.head();
        let is_country = head.len() == 3
            && !NOT_COUNTRIES.contains(&head)
            && (e.kind != EntityKind::Organization || code.as_str().len() >= 6);
        is_country.then(|| ActorCode::parse(head).ok()).flatten()
    })
}

fn theme_mentions(
    themes: &Themes,
    words: &[&str],
    offsets: &[(usize, usize)],
) -> Vec<ThemeMentions> {
    let mut out: Vec<ThemeMentions> = Vec::new();
    for (theme, i) in themes.find(words) {
        let at = offsets[i].0;
        match out.iter_mut().find(|t| t.theme == theme) {
            Some(t) if t.offsets.last() != Some(&at) => t.offsets.push(at),
            Some(_) => {}
            None => out.push(ThemeMentions {
                theme: theme.to_string(),
                offsets: vec![at],
            }),
        }
    }
    out
}

/// The coding with its graph filled in from its own entities and the
/// embedded theme dictionary.
pub fn attach(mut coding: Coding, body: &str, text: &TextAnalysis) -> Coding {
    static THEMES: OnceLock<Themes> = OnceLock::new();
    let themes = THEMES.get_or_init(Themes::embedded);
    coding.graph = build(body, text, &coding.entities, themes);
    coding
}
