//! Quote evaluation on PolNeAR (`../shared/data/polnear`, train and dev),
//! for `detente eval quotes`.
//!
//! Scope: the gold attributions whose content is inside quotation marks (it
//! opens with a mark, or right after one, and closes with one, or right
//! before one). Our direct quotes are the predictions.
//!
//! - A gold quote is *found* when our direct quotes together overlap at
//!   least half of its content (the pieces of a discontinuous span count
//!   together, so a quote split by "he said" is found by its two halves).
//! - A prediction is *correct* when it overlaps a found gold quote; it is
//!   *ignored* when it only overlaps the content of an attribution out of
//!   scope (a quoted phrase inside paraphrase: `called it "a disaster"`);
//!   otherwise it is spurious.
//! - Content and speaker: additionally, the head word of the gold source
//!   ("Trump" in "Republican nominee Donald Trump", "spokesman" in "a
//!   spokesman for Clinton") is a word of our speaker: the resolved name or
//!   the words the text names it with. Attributions without a gold source
//!   are left out of this score.
//!
//! The analyze and code stages are passed in, so this crate needs no
//! dependency on the analyze stage.

use std::fmt;
use std::path::{Path, PathBuf};

use detente_core::score::{f1, ratio};
use detente_core::stage::{Analyzer, Coder};
use detente_core::{Article, Quote, QuoteKind, Span};

use super::brat::{self, Attribution, CharMap};
use crate::error::CodeError;

/// Found/predicted counts of one measure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub gold: usize,
    pub found: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
    fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.found += o.found;
        self.predicted += o.predicted;
        self.correct += o.correct;
    }
}

/// Scores of a set of documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    pub documents: usize,
    /// Content found (overlap >= 50% of the gold content).
    pub content: Counts,
    /// Content found and the gold speaker's head word in our speaker.
    pub speaker: Counts,
}

impl Scores {
    fn add(&mut self, o: Scores) {
        self.documents += o.documents;
        self.content.add(o.content);
        self.speaker.add(o.speaker);
    }
}

/// One error of ours, for reading what goes wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Miss {
    pub document: String,
    pub kind: MissKind,
    /// The gold content (missed, wrong speaker) or our quote (spurious).
    pub text: String,
    /// Gold speaker head word / our speaker.
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissKind {
    Missed,
    Spurious,
    WrongSpeaker,
}

/// The figures of `detente eval quotes`: per split and in total.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub splits: Vec<(String, Scores)>,
    pub misses: Vec<Miss>,
}

impl Report {
    pub fn total(&self) -> Scores {
        let mut t = Scores::default();
        for (_, s) in &self.splits {
            t.add(*s);
        }
        t
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "PolNeAR quotes in quotation marks (content: overlap >= 50% of gold; speaker: gold head word in ours)"
        )?;
        writeln!(
            f,
            "{:<8} {:>5} {:>6} {:>6}  {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6}",
            "split", "docs", "gold", "ours", "P", "R", "F1", "spk P", "spk R", "spk F1"
        )?;
        let total = ("total".to_string(), self.total());
        for (name, s) in self.splits.iter().chain(std::iter::once(&total)) {
            let (c, k) = (s.content, s.speaker);
            writeln!(
                f,
                "{:<8} {:>5} {:>6} {:>6}  {:>6.3} {:>6.3} {:>6.3}  {:>6.3} {:>6.3} {:>6.3}",
                name,
                s.documents,
                c.gold,
                c.predicted,
                c.precision(),
                c.recall(),
                c.f1(),
                k.precision(),
                k.recall(),
                k.f1()
            )?;
        }
        Ok(())
    }
}

/// Evaluates the train and dev splits of PolNeAR under `shared`
/// (the `../shared` folder) with the given stages.
pub fn report(
    shared: &Path,
    analyzer: &dyn Analyzer,
    coder: &dyn Coder,
) -> Result<Report, CodeError> {
    let root = shared.join("data/polnear");
    let mut out = Report::default();
    for split in ["train", "dev"] {
        let scores = evaluate_split(&root.join(split), analyzer, coder, &mut out.misses)?;
        out.splits.push((split.to_string(), scores));
    }
    Ok(out)
}

/// Evaluates one split folder (`attributions/*.ann` + `text/*.txt`). An
/// article annotated by several annotators is scored once, with the first
/// annotation file in name order.
pub fn evaluate_split(
    dir: &Path,
    analyzer: &dyn Analyzer,
    coder: &dyn Coder,
    misses: &mut Vec<Miss>,
) -> Result<Scores, CodeError> {
    let mut total = Scores::default();
    let mut last = String::new();
    for ann in annotation_files(&dir.join("attributions"))? {
        let stem = ann.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let base = stem.rsplit_once('_').map_or(stem, |(b, _)| b).to_string();
        if base == last {
            continue;
        }
        let text_path = dir.join("text").join(format!("{base}.txt"));
        let body = read(&text_path)?;
        let gold = brat::parse(&ann.display().to_string(), &read(&ann)?)?;
        let article = Article::from_body(body);
        let coding = coder.code(&article, &analyzer.analyze(&article));
        total.add(score_document(
            &base,
            &article.body,
            &gold,
            &coding.quotes,
            misses,
        ));
        last = base;
    }
    Ok(total)
}

