//! The extraction report `detente eval extract` prints: both benchmarks,
//! scored by this crate's extractor, in one table.

use std::fmt;
use std::path::{Path, PathBuf};

use super::{AebReport, EvalError, WcxbReport, eval_aeb, eval_wcxb, share};
use crate::Extract;

/// Scores on both shared extraction benchmarks.
#[derive(Debug, Clone)]
pub struct Report {
    pub aeb: AebReport,
    pub wcxb: WcxbReport,
}

/// Score [`Extract`] on the benchmarks under `shared`: the shared folder
/// itself (`../shared`), its `data/extraction`, or any folder holding
/// `aeb/` and `wcxb-dev/`.
pub fn report(shared: &Path) -> Result<Report, EvalError> {
    let dir = benchmarks_dir(shared).ok_or_else(|| {
        EvalError(format!(
            "{}: no aeb/ and wcxb-dev/ benchmarks here or under data/extraction/",
            shared.display()
        ))
    })?;
    Ok(Report {
        aeb: eval_aeb(&dir.join("aeb"), &Extract)?,
        wcxb: eval_wcxb(&dir.join("wcxb-dev"), &Extract)?,
    })
}

fn benchmarks_dir(shared: &Path) -> Option<PathBuf> {
    [shared.to_path_buf(), shared.join("data/extraction")]
        .into_iter()
        .find(|d| d.join("aeb").is_dir() && d.join("wcxb-dev").is_dir())
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, w) = (&self.aeb, &self.wcxb);
        writeln!(
            f,
            "set       pages  precision  recall  F1     failed  pages/s  (one thread, extraction only)"
        )?;
        writeln!(
            f,
            "aeb       {:5}  {:9.3}  {:6.3}  {:.3}  {:6}  {:7.0}  (4-word shingles)",
            a.pages,
            a.precision,
            a.recall,
            a.f1,
            a.failed,
            a.pages_per_sec()
        )?;
        writeln!(
            f,
            "wcxb-dev  {:5}  {:9.3}  {:6.3}  {:.3}  {:6}  {:7.0}  (body words)",
            w.pages,
            w.body_precision,
            w.body_recall,
            w.body_f1,
            w.failed,
            w.pages_per_sec()
        )?;
        writeln!(
            f,
            "wcxb-dev  snippets: must-have found {:.1}%, boilerplate absent {:.1}%",
            w.with_found * 100.0,
            w.without_absent * 100.0
        )?;
        let pct = |(ok, n): (usize, usize)| format!("{:.1}% ({ok}/{n})", share((ok, n)) * 100.0);
        writeln!(
            f,
            "wcxb-dev  title {}, author {}, date {}",
            pct(w.title),
            pct(w.author),
            pct(w.date)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_without_benchmarks_is_a_clear_error() {
        let err = report(Path::new("/nonexistent")).unwrap_err();
        assert!(
            err.0.contains("/nonexistent") && err.0.contains("aeb/"),
            "{err}"
        );
    }
}
