//! The validation summary: found, missed and extra events per category,
//! the way PETRARCH's validation script counts them, and the records that
//! went wrong, so a dictionary author can look at each.

use std::collections::BTreeMap;
use std::fmt;

use super::records::{Expected, Record};

/// One record's outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordResult {
    pub id: String,
    pub category: String,
    pub evaluate: bool,
    pub text: String,
    pub found: Vec<Expected>,
    pub missed: Vec<Expected>,
    pub extra: Vec<Expected>,
}

impl RecordResult {
    /// Compares what was coded with what the record expects.
    pub fn compare(r: &Record, coded: Vec<Expected>) -> RecordResult {
        let (found, extra): (Vec<_>, Vec<_>) =
            coded.into_iter().partition(|c| r.expected.contains(c));
        let missed = r
            .expected
            .iter()
            .filter(|e| !found.contains(e))
            .cloned()
            .collect();
        RecordResult {
            id: r.id.clone(),
            category: r.category.clone(),
            evaluate: r.evaluate,
            text: r.text.clone(),
            found,
            missed,
            extra,
        }
    }
}

/// Counts over a set of records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub records: usize,
    pub expected: usize,
    pub found: usize,
    pub missed: usize,
    pub extra: usize,
    pub records_with_extra: usize,
}

impl Tally {
    fn add(&mut self, r: &RecordResult) {
        self.records += 1;
        self.expected += r.found.len() + r.missed.len();
        self.found += r.found.len();
        self.missed += r.missed.len();
        self.extra += r.extra.len();
        self.records_with_extra += usize::from(!r.extra.is_empty());
    }

    /// Share of expected events found, in percent.
    pub fn found_pct(&self) -> f64 {
        pct(self.found, self.expected)
    }

    /// Share of records with at least one extra event, in percent.
    pub fn extra_records_pct(&self) -> f64 {
        pct(self.records_with_extra, self.records)
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// The whole run.
#[derive(Debug, Clone)]
pub struct ValidateReport {
    pub file: String,
    /// Over the records to evaluate.
    pub total: Tally,
    /// Over the records to evaluate whose category the file's `<Include>`
    /// lists (PETRARCH's validation script runs only those); the same as
    /// `total` when the file lists none.
    pub included: Tally,
    /// Over every record, `evaluate="false"` ones included.
    pub all: Tally,
    pub categories: BTreeMap<String, Tally>,
    pub records: Vec<RecordResult>,
    /// Dictionary lines skipped while loading (file:line: what was expected).
    pub problems: Vec<String>,
}

impl ValidateReport {
    pub fn new(file: String, records: Vec<RecordResult>, problems: Vec<String>) -> Self {
        Self::with_include(file, records, problems, &[])
    }

    /// The report with the categories the file's `<Include>` lists.
    pub fn with_include(
        file: String,
        records: Vec<RecordResult>,
        problems: Vec<String>,
        include: &[String],
    ) -> Self {
        let mut total = Tally::default();
        let mut included = Tally::default();
        let mut all = Tally::default();
        let mut categories: BTreeMap<String, Tally> = BTreeMap::new();
        for r in &records {
            all.add(r);
            if r.evaluate {
                total.add(r);
                if include.is_empty() || include.contains(&r.category) {
                    included.add(r);
                }
                categories.entry(r.category.clone()).or_default().add(r);
            }
        }
        ValidateReport {
            file,
            total,
            included,
            all,
            categories,
            records,
            problems,
        }
    }

    /// The evaluated records that missed an event or coded an extra one.
    pub fn failures(&self) -> impl Iterator<Item = &RecordResult> {
        self.records
            .iter()
            .filter(|r| r.evaluate && !(r.missed.is_empty() && r.extra.is_empty()))
    }
}

fn row(f: &mut fmt::Formatter<'_>, name: &str, t: &Tally) -> fmt::Result {
    writeln!(
        f,
        "{name:<12} {:>7} {:>8} {:>6} {:>6.1}% {:>6} {:>6} {:>10} {:>6.1}%",
        t.records,
        t.expected,
        t.found,
        t.found_pct(),
        t.missed,
        t.extra,
        t.records_with_extra,
        t.extra_records_pct()
    )
}

fn triples(xs: &[Expected]) -> String {
    xs.iter()
        .map(|e| format!("{} {} {}", e.source, e.code, e.target))
        .collect::<Vec<_>>()
        .join(", ")
}

impl fmt::Display for ValidateReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "validation: {}", self.file)?;
        for r in self.failures() {
            writeln!(f, "{} [{}] {}", r.id, r.category, r.text)?;
            if !r.missed.is_empty() {
                writeln!(f, "    missed: {}", triples(&r.missed))?;
            }
            if !r.extra.is_empty() {
                writeln!(f, "    extra:  {}", triples(&r.extra))?;
            }
        }
        writeln!(
            f,
            "\n{:<12} {:>7} {:>8} {:>6} {:>7} {:>6} {:>6} {:>10} {:>7}",
            "category",
            "records",
            "expected",
            "found",
            "found%",
            "missed",
            "extra",
            "rec+extra",
            "extra%"
        )?;
        for (name, t) in &self.categories {
            row(f, name, t)?;
        }
        row(f, "TOTAL", &self.total)?;
        row(f, "INCLUDED", &self.included)?;
        row(f, "ALL RECORDS", &self.all)?;
        writeln!(
            f,
            "{:.1}% of expected events found; {:.1}% of records with extra events ({} dictionary lines skipped)",
            self.total.found_pct(),
            self.total.extra_records_pct(),
            self.problems.len()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(code: &str, s: &str, t: &str) -> Expected {
        Expected {
            code: code.into(),
            source: s.into(),
            target: t.into(),
        }
    }

    #[test]
    fn counts_found_missed_extra() {
        let rec = Record {
            id: "A".into(),
            category: "DEMO".into(),
            date: None,
            evaluate: true,
            expected: vec![ex("050", "ARN", "GON"), ex("050", "GON", "ARN")],
            text: "t".into(),
            parse: None,
            line: 1,
        };
        let r = RecordResult::compare(&rec, vec![ex("050", "ARN", "GON"), ex("190", "ARN", "GON")]);
        let report = ValidateReport::new("f.xml".into(), vec![r], Vec::new());
        let t = report.total;
        assert_eq!(
            (t.expected, t.found, t.missed, t.extra, t.records_with_extra),
            (2, 1, 1, 1, 1)
        );
        assert_eq!(t.found_pct(), 50.0);
        let shown = report.to_string();
        assert!(shown.contains("missed: GON 050 ARN"), "{shown}");
        assert!(shown.contains("50.0% of expected events found; 100.0% of records"));
    }
}
