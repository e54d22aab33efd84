//! Write the body extracted from every wcxb-dev page to DIR/ID.txt, for
//! reading the misses next to the gold:
//! `cargo run --release -p detente-extract --example bodies -- DIR`
use std::io::Read;

use detente_extract::{eval, html};

fn main() {
    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: bodies DIR");
        return;
    };
    let dir = eval::shared_dir().join("wcxb-dev");
    if !dir.exists() {
        eprintln!("skipping: ../shared not found");
        return;
    }
    std::fs::create_dir_all(&out).expect("output folder");
    for e in std::fs::read_dir(dir.join("ground-truth")).expect("ground truth") {
        let path = e.expect("entry").path();
        let id = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("json")).expect("json");
        let mut bytes = Vec::new();
        let file =
            std::fs::File::open(dir.join("html").join(format!("{id}.html.gz"))).expect("page");
        flate2::read::MultiGzDecoder::new(file)
            .read_to_end(&mut bytes)
            .expect("gzip");
        let a = html::extract(&String::from_utf8_lossy(&bytes), gold["url"].as_str());
        std::fs::write(format!("{out}/{id}.txt"), a.body).expect("write");
    }
}
