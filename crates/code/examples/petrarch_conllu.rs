//! Codes CoNLL-U parsed sentences with a PETRARCH dictionary directory
//! through the parse-based coder, prints the events and the coding speed:
//! `cargo run --release -p detente-code --example petrarch_conllu -- DIR FILE.conllu... [--quiet]`.
//! The time counted is coding only (mentions + matching), not loading or reading.

use std::time::{Duration, Instant};

use detente_code::patterns::petrarch;
use detente_code::validate::conllu;
use detente_core::Article;
use detente_core::stage::Coder;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quiet = args.iter().any(|a| a == "--quiet");
    let files: Vec<&String> = args
        .iter()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: petrarch_conllu DIR FILE.conllu... [--quiet]");
        std::process::exit(2);
    };
    let dicts = petrarch::load_dir(std::path::Path::new(dir)).unwrap_or_else(|e| {
        eprintln!("error: {e}");
        std::process::exit(1)
    });
    let coder = dicts.tree_coder();
    let (mut sentences, mut events, mut spent) = (0usize, 0usize, Duration::ZERO);
    for f in files {
        let text = std::fs::read_to_string(f).unwrap_or_else(|e| {
            eprintln!("{f}: {e}");
            std::process::exit(1)
        });
        for block in text
            .split("\n\n")
            .filter(|b| b.lines().any(|l| !l.starts_with('#')))
        {
            let (body, analysis) = conllu::analysis("", Some(block));
            let article = Article::from_body(body);
            let start = Instant::now();
            let coded = coder.code(&article, &analysis).events;
            spent += start.elapsed();
            sentences += 1;
            events += coded.len();
            if !quiet {
                for e in coded {
                    let a = |p: &detente_core::Participant| {
                        p.actor.map_or("---".to_string(), |c| c.to_string())
                    };
                    println!(
                        "{} {} {}\t{}\t{}",
                        a(&e.source),
                        e.code,
                        a(&e.target),
                        e.rule,
                        article.body
                    );
                }
            }
        }
    }
    let secs = spent.as_secs_f64().max(1e-9);
    eprintln!(
        "{sentences} sentences, {events} events, coding {secs:.3}s: {:.0} sentences/s",
        sentences as f64 / secs
    );
}
