//! How long loading the embedded models takes:
//! `cargo run --release -p detente-models --example load_time`
use std::time::Instant;

fn main() {
    let t = Instant::now();
    let loaded = (
        detente_models::PosModel::load_embedded(),
        detente_models::ParserModel::load_embedded(),
        detente_models::NerModel::load_embedded(),
    );
    let elapsed = t.elapsed();
    match loaded {
        (Ok(_), Ok(_), Ok(_)) => println!("loaded all three models in {elapsed:?}"),
        (p, d, n) => eprintln!("error: {:?} {:?} {:?}", p.err(), d.err(), n.err()),
    }
}
