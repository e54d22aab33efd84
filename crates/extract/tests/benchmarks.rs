//! Accuracy floors on the shared extraction benchmarks, read in place from
//! ../shared/data/extraction and scored as its METRIC.md says. The floors sit
//! a little below what the extractor measured when they were set; speed is
//! measured by `cargo run --release -p detente-extract --example eval`, not here.

use detente_extract::{Extract, eval};

#[test]
fn aeb_body_f1_floor() {
    let dir = eval::shared_dir().join("aeb");
    if !dir.exists() {
        eprintln!("skipping: ../shared not found ({})", dir.display());
        return;
    }
    let r = eval::eval_aeb(&dir, &Extract).unwrap();
    assert_eq!(r.pages, 91);
    assert!(
        r.f1 >= 0.965,
        "aeb F1 {:.3} (P {:.3}, R {:.3})",
        r.f1,
        r.precision,
        r.recall
    );
}

#[test]
fn wcxb_body_and_metadata_floors() {
    let dir = eval::shared_dir().join("wcxb-dev");
    if !dir.exists() {
        eprintln!("skipping: ../shared not found ({})", dir.display());
        return;
    }
    let r = eval::eval_wcxb(&dir, &Extract).unwrap();
    assert_eq!(r.pages, 793);
    let report = format!(
        "body F1 {:.3}, title {:.3}, author {:.3}, date {:.3}",
        r.body_f1,
        eval::share(r.title),
        eval::share(r.author),
        eval::share(r.date)
    );
    assert!(r.body_f1 >= 0.954, "{report}");
    assert!(eval::share(r.title) >= 0.895, "{report}");
    assert!(eval::share(r.author) >= 0.81, "{report}");
    assert!(eval::share(r.date) >= 0.915, "{report}");
}
