//! Property tests of the container parsers: whatever the bytes, reading ends,
//! never panics, and a broken record costs no well-formed neighbour. These
//! double as the fuzz harness where cargo-fuzz (nightly) is unavailable:
//! `PROPTEST_CASES=200000 cargo test --release -p detente-source --test props`
//! runs for about ten minutes.

use std::io::Write;

use detente_source::{SourceOptions, read_stream};
use proptest::prelude::*;

fn read_all(name: &str, bytes: Vec<u8>) -> usize {
    let opts = SourceOptions {
        max_bytes: 1 << 20,
        charset: None,
    };
    read_stream(name, Box::new(std::io::Cursor::new(bytes)), &opts).count()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn record(text: &str) -> Vec<u8> {
    let block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>{text}</p>");
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/{text}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
        block.len()
    )
    .into_bytes()
}

proptest! {
    #[test]
    fn any_bytes_under_any_name_end_without_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..2048),
        name in prop_oneof![
            Just("x.warc"), Just("x.warc.gz"), Just("x.rss"), Just("x.json"),
            Just("x.jsonl"), Just("x.html"), Just("x.txt")
        ],
    ) {
        read_all(name, bytes);
    }

    #[test]
    fn warc_text_with_damage_ends(prefix in "(WARC/1.0\r\n(Content-Length: [0-9]{1,3}\r\n)?(WARC-Type: (response|request)\r\n)?\r\n[ -~]{0,50}\r\n\r\n){0,5}") {
        read_all("x.warc", prefix.into_bytes());
    }

    #[test]
    fn feed_text_with_damage_ends(body in "<(rss|feed)>(<(item|entry)>(<(title|link|description)>[ -~&<>]{0,20}(</(title|link|description)>)?)*(</(item|entry)>)?){0,5}") {
        read_all("x.rss", body.into_bytes());
    }

    /// Damage one member of a WARC.gz: every other record is still read.
    #[test]
    fn damaged_member_costs_only_itself(n in 2usize..6, victim in 0usize..6, cut in 1usize..200, flip in any::<bool>()) {
        let victim = victim % n;
        let mut file = Vec::new();
        for i in 0..n {
            let mut member = gzip(&record(&format!("story{i}")));
            if i == victim {
                if flip {
                    let at = 10 + cut % (member.len() - 18);
                    member[at] ^= 0x55;
                } else {
                    member.truncate(member.len().saturating_sub(cut).max(1));
                }
            }
            file.extend_from_slice(&member);
        }
        let opts = SourceOptions::default();
        let docs: Vec<_> = read_stream("x.warc.gz", Box::new(std::io::Cursor::new(file)), &opts)
            .filter_map(Result::ok)
            .collect();
        for i in (0..n).filter(|&i| i != victim) {
            let url = format!("https://x.example/story{i}");
            prop_assert!(docs.iter().any(|d| d.provenance.url.as_deref() == Some(&url)), "lost {url}");
        }
    }
}