fn annotation_files(dir: &Path) -> Result<Vec<PathBuf>, CodeError> {
    let io = |source| CodeError::Io {
        file: dir.display().to_string(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.extension().is_some_and(|e| e == "ann") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn read(path: &Path) -> Result<String, CodeError> {
    std::fs::read_to_string(path).map_err(|source| CodeError::Io {
        file: path.display().to_string(),
        source,
    })
}

/// A gold attribution in body byte offsets.
struct Gold {
    content: Vec<Span>,
    source: Option<String>,
    quoted: bool,
}

impl Gold {
    fn length(&self) -> usize {
        self.content.iter().map(Span::len).sum()
    }
    fn overlap(&self, s: Span) -> usize {
        self.content.iter().map(|c| overlap(*c, s)).sum()
    }
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Scores one document's direct quotes against its gold attributions.
pub fn score_document(
    name: &str,
    body: &str,
    gold: &[Attribution],
    quotes: &[Quote],
    misses: &mut Vec<Miss>,
) -> Scores {
    let map = CharMap::new(body);
    let gold: Vec<Gold> = gold
        .iter()
        .map(|a| {
            let content: Vec<Span> = a.content.iter().map(|&c| map.span(c)).collect();
            let source = a
                .source
                .iter()
                .map(|&c| map.span(c).text(body))
                .collect::<Vec<_>>()
                .join(" ");
            Gold {
                quoted: is_quoted(body, &content),
                content,
                source: head_word(&source),
            }
        })
        .filter(|g| g.length() > 0)
        .collect();
    let ours: Vec<&Quote> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .collect();
    let mut s = Scores {
        documents: 1,
        ..Default::default()
    };
    let mut found = vec![false; gold.len()];
    for (i, g) in gold.iter().enumerate().filter(|(_, g)| g.quoted) {
        let covered: usize = ours.iter().map(|q| g.overlap(q.span)).sum();
        found[i] = 2 * covered >= g.length();
        let best = ours
            .iter()
            .max_by_key(|q| g.overlap(q.span))
            .filter(|_| found[i]);
        let speaker_ok = best.is_some_and(|q| speaks(body, q, g.source.as_deref()));
        s.content.gold += 1;
        s.content.found += usize::from(found[i]);
        if g.source.is_some() {
            s.speaker.gold += 1;
            s.speaker.found += usize::from(speaker_ok);
        }
        let text = g
            .content
            .iter()
            .map(|c| c.text(body))
            .collect::<Vec<_>>()
            .join(" … ");
        let detail = g.source.clone().unwrap_or_default();
        if !found[i] {
            misses.push(Miss {
                document: name.into(),
                kind: MissKind::Missed,
                text,
                detail,
            });
        } else if g.source.is_some() && !speaker_ok {
            let ours = best.and_then(|q| q.speaker.clone()).unwrap_or_default();
            let detail = format!("{detail} / ours: {ours}");
            misses.push(Miss {
                document: name.into(),
                kind: MissKind::WrongSpeaker,
                text,
                detail,
            });
        }
    }
    for q in &ours {
        let hit = gold
            .iter()
            .enumerate()
            .filter(|(_, g)| g.quoted && g.overlap(q.span) > 0)
            .max_by_key(|(_, g)| g.overlap(q.span));
        match hit {
            Some((i, g)) => {
                s.content.predicted += 1;
                s.content.correct += usize::from(found[i]);
                if g.source.is_some() {
                    s.speaker.predicted += 1;
                    s.speaker.correct +=
                        usize::from(found[i] && speaks(body, q, g.source.as_deref()));
                }
            }
            None if gold.iter().any(|g| g.overlap(q.span) > 0) => {}
            None => {
                s.content.predicted += 1;
                s.speaker.predicted += 1;
                let detail = q.speaker.clone().unwrap_or_default();
                misses.push(Miss {
                    document: name.into(),
                    kind: MissKind::Spurious,
                    text: q.text.clone(),
                    detail,
                });
            }
        }
    }
    s
}

/// Whether the content opens with (or right after) a quotation mark and
/// closes with (or right before) one.
fn is_quoted(body: &str, content: &[Span]) -> bool {
    let (Some(first), Some(last)) = (content.first(), content.last()) else {
        return false;
    };
    let open = |c: char| matches!(c, '"' | '“');
    let close = |c: char| matches!(c, '"' | '”');
    let head = first.text(body).trim_start();
    let opens = head.starts_with(open) || body[..first.start].trim_end_matches(' ').ends_with(open);
    let tail = last.text(body).trim_end();
    let closes = tail.ends_with(close)
        || tail
            .trim_end_matches(['.', ',', '?', '!', ';', ':'])
            .ends_with(close)
        || body[last.end..]
            .trim_start_matches(['.', ',', '?', '!', ' '])
            .starts_with(close);
    opens && closes && !head.is_empty()
}

/// Words that end the head noun phrase of a source ("a spokesman *for* Clinton").
const AFTER_HEAD: &[&str] = &[
    "who", "which", "that", "of", "for", "at", "from", "in", "with", "on", "and", "or", "to", "as",
    "whose", "said", "says",
];

/// The head word of a gold source phrase, lowercase, without a possessive.
fn head_word(source: &str) -> Option<String> {
    let mut head = None;
    for raw in source.split_whitespace() {
        let w = raw
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if AFTER_HEAD.contains(&w.as_str()) && head.is_some() {
            break;
        }
        if raw.starts_with('(') && head.is_some() {
            break;
        }
        let ends_phrase = raw.ends_with([',', '(', ')', '—', ';', ':']);
        let possessive = w.ends_with("'s") || w.ends_with("’s") || raw.ends_with(['\'', '’']);
        let w = w.trim_end_matches("'s").trim_end_matches("’s").to_string();
        if !w.is_empty() && !possessive {
            head = Some(w);
        }
        if ends_phrase && head.is_some() {
            break;
        }
    }
    head
}

/// Whether `head` is a word of our speaker's name or of the words naming it.
fn speaks(body: &str, q: &Quote, head: Option<&str>) -> bool {
    let Some(head) = head else { return false };
    let named = q.speaker_span.map_or("", |s| s.text(body));
    let name = q.speaker.as_deref().unwrap_or("");
    [named, name]
        .iter()
        .flat_map(|t| t.split_whitespace())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .any(|w| w.trim_end_matches("'s").trim_end_matches("’s") == head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_words() {
        assert_eq!(
            head_word("Republican nominee Donald Trump").as_deref(),
            Some("trump")
        );
        assert_eq!(
            head_word("a spokesman for Clinton").as_deref(),
            Some("spokesman")
        );
        assert_eq!(head_word("Clinton’s campaign").as_deref(), Some("campaign"));
        assert_eq!(head_word("Trump, who spoke").as_deref(), Some("trump"));
        assert_eq!(head_word("he").as_deref(), Some("he"));
        assert_eq!(head_word(""), None);
    }

    #[test]
    fn quoted_scope() {
        let body = "He said “a b c.” Then x called it “bad” today.";
        let q = |s: &str| {
            let start = body.find(s).unwrap();
            Span::new(start, start + s.len())
        };
        assert!(is_quoted(body, &[q("“a b c.”")]));
        assert!(is_quoted(body, &[q("a b c.")]));
        assert!(!is_quoted(body, &[q("it “bad”")]));
    }

    fn quote(body: &str, text: &str, speaker: &str) -> Quote {
        let start = body.find(text).unwrap();
        let span = Span::new(start, start + text.len());
        Quote {
            kind: QuoteKind::Direct,
            text: text.into(),
            speaker: Some(speaker.into()),
            speaker_description: None,
            speaker_actor: None,
            cue: None,
            speaker_span: None,
            span,
        }
    }

    #[test]
    fn split_quote_found_by_its_halves_and_spurious_counted() {
        let body = "“One two three,” Smith said, “four five six.” Also “odd” here.";
        let chars = |s: &str| {
            let b = body.find(s).unwrap();
            (
                body[..b].chars().count(),
                body[..b].chars().count() + s.chars().count(),
            )
        };
        let gold = [Attribution {
            source: vec![chars("Smith")],
            cue: vec![chars("said")],
            content: vec![chars("“One two three,”"), chars("“four five six.”")],
        }];
        let ours = [
            quote(body, "One two three,", "John Smith"),
            quote(body, "four five six.", "John Smith"),
            quote(body, "odd", "x"),
        ];
        let mut misses = Vec::new();
        let s = score_document("d", body, &gold, &ours, &mut misses);
        assert_eq!((s.content.gold, s.content.found), (1, 1));
        assert_eq!((s.content.predicted, s.content.correct), (3, 2));
        assert_eq!((s.speaker.found, s.speaker.correct), (1, 2));
        assert_eq!(misses.len(), 1);
        assert_eq!(misses[0].kind, MissKind::Spurious);
    }
}
