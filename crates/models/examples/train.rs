//! Retrains every model from ../shared into models/ (what `detente train` does):
//! `cargo run --release -p detente-models --example train`
use std::path::Path;

fn main() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let shared = root.join("../shared");
    let report = detente_models::train_all(&shared, &root.join("models"), &Default::default());
    match report {
        Ok(r) => println!("{r}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
    match detente_models::evaluate(&shared) {
        Ok(r) => println!("(embedded models, as compiled)\n{r}"),
        Err(e) => eprintln!("evaluate: {e}"),
    }
}
