//! Scoring the extract stage on the shared benchmarks, exactly as
//! `../shared/data/extraction/METRIC.md` defines it.
//!
//! - aeb: 4-word shingles of `\w+` tokens, per-page tp/fp/fn normalised to
//!   sum 1, precision and recall averaged over pages, F1 from the two means.
//! - wcxb: word-level F1 on lowercased `\w+` multisets averaged over pages;
//!   snippet shares; title, author and date accuracy over the pages whose
//!   gold has that field.
//!
//! Each page is extracted with the URL the benchmark records for it, as a
//! crawler would know it. Pages/s counts extraction time only (not reading
//! or decompressing the files), on the calling thread, by the wall clock:
//! on a loaded machine it reads low (`examples/speed.rs` also reports
//! pages per CPU-second).

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

use detente_core::score::f1;
use detente_core::{Article, Content, Document, Provenance, stage::Extractor};

mod report;
pub use report::{Report, report};
use serde_json::Value;

/// What went wrong reading a benchmark.
#[derive(Debug)]
pub struct EvalError(pub String);

impl std::fmt::Display for EvalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EvalError {}

/// Results on the aeb set.
#[derive(Debug, Clone, Default)]
pub struct AebReport {
    pub pages: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Pages whose extraction failed (scored as empty output).
    pub failed: usize,
    pub extract_time: Duration,
}

/// Results on the wcxb set.
#[derive(Debug, Clone, Default)]
pub struct WcxbReport {
    pub pages: usize,
    pub body_f1: f64,
    /// Mean page precision and recall of body words.
    pub body_precision: f64,
    pub body_recall: f64,
    /// Share of with[] snippets found, and of without[] snippets absent.
    pub with_found: f64,
    pub without_absent: f64,
    /// (correct, pages with that gold field)
    pub title: (usize, usize),
    pub author: (usize, usize),
    pub date: (usize, usize),
    pub failed: usize,
    pub extract_time: Duration,
    /// Per page: id, body F1, and whether title, author, date were right (None: no gold).
    pub details: Vec<PageScore>,
}

/// One wcxb page's scores, for finding what to improve.
#[derive(Debug, Clone, Default)]
pub struct PageScore {
    pub id: String,
    pub f1: f64,
    pub title: Option<bool>,
    pub author: Option<bool>,
    pub date: Option<bool>,
    /// What the extractor found, for reading the misses.
    pub found: Found,
}

/// The metadata the extractor gave one page.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
}

impl AebReport {
    pub fn pages_per_sec(&self) -> f64 {
        self.pages as f64 / self.extract_time.as_secs_f64().max(1e-9)
    }
}

impl WcxbReport {
    pub fn pages_per_sec(&self) -> f64 {
        self.pages as f64 / self.extract_time.as_secs_f64().max(1e-9)
    }
}

/// Share `(correct, total)` as a fraction (1.0 when there is nothing to score).
pub fn share((correct, total): (usize, usize)) -> f64 {
    if total == 0 {
        1.0
    } else {
        correct as f64 / total as f64
    }
}

fn read_gz(path: &Path) -> Result<String, EvalError> {
    let file =
        std::fs::File::open(path).map_err(|e| EvalError(format!("{}: {e}", path.display())))?;
    let mut text = String::new();
    let mut bytes = Vec::new();
    flate2::read::MultiGzDecoder::new(file)
        .read_to_end(&mut bytes)
        .map_err(|e| EvalError(format!("{}: {e}", path.display())))?;
    text.push_str(&String::from_utf8_lossy(&bytes));
    Ok(text)
}

fn read_json(path: &Path) -> Result<Value, EvalError> {
    let text =
        std::fs::read_to_string(path).map_err(|e| EvalError(format!("{}: {e}", path.display())))?;
    serde_json::from_str(&text).map_err(|e| EvalError(format!("{}: {e}", path.display())))
}

/// Extract one page, timing only the extraction.
fn run(
    ex: &dyn Extractor,
    html: String,
    url: Option<&str>,
    time: &mut Duration,
) -> Option<Article> {
    let doc = Document {
        id: None,
        provenance: Provenance {
            url: url.map(str::to_string),
            ..Default::default()
        },
        content: Content::Html(html),
        date: None,
        title: None,
    };
    let start = Instant::now();
    let out = ex.extract(&doc).ok();
    *time += start.elapsed();
    out
}

/// `\w+` runs: Unicode letters and digits, and `_`.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
}

