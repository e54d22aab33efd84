//! PLOVER scoring (`../shared/data/plover/PLOVER_GSR_CAMEO.dev.json`, read
//! in place) for `detente eval events` and the accuracy floor test.
//!
//! A match is the same PLOVER category and the same source and target
//! country (the first three letters of the actor code); compound actors
//! count one event per actor. The records use the 2016 PLOVER names; four
//! are named differently in the 2021 categories our codebook uses and are
//! compared under the new name: DEMAND→REQUEST, DISAPPROVE→ACCUSE,
//! FIGHT→ASSAULT, INVESTIGATE→ACCUSE. A record with a compound source and
//! no target ("Hungarian and Romanian officials agreed") is one event each
//! way between the members; a record with one source and no target expects
//! target "-". Only our events with a PLOVER category are scored (CAMEO
//! root 01 has none); one without a target actor counts with target "-".
//!
//! The analyze and code stages are passed in, so this crate needs no
//! dependency on the analyze stage.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use std::time::Instant;

use detente_core::score::{f1, ratio};
use detente_core::stage::{Analyzer, Coder, Coding};
use detente_core::{Article, Participant};
use serde_json::Value;

use crate::error::CodeError;

/// Where the development records are, under the shared folder.
pub const PLOVER_DEV: &str = "data/plover/PLOVER_GSR_CAMEO.dev.json";

/// One scored event: PLOVER category, source country, target country ("-" for none).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Triple {
    pub category: String,
    pub source: String,
    pub target: String,
}

impl fmt::Display for Triple {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}>{}", self.category, self.source, self.target)
    }
}

/// Counts for one PLOVER category (or all of them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub matched: usize,
    pub coded: usize,
    pub expected: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.matched += other.matched;
        self.coded += other.coded;
        self.expected += other.expected;
    }

    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.coded)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.expected)
    }

    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

/// Why expected events were missed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Misses {
    /// Nothing with a category was coded for the record.
    pub nothing: usize,
    /// The category was coded, but between other countries.
    pub actors: usize,
    /// Only other categories were coded.
    pub category: usize,
}

/// A record we got wrong: what it expects, every event we coded, its text.
#[derive(Debug, Clone)]
pub struct Wrong {
    pub gold: Vec<Triple>,
    /// Our events as `SOURCE>CODE>TARGET`, all of them (with or without category).
    pub coded: Vec<String>,
    pub text: String,
}

impl fmt::Display for Wrong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let gold: Vec<String> = self.gold.iter().map(Triple::to_string).collect();
        write!(
            f,
            "[{}] got [{}] | {}",
            gold.join(", "),
            self.coded.join(", "),
            self.text
        )
    }
}

/// The PLOVER figures: per category, misses by kind, the records we got
/// wrong, and the speed of analyze + code over the set.
#[derive(Debug, Clone, Default)]
pub struct PloverReport {
    pub categories: BTreeMap<String, Tally>,
    pub misses: Misses,
    pub wrong: Vec<Wrong>,
    pub sentences: usize,
    pub seconds: f64,
}

impl PloverReport {
    /// All categories together.
    pub fn total(&self) -> Tally {
        let mut t = Tally::default();
        for c in self.categories.values() {
            t.add(c);
        }
        t
    }

    pub fn f1(&self) -> f64 {
        self.total().f1()
    }

    /// Records per second of analyze + code.
    pub fn sentences_per_second(&self) -> f64 {
        self.sentences as f64 / self.seconds.max(1e-9)
    }
}

impl fmt::Display for PloverReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "PLOVER dev by category: matched/coded/expected  P  R  F1"
        )?;
        for (name, t) in &self.categories {
            writeln!(
                f,
                "  {name:<10} {:>3}/{:>3}/{:>3}  {:.2} {:.2} {:.2}",
                t.matched,
                t.coded,
                t.expected,
                t.precision(),
                t.recall(),
                t.f1()
            )?;
        }
        let m = self.misses;
        writeln!(
            f,
            "PLOVER dev misses: {} with nothing coded, {} with the category between other actors, {} with only other categories",
            m.nothing, m.actors, m.category
        )?;
        let t = self.total();
        write!(
            f,
            "PLOVER dev: {} matched, {} coded, {} expected; P {:.3} R {:.3} F1 {:.3}; {} sentences, {:.0} sentences/s (analyze + code)",
            t.matched,
            t.coded,
            t.expected,
            t.precision(),
            t.recall(),
            t.f1(),
            self.sentences,
            self.sentences_per_second()
        )
    }
}

