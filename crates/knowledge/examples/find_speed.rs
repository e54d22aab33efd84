//! Throughput of `Actors::find` on real newswire text (Reuters-21578, read in
//! place from ../shared): `cargo run --release -p detente-knowledge --example find_speed`.

use std::time::Instant;

use detente_knowledge::Knowledge;

fn main() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/reuters21578"
    );
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipping: ../shared not found ({dir})");
        return;
    };
    let mut text = String::new();
    for e in entries.flatten() {
        if let Ok(bytes) = std::fs::read(e.path()) {
            text.push_str(&String::from_utf8_lossy(&bytes));
        }
    }
    let started = Instant::now();
    let kb = Knowledge::embedded().expect("embedded knowledge loads");
    println!("load: {:.1} ms", started.elapsed().as_secs_f64() * 1e3);
    let started = Instant::now();
    let found = kb.actors.find(&text, None);
    let secs = started.elapsed().as_secs_f64();
    let mb = text.len() as f64 / 1e6;
    println!(
        "find: {mb:.1} MB in {secs:.2} s = {:.0} MB/s, {} mentions",
        mb / secs,
        found.len()
    );
}