fn multiset<T: std::hash::Hash + Eq>(items: impl Iterator<Item = T>) -> HashMap<T, usize> {
    let mut m = HashMap::new();
    for i in items {
        *m.entry(i).or_insert(0) += 1;
    }
    m
}

/// (tp, fp, fn) between two multisets.
fn overlap<T: std::hash::Hash + Eq>(
    gold: &HashMap<T, usize>,
    pred: &HashMap<T, usize>,
) -> (f64, f64, f64) {
    let tp: usize = pred
        .iter()
        .map(|(k, &n)| n.min(gold.get(k).copied().unwrap_or(0)))
        .sum();
    let pred_n: usize = pred.values().sum();
    let gold_n: usize = gold.values().sum();
    (tp as f64, (pred_n - tp) as f64, (gold_n - tp) as f64)
}

/// 4-token shingles; a text of fewer than 4 tokens is one shingle.
fn shingles(text: &str) -> HashMap<String, usize> {
    let toks: Vec<&str> = words(text).collect();
    if toks.is_empty() {
        return HashMap::new();
    }
    if toks.len() < 4 {
        return multiset(std::iter::once(toks.join(" ")));
    }
    multiset(toks.windows(4).map(|w| w.join(" ")))
}

/// Score the aeb set in `dir` (ground-truth.json, html/<id>.html.gz).
pub fn eval_aeb(dir: &Path, ex: &dyn Extractor) -> Result<AebReport, EvalError> {
    let gold = read_json(&dir.join("ground-truth.json"))?;
    let gold = gold
        .as_object()
        .ok_or_else(|| EvalError("aeb ground-truth.json is not an object".into()))?;
    let mut ids: Vec<&String> = gold.keys().collect();
    ids.sort();
    let mut report = AebReport::default();
    let (mut p_sum, mut p_n, mut r_sum, mut r_n) = (0.0, 0usize, 0.0, 0usize);
    for id in ids {
        let g = &gold[id.as_str()];
        let html = read_gz(&dir.join("html").join(format!("{id}.html.gz")))?;
        let url = g["url"].as_str();
        let article = run(ex, html, url, &mut report.extract_time);
        report.failed += usize::from(article.is_none());
        let body = article.map(|a| a.body).unwrap_or_default();
        let (tp, fp, fn_) = overlap(
            &shingles(g["articleBody"].as_str().unwrap_or("")),
            &shingles(&body),
        );
        let sum = tp + fp + fn_;
        let (tp, fp, fn_) = if sum > 0.0 {
            (tp / sum, fp / sum, fn_ / sum)
        } else {
            (0.0, 0.0, 0.0)
        };
        if fp == 0.0 && fn_ == 0.0 {
            (p_sum, p_n, r_sum, r_n) = (p_sum + 1.0, p_n + 1, r_sum + 1.0, r_n + 1);
        } else {
            if tp + fp > 0.0 {
                p_sum += tp / (tp + fp);
                p_n += 1;
            }
            if tp + fn_ > 0.0 {
                r_sum += tp / (tp + fn_);
                r_n += 1;
            }
        }
        report.pages += 1;
    }
    report.precision = p_sum / p_n.max(1) as f64;
    report.recall = r_sum / r_n.max(1) as f64;
    report.f1 = f1(report.precision, report.recall);
    Ok(report)
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One page of a wcxb set: its id, its gold record (`url`,
/// `ground_truth`) and its HTML.
pub struct WcxbPage {
    pub id: String,
    pub gold: Value,
    pub html: String,
}

/// The ids of the pages of the wcxb set in `dir` (its `ground-truth/*.json`
/// file names), sorted.
pub fn wcxb_ids(dir: &Path) -> Result<Vec<String>, EvalError> {
    let gt_dir = dir.join("ground-truth");
    let mut ids: Vec<String> = std::fs::read_dir(&gt_dir)
        .map_err(|e| EvalError(format!("{}: {e}", gt_dir.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter_map(|p| Some(p.file_stem()?.to_str()?.to_string()))
        .collect();
    ids.sort();
    Ok(ids)
}

/// Reads page `id` of the wcxb set in `dir`.
pub fn wcxb_page(dir: &Path, id: &str) -> Result<WcxbPage, EvalError> {
    Ok(WcxbPage {
        id: id.to_string(),
        gold: read_json(&dir.join("ground-truth").join(format!("{id}.json")))?,
        html: read_gz(&dir.join("html").join(format!("{id}.html.gz")))?,
    })
}

/// Score the wcxb set in `dir` (ground-truth/NNNN.json, html/NNNN.html.gz).
pub fn eval_wcxb(dir: &Path, ex: &dyn Extractor) -> Result<WcxbReport, EvalError> {
    let mut r = WcxbReport::default();
    let (mut f1_sum, mut with, mut without) = (0.0, (0usize, 0usize), (0usize, 0usize));
    let (mut p_sum, mut r_sum) = (0.0, 0.0);
    for id in wcxb_ids(dir)? {
        let WcxbPage { id, gold, html } = wcxb_page(dir, &id)?;
        let g = &gold["ground_truth"];
        let article = run(ex, html, gold["url"].as_str(), &mut r.extract_time);
        r.failed += usize::from(article.is_none());
        let a = article.unwrap_or_default();
        r.pages += 1;

        let lower = |s: &str| s.to_lowercase();
        let gold_words =
            multiset(words(&lower(g["main_content"].as_str().unwrap_or(""))).map(str::to_string));
        let pred_words = multiset(words(&lower(&a.body)).map(str::to_string));
        let (tp, fp, fn_) = overlap(&gold_words, &pred_words);
        let (p, rc) = (
            if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 },
            if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 },
        );
        let page_f1 = if gold_words.is_empty() && pred_words.is_empty() {
            1.0
        } else {
            f1(p, rc)
        };
        f1_sum += page_f1;
        p_sum += p;
        r_sum += rc;
        let mut detail = PageScore {
            id: id.to_string(),
            f1: page_f1,
            found: Found {
                title: a.title.clone(),
                author: a.byline.clone(),
                date: a.date.map(|d| d.to_string()),
            },
            ..Default::default()
        };

        let body = normalise(&a.body);
        for s in g["with"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            with = (
                with.0 + usize::from(body.contains(&normalise(s))),
                with.1 + 1,
            );
        }
        for s in g["without"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            without = (
                without.0 + usize::from(!body.contains(&normalise(s))),
                without.1 + 1,
            );
        }
        if let Some(t) = g["title"].as_str().filter(|t| !t.trim().is_empty()) {
            let norm = |s: &str| normalise(&s.to_lowercase());
            let ok = a
                .title
                .as_deref()
                .is_some_and(|ours| norm(ours).contains(&norm(t)));
            r.title = (r.title.0 + usize::from(ok), r.title.1 + 1);
            detail.title = Some(ok);
        }
        if let Some(au) = g["author"].as_str().filter(|t| !t.trim().is_empty()) {
            let ours: Vec<String> = a
                .byline
                .as_deref()
                .map(|b| words(&b.to_lowercase()).map(str::to_string).collect())
                .unwrap_or_default();
            let ok =
                !ours.is_empty() && words(&au.to_lowercase()).all(|w| ours.iter().any(|o| o == w));
            r.author = (r.author.0 + usize::from(ok), r.author.1 + 1);
            detail.author = Some(ok);
        }
        if let Some(d) = g["publish_date"].as_str().filter(|t| !t.trim().is_empty()) {
            let ok = a
                .date
                .is_some_and(|ours| ours.to_string() == d.get(..10).unwrap_or(d));
            r.date = (r.date.0 + usize::from(ok), r.date.1 + 1);
            detail.date = Some(ok);
        }
        r.details.push(detail);
    }
    r.body_f1 = f1_sum / r.pages.max(1) as f64;
    r.body_precision = p_sum / r.pages.max(1) as f64;
    r.body_recall = r_sum / r.pages.max(1) as f64;
    r.with_found = share(with);
    r.without_absent = share(without);
    Ok(r)
}

/// Where the shared extraction benchmarks sit, relative to this crate.
pub fn shared_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/extraction")
}

/// The aeb pages, decompressed and in file-name order, for the speed
/// examples; `None` where `../shared` is absent.
pub fn aeb_pages() -> Option<Vec<String>> {
    let dir = shared_dir().join("aeb/html");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    paths.iter().map(|p| read_gz(p).ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_and_word_counts() {
        assert_eq!(shingles("a b c").len(), 1);
        assert_eq!(
            shingles("one two three four five").values().sum::<usize>(),
            2
        );
        let g = multiset(["a", "a", "b"].into_iter());
        let p = multiset(["a", "c"].into_iter());
        assert_eq!(overlap(&g, &p), (1.0, 1.0, 2.0));
        assert_eq!(
            words("U.S. won't-go_far").collect::<Vec<_>>(),
            ["U", "S", "won", "t", "go_far"]
        );
    }
}
