//! Prints the sentences, entities and times the analyze stage finds in a file.
//!
//! `cargo run -p detente-analyze --example analyze FILE [YYYY-MM-DD]`

use detente_analyze::{RuleAnalyzer, StandardAnalyzer};
use detente_core::stage::Analyzer;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: analyze FILE [YYYY-MM-DD]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {path}: {e}");
            std::process::exit(1);
        }
    };
    let date = args
        .next()
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    // DETENTE_RULES=1 compares with the rules-only analyzer.
    let analyzer: Box<dyn Analyzer> = if std::env::var_os("DETENTE_RULES").is_some() {
        Box::new(RuleAnalyzer::new())
    } else {
        match StandardAnalyzer::new() {
            Ok(a) => Box::new(a),
            Err(e) => {
                eprintln!("error: {e}");
                std::process::exit(1);
            }
        }
    };
    let mut article = detente_core::Article::from_body(text.as_str());
    article.date = date;
    let ta = analyzer.analyze(&article);
    for s in &ta.sentences {
        println!("S {:?}", s.span.text(&text));
    }
    for e in &ta.entities {
        let country = e.country.map(|c| c.to_string()).unwrap_or_default();
        println!(
            "E {:<12} {:?} name={:?} role={:?} {country}",
            e.kind.as_str(),
            e.text,
            e.name(),
            e.role
        );
    }
    for t in &ta.times {
        println!("T {:?} {:?}", t.text, t.range);
    }
}
