//! A report for a person at a terminal: the article, then who did what to whom.

use std::collections::HashSet;
use std::io::{self, Write};

use detente_core::{Analysis, Event, Participant, Quote};

pub(super) fn report(out: &mut impl Write, a: &Analysis, first: bool) -> io::Result<()> {
    if !first {
        writeln!(out)?;
    }
    heading(out, a)?;
    section(out, "Events", &a.events, event)?;
    section(out, "Quotes", &a.quotes, quote)?;
    entities(out, a)
}

fn heading(out: &mut impl Write, a: &Analysis) -> io::Result<()> {
    let name = a.id.as_deref().or(a.path.as_deref()).unwrap_or("<input>");
    writeln!(out, "== {name}")?;
    let art = &a.article;
    writeln!(out, "   {}", art.title.as_deref().unwrap_or("(no title)"))?;
    let facts: Vec<String> = [
        art.publisher.clone(),
        art.date.map(|d| d.to_string()),
        art.byline.clone(),
        art.dateline.clone(),
        art.language.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !facts.is_empty() {
        writeln!(out, "   {}", facts.join(" · "))?;
    }
    writeln!(
        out,
        "   {} words, {} entities, {} events, {} quotes, tone {:+.2}",
        a.tone_detail.word_count,
        a.entities.len(),
        a.events.len(),
        a.quotes.len(),
        a.tone
    )
}

fn section<T>(
    out: &mut impl Write,
    title: &str,
    items: &[T],
    line: fn(&mut dyn Write, usize, &T) -> io::Result<()>,
) -> io::Result<()> {
    if items.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{title}")?;
    items
        .iter()
        .enumerate()
        .try_for_each(|(i, item)| line(out, i + 1, item))
}

fn event(out: &mut dyn Write, n: usize, e: &Event) -> io::Result<()> {
    let date = e.date.map(|d| d.to_string()).unwrap_or_else(|| "—".into());
    let plover = e.plover.map(|p| format!(", {p}")).unwrap_or_default();
    writeln!(
        out,
        "  {n:>3}. {date}  {} → {}  {} {} ({:+.1}, {}{plover})",
        actor(&e.source),
        actor(&e.target),
        e.code,
        e.name,
        e.goldstein,
        e.quad.label(),
    )?;
    if !e.modality.is_asserted() {
        writeln!(out, "       modality: {}", e.modality.as_str())?;
    }
    if let Some(by) = &e.claimed_by {
        writeln!(out, "       claimed by: {}", actor(by))?;
    }
    writeln!(
        out,
        "       sentence {}: \"{}\"",
        e.sentence,
        e.evidence.trim()
    )?;
    writeln!(out, "       rule: {}", e.rule)
}

fn actor(p: &Participant) -> String {
    match &p.actor {
        Some(code) => format!("{} [{code}]", p.text),
        None if p.text.is_empty() => "—".into(),
        None => p.text.clone(),
    }
}

fn quote(out: &mut dyn Write, n: usize, q: &Quote) -> io::Result<()> {
    let speaker = q.speaker.as_deref().unwrap_or("(unresolved)");
    let description = q
        .speaker_description
        .as_deref()
        .map(|d| format!(", {d}"))
        .unwrap_or_default();
    let kind = match q.kind {
        detente_core::QuoteKind::Direct => "direct",
        detente_core::QuoteKind::Indirect => "indirect",
    };
    writeln!(out, "  {n:>3}. {speaker}{description} ({kind}):")?;
    writeln!(out, "       \"{}\"", q.text.trim())
}

fn entities(out: &mut impl Write, a: &Analysis) -> io::Result<()> {
    // Each entity once, in order of first mention.
    let mut known = HashSet::new();
    let mut seen = Vec::new();
    for e in &a.entities {
        let key = (
            format!("{:?}", e.kind).to_lowercase(),
            e.name().to_string(),
            e.actor.map(|c| c.to_string()).unwrap_or_default(),
        );
        if known.insert(key.clone()) {
            seen.push(key);
        }
    }
    if seen.is_empty() {
        return Ok(());
    }
    writeln!(out, "\nEntities")?;
    for (kind, name, actor) in seen {
        writeln!(out, "  {kind:<13} {name:<32} {actor}")?;
    }
    Ok(())
}
