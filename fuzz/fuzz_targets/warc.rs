//! Any bytes as a WARC file, compressed or not (the first byte chooses):
//! reading must end, never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

use detente_source::{SourceOptions, read_stream};

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else { return };
    let name = if choice & 1 == 0 { "x.warc" } else { "x.warc.gz" };
    let opts = SourceOptions { max_bytes: 1 << 20, charset: None };
    let reader = Box::new(std::io::Cursor::new(rest.to_vec()));
    for doc in read_stream(name, reader, &opts) {
        let _ = doc;
    }
});
