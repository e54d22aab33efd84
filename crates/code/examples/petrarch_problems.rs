//! Lists what loading a PETRARCH dictionary directory skipped, one line each
//! (`file:line: what was expected`):
//! `cargo run -p detente-code --example petrarch_problems -- DIR`.

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: petrarch_problems DIR");
        std::process::exit(2);
    };
    match detente_code::patterns::petrarch::load_dir(std::path::Path::new(&dir)) {
        Ok(d) => {
            for p in &d.problems {
                println!("{p}");
            }
            eprintln!(
                "{} patterns compiled, {} lines skipped",
                d.verbs.patterns.patterns().len(),
                d.problems.len()
            );
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
