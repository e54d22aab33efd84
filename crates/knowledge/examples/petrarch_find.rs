//! Prints what PETRARCH actor and agent files find in a text, and the
//! problems reading them: `cargo run -p detente-knowledge --example
//! petrarch_find -- AGENTS_FILE YYYY-MM-DD "text" ACTOR_FILE...`.

use detente_core::Date;
use detente_knowledge::lines::Source;
use detente_knowledge::petrarch::parse_actors;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 4 {
        eprintln!("usage: petrarch_find AGENTS_FILE YYYY-MM-DD TEXT ACTOR_FILE...");
        std::process::exit(2);
    }
    let read = |p: &str| {
        std::fs::read(p)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_else(|e| {
                eprintln!("{p}: {e}");
                std::process::exit(1)
            })
    };
    let agents = read(&args[0]);
    let date = Date::parse_from_str(&args[1], "%Y-%m-%d").ok();
    let texts: Vec<(String, String)> = args[3..].iter().map(|p| (p.clone(), read(p))).collect();
    let sources: Vec<Source> = texts
        .iter()
        .map(|(n, t)| Source { name: n, text: t })
        .collect();
    let agents_src = Source {
        name: &args[0],
        text: &agents,
    };
    match parse_actors(&sources, agents_src) {
        Ok((actors, problems)) => {
            for p in problems {
                println!("problem: {p}");
            }
            if std::env::var("NAMES").is_ok() {
                eprintln!("{:?}", actors.names());
            }
            for m in actors.find(&args[2], date) {
                println!("{:?} {} {:?} {}", m.span, m.code, m.kind, m.rule);
            }
        }
        Err(e) => eprintln!("{e}"),
    }
}
