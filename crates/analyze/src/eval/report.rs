//! All the analyze figures in one report (`detente eval analyze`).

use std::fmt;
use std::path::Path;

use detente_models::EvalReport;

use super::conll::{NerReport, conll_ner_with};
use crate::RuleAnalyzer;
use crate::bench::{BenchReport, bench_reuters_with};

/// Reuters stories timed for the speed figure: enough for a stable rate,
/// few enough to keep the evaluation under a minute.
const BENCH_DOCS: usize = 5000;

/// What [`report`] measured.
#[derive(Debug, Clone)]
pub struct AnalyzeReport {
    /// The trained models on their own test sets (predicted tags downstream).
    pub models: EvalReport,
    /// Entities through the whole entity step (model, titles, coreference) on testa.
    pub stage_ner: NerReport,
    /// The whole default analyze stage on Reuters-21578, one core.
    pub speed: Option<BenchReport>,
    /// Peak resident memory of this process, in MB (Linux only).
    pub peak_rss_mb: Option<f64>,
}

/// Evaluates the default (trained) analyze stage against `shared`
/// (the repository's `../shared`). Speed is skipped if Reuters is absent.
pub fn report(shared: &Path) -> Result<AnalyzeReport, String> {
    let models = detente_models::evaluate(shared).map_err(|e| e.to_string())?;
    let analyzer = RuleAnalyzer::trained().map_err(|e| e.to_string())?;
    let testa = detente_models::train::conll_dir(shared).join("eng.testa");
    let stage_ner = conll_ner_with(&testa, &analyzer)?;
    let reuters = shared.join("data/reuters21578");
    let speed = if reuters.is_dir() {
        Some(bench_reuters_with(&reuters, BENCH_DOCS, &analyzer)?)
    } else {
        None
    };
    Ok(AnalyzeReport {
        models,
        stage_ner,
        speed,
        peak_rss_mb: peak_rss_mb(),
    })
}

/// `VmHWM` of /proc/self/status: the most memory this process has held.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

impl fmt::Display for AnalyzeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.models)?;
        writeln!(
            f,
            "  NER through the analyze stage (model + titles + coreference): {}",
            self.stage_ner.overall
        )?;
        match &self.speed {
            Some(s) => writeln!(f, "analyze stage, Reuters-21578, one core: {s}")?,
            None => writeln!(f, "analyze stage speed: skipped (no data/reuters21578)")?,
        }
        match self.peak_rss_mb {
            Some(mb) => write!(f, "peak resident memory: {mb:.0} MB"),
            None => write!(f, "peak resident memory: unknown on this system"),
        }
    }
}
