//! Runs PETRARCH validation records and prints the report:
//! `cargo run -p detente-code --example validate -- [FILE.xml] [--repeat N]`
//! (default file: ../shared/data/petrarch/validation/PETR_Validate_records_2_02.xml).
//! With `--repeat N` the whole run (loading the dictionaries included) is
//! timed N times and records per second are printed instead. With
//! `--problems` the skipped dictionary lines are listed after the report.

use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let repeat = args
        .iter()
        .position(|a| a == "--repeat")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse::<u32>().ok());
    let path = args
        .first()
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/data/petrarch/validation/PETR_Validate_records_2_02.xml"
            ))
        });
    let run = || match detente_code::validate::run(&path) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    match repeat {
        None => {
            let report = run();
            print!("{report}");
            if args.iter().any(|a| a == "--problems") {
                for p in &report.problems {
                    println!("skipped: {p}");
                }
            }
        }
        Some(n) => {
            let start = Instant::now();
            let mut records = 0;
            for _ in 0..n {
                records += run().records.len();
            }
            let secs = start.elapsed().as_secs_f64();
            println!(
                "{records} records in {secs:.2}s: {:.0} records/s (dictionaries loaded each run)",
                records as f64 / secs
            );
        }
    }
}
