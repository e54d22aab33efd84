//! Prints every actor mention the embedded dictionaries find in a file (or stdin)
//! at an optional date: `cargo run -p detente-knowledge --example find -- FILE [YYYY-MM-DD]`.

use std::io::Read;

use detente_core::Date;
use detente_knowledge::Knowledge;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut text = String::new();
    let read = match args.first().map(String::as_str) {
        None | Some("-") => std::io::stdin().read_to_string(&mut text).map(|_| ()),
        Some(path) => std::fs::read_to_string(path).map(|t| text = t),
    };
    if let Err(e) = read {
        eprintln!("cannot read input: {e}");
        std::process::exit(1);
    }
    let date = args
        .get(1)
        .and_then(|d| Date::parse_from_str(d, "%Y-%m-%d").ok());
    let kb = match Knowledge::embedded() {
        Ok(kb) => kb,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    for m in kb.actors.find(&text, date) {
        let role = m.role.as_deref().unwrap_or("");
        println!(
            "{}..{}\t{}\t{}\t{:?}\t{}\t{}\t{}",
            m.span.start,
            m.span.end,
            m.span.text(&text),
            m.code,
            m.kind,
            m.entry,
            role,
            m.rule
        );
    }
}
