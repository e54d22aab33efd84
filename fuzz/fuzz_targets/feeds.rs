//! Any bytes as an RSS/Atom or JSON feed file (the first byte chooses):
//! reading must end, never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

use detente_source::{SourceOptions, read_stream};

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else { return };
    // Start half of the inputs like a feed, so the fuzzer spends its time
    // inside the item reader rather than finding the root element.
    let (name, head): (&str, &[u8]) = match choice & 3 {
        0 => ("x.rss", b"<rss version=\"2.0\"><channel><item>"),
        1 => ("x.atom", b"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"),
        2 => ("feed.json", b"{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":["),
        _ => ("x.xml", b""),
    };
    let opts = SourceOptions { max_bytes: 1 << 20, charset: None };
    let reader = Box::new(std::io::Cursor::new([head, rest].concat()));
    for doc in read_stream(name, reader, &opts) {
        let _ = doc;
    }
});