/// Scores `coder` (with `analyzer` before it) on the PLOVER development
/// records under `shared` (the folder of ../shared).
pub fn plover(
    shared: &Path,
    analyzer: &dyn Analyzer,
    coder: &dyn Coder,
) -> Result<PloverReport, CodeError> {
    let path = shared.join(PLOVER_DEV);
    let file = path.display().to_string();
    let raw = std::fs::read_to_string(&path).map_err(|source| CodeError::Io {
        file: file.clone(),
        source,
    })?;
    let records: Vec<Value> = serde_json::from_str(&raw)
        .map_err(|e| CodeError::line(&file, e.line(), format!("not PLOVER JSON: {e}")))?;
    let mut report = PloverReport::default();
    for r in &records {
        let Some(text) = r["text"].as_str() else {
            continue;
        };
        let mut article = Article::from_body(text);
        article.date = r["date"].as_str().and_then(|d| d.parse().ok());
        let start = Instant::now();
        let analysis = analyzer.analyze(&article);
        let coding = coder.code(&article, &analysis);
        report.seconds += start.elapsed().as_secs_f64();
        report.sentences += 1;
        score(&mut report, &gold_events(r), &coding, text);
    }
    Ok(report)
}

/// Adds one record's counts to the report.
fn score(report: &mut PloverReport, gold: &[Triple], coding: &Coding, text: &str) {
    let ours = ours(coding);
    for e in &ours {
        let t = report.categories.entry(e.category.clone()).or_default();
        t.coded += 1;
        t.matched += usize::from(gold.contains(e));
    }
    for g in gold {
        report
            .categories
            .entry(g.category.clone())
            .or_default()
            .expected += 1;
        if ours.contains(g) {
            continue;
        }
        let m = &mut report.misses;
        if ours.is_empty() {
            m.nothing += 1;
        } else if ours.iter().any(|e| e.category == g.category) {
            m.actors += 1;
        } else {
            m.category += 1;
        }
    }
    let hits = ours.iter().filter(|e| gold.contains(e)).count();
    if hits < gold.len() || hits < ours.len() {
        report.wrong.push(Wrong {
            gold: gold.to_vec(),
            coded: coding.events.iter().map(describe).collect(),
            text: text.to_string(),
        });
    }
}

fn describe(e: &detente_core::Event) -> String {
    let code = |p: &Participant| p.actor.map_or("-".into(), |c| c.to_string());
    format!("{}>{}>{}", code(&e.source), e.code, code(&e.target))
}

/// The country (or organisation) block of an actor code: `USAGOV` → `USA`.
fn head(code: &str) -> String {
    code.chars().take(3).collect()
}

/// The 2021 name of a 2016 PLOVER category.
fn category(name: &str) -> &str {
    match name {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        c => c,
    }
}

fn heads(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x["code"].as_str())
                .map(head)
                .collect()
        })
        .unwrap_or_default()
}

/// The triples a record expects.
fn gold_events(r: &Value) -> Vec<Triple> {
    let category = category(r["event"].as_str().unwrap_or_default());
    let triple = |s: &str, t: &str| Triple {
        category: category.to_string(),
        source: s.to_string(),
        target: t.to_string(),
    };
    let (sources, targets) = (heads(&r["source"]), heads(&r["target"]));
    let mut out = Vec::new();
    if targets.is_empty() && sources.len() > 1 {
        for a in &sources {
            out.extend(sources.iter().filter(|b| *b != a).map(|b| triple(a, b)));
        }
    } else if targets.is_empty() {
        out.extend(sources.iter().map(|a| triple(a, "-")));
    }
    for a in &sources {
        out.extend(targets.iter().map(|b| triple(a, b)));
    }
    out.sort();
    out.dedup();
    out
}

/// Our events with a PLOVER category, as triples.
fn ours(coding: &Coding) -> Vec<Triple> {
    let mut out: Vec<Triple> = coding
        .events
        .iter()
        .filter_map(|e| {
            Some(Triple {
                category: e.plover?.as_str().to_string(),
                source: head(e.source.actor?.as_str()),
                target: e.target.actor.map_or("-".to_string(), |t| head(t.as_str())),
            })
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compound_source_without_target_pairs_the_members() {
        let r: Value = serde_json::from_str(
            r#"{"event":"AGREE","source":[{"code":"HUNGOV"},{"code":"ROUGOV"}],"target":[]}"#,
        )
        .unwrap();
        let got: Vec<String> = gold_events(&r).iter().map(Triple::to_string).collect();
        assert_eq!(got, ["AGREE HUN>ROU", "AGREE ROU>HUN"]);
    }

    #[test]
    fn old_names_are_renamed_and_lone_sources_expect_no_target() {
        let r: Value =
            serde_json::from_str(r#"{"event":"FIGHT","source":[{"code":"SYRREB"}]}"#).unwrap();
        let got: Vec<String> = gold_events(&r).iter().map(Triple::to_string).collect();
        assert_eq!(got, ["ASSAULT SYR>-"]);
    }

    #[test]
    fn tally_scores() {
        let t = Tally {
            matched: 2,
            coded: 4,
            expected: 2,
        };
        assert!((t.precision() - 0.5).abs() < 1e-9);
        assert!((t.recall() - 1.0).abs() < 1e-9);
        assert!((t.f1() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(Tally::default().f1(), 0.0);
    }
}
