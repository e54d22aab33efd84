//! Throughput of the whole analyze stage, in tokens per second on one core.
//!
//! [`reuters_bodies`] reads the `<BODY>` texts of Reuters-21578 (SGML, read
//! in place from `../shared`); [`measure`] runs an analyzer over them on
//! the calling thread and reports tokens per second. The lead's `detente
//! bench` and `cargo run --release -p detente-analyze --example bench`
//! call these.

use std::path::Path;
use std::time::Instant;

use crate::RuleAnalyzer;

/// What one benchmark run measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BenchReport {
    pub documents: usize,
    pub bytes: usize,
    pub tokens: usize,
    /// Wall-clock time.
    pub seconds: f64,
    /// Time this thread actually ran on a CPU (Linux): on a shared, busy
    /// machine the honest figure for "one core", where wall time also
    /// counts the waits for a core.
    pub cpu_seconds: Option<f64>,
}

impl BenchReport {
    pub fn tokens_per_second(&self) -> f64 {
        self.tokens as f64 / self.seconds.max(1e-9)
    }

    /// Tokens per second of CPU time, where the system reports it.
    pub fn tokens_per_cpu_second(&self) -> Option<f64> {
        self.cpu_seconds.map(|c| self.tokens as f64 / c.max(1e-9))
    }
}

impl std::fmt::Display for BenchReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} documents, {} tokens, {:.1} MB in {:.2} s: {:.0} tokens/s",
            self.documents,
            self.tokens,
            self.bytes as f64 / 1e6,
            self.seconds,
            self.tokens_per_second()
        )?;
        if let Some(t) = self.tokens_per_cpu_second() {
            write!(f, " ({t:.0} tokens per CPU second)")?;
        }
        Ok(())
    }
}

/// The story bodies of every `reut2-*.sgm` file in `dir`, at most `limit`
/// (the reader the models' word clusters use too).
pub fn reuters_bodies(dir: &Path, limit: usize) -> Result<Vec<String>, String> {
    detente_models::unlabeled::reuters_bodies(dir, limit).map_err(|e| e.to_string())
}

/// Analyses every text once on this thread and times it.
pub fn measure(analyzer: &RuleAnalyzer, texts: &[String]) -> BenchReport {
    let start = Instant::now();
    let cpu_start = thread_cpu_seconds();
    let mut tokens = 0;
    for t in texts {
        tokens += analyzer.analyze_text(t, None).tokens.len();
    }
    BenchReport {
        documents: texts.len(),
        bytes: texts.iter().map(String::len).sum(),
        tokens,
        seconds: start.elapsed().as_secs_f64(),
        cpu_seconds: cpu_start.zip(thread_cpu_seconds()).map(|(a, b)| b - a),
    }
}

/// CPU time of the calling thread so far: the first field of
/// /proc/thread-self/schedstat, in nanoseconds (Linux only).
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Reads up to `limit` Reuters bodies from `dir` and measures the default
/// analyzer (the trained models, [`RuleAnalyzer::trained`]) on them.
pub fn bench_reuters(dir: &Path, limit: usize) -> Result<BenchReport, String> {
    let analyzer = RuleAnalyzer::trained().map_err(|e| e.to_string())?;
    bench_reuters_with(dir, limit, &analyzer)
}

/// Measures `analyzer` on up to `limit` Reuters bodies (after a short warm-up).
pub fn bench_reuters_with(
    dir: &Path,
    limit: usize,
    analyzer: &RuleAnalyzer,
) -> Result<BenchReport, String> {
    let texts = reuters_bodies(dir, limit)?;
    if texts.is_empty() {
        return Err(format!(
            "{}: no <BODY> texts in reut2-*.sgm files",
            dir.display()
        ));
    }
    measure(analyzer, &texts[..texts.len().min(50)]);
    Ok(measure(analyzer, &texts))
}
