//! Write the body extracted from every wcxb-dev page to DIR/ID.txt, for
//! reading the misses next to the gold:
//! `cargo run --release -p detente-extract --example bodies -- DIR`
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
    for id in eval::wcxb_ids(&dir).expect("wcxb-dev") {
        let page = eval::wcxb_page(&dir, &id).expect("wcxb page");
        let a = html::extract(&page.html, page.gold["url"].as_str());
        std::fs::write(format!("{out}/{id}.txt"), a.body).expect("write");
    }
}
