//! Score the extract stage on the shared benchmarks, as `detente eval
//! extract` does: `cargo run --release -p detente-extract --example eval`.
//! With DETENTE_EVAL_PAGES=1, one line per wcxb-dev page instead: its body
//! F1, which metadata was right, and what was found.
use detente_extract::eval;

fn main() {
    let dir = eval::shared_dir();
    if !dir.exists() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    if std::env::var_os("DETENTE_EVAL_PAGES").is_some() {
        match eval::eval_wcxb(&dir.join("wcxb-dev"), &detente_extract::Extract) {
            Ok(r) => {
                for d in &r.details {
                    println!(
                        "{} f1 {:.3} title {:?} author {:?} date {:?} | {:?} | {:?} | {:?}",
                        d.id,
                        d.f1,
                        d.title,
                        d.author,
                        d.date,
                        d.found.title,
                        d.found.author,
                        d.found.date
                    );
                }
            }
            Err(e) => eprintln!("wcxb: {e}"),
        }
        return;
    }
    match eval::report(&dir) {
        Ok(r) => print!("{r}"),
        Err(e) => eprintln!("{e}"),
    }
}
