//! Show what the extractor finds on one benchmark page:
//! `cargo run --release -p detente-extract --example inspect -- PATH.html.gz [URL]`
use std::io::Read;

use detente_core::{Content, Document, Provenance, stage::Extractor};
use detente_extract::Extract;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: inspect PATH.html.gz [URL]");
        return;
    };
    let mut bytes = Vec::new();
    let file = std::fs::File::open(&path).expect("readable file");
    flate2::read::MultiGzDecoder::new(file)
        .read_to_end(&mut bytes)
        .expect("gzip");
    let doc = Document {
        id: None,
        provenance: Provenance {
            url: args.next(),
            ..Default::default()
        },
        content: Content::Html(String::from_utf8_lossy(&bytes).into_owned()),
        date: None,
        title: None,
    };
    if std::env::var_os("DETENTE_BLOCKS").is_some() {
        let page = detente_extract::html::parse::parse(doc.content.as_str());
        let flat = detente_extract::html::dom::flatten(&page);
        if let Some((best, top, score)) = detente_extract::html::content::explain(&flat) {
            let path = |mut e: usize| {
                let mut tags = Vec::new();
                while let Some(p) = flat.elems[e].parent {
                    tags.push(format!("{:?}#{e}", flat.elems[e].tag));
                    e = p;
                }
                tags.join("<")
            };
            println!(
                "best {} (p={}), top {} score {score:.1}",
                path(best),
                flat.elems[best].paragraphs,
                path(top)
            );
        }
        for b in &flat.blocks {
            let e = &flat.elems[b.elem];
            let t: String = b.text.chars().take(60).collect();
            println!(
                "{} <{:?}> w={} p={} {:?}",
                b.elem, e.tag, e.in_widget, e.paragraphs, t
            );
        }
    }
    match Extract.extract(&doc) {
        Ok(a) => {
            println!(
                "title: {:?}\ndate: {:?}\nbyline: {:?}\npublisher: {:?}\nlang: {:?}\nurl: {:?}",
                a.title, a.date, a.byline, a.publisher, a.language, a.url
            );
            println!("---\n{}", a.body);
        }
        Err(e) => println!("error: {e}"),
    }
}
