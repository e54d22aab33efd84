//! The source stage on real files written to a scratch folder: good inputs,
//! and each kind of bad input, which must fail alone with a message naming it.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use detente_core::Content;
use detente_source::{Input, SourceError, SourceErrorKind, SourceOptions, read_inputs};

/// A fresh scratch folder for one test, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("detente-source-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn read(paths: &[&Path]) -> Vec<Result<detente_core::Document, SourceError>> {
    let inputs: Vec<Input> = paths.iter().map(|p| Input::Path(p.to_path_buf())).collect();
    read_inputs(&inputs, &SourceOptions::default()).collect()
}

fn kind(r: &Result<detente_core::Document, SourceError>) -> &SourceErrorKind {
    &r.as_ref().expect_err("expected an error").kind
}

#[test]
fn folder_is_read_recursively_in_sorted_order() {
    let s = Scratch::new("folder");
    s.write("b/2.txt", b"Second.");
    s.write("a.txt", b"First.");
    s.write("b/1.html", b"<html><body><p>Html.</p></body></html>");
    s.write(".hidden", b"skipped");
    let out = read(&[&s.0]);
    let texts: Vec<&str> = out
        .iter()
        .map(|d| d.as_ref().unwrap().content.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "First.",
            "<html><body><p>Html.</p></body></html>",
            "Second."
        ]
    );
    assert!(matches!(out[1].as_ref().unwrap().content, Content::Html(_)));
}

#[test]
fn glob_expands_to_matching_files() {
    let s = Scratch::new("glob");
    s.write("x1.txt", b"One.");
    s.write("x2.txt", b"Two.");
    s.write("y.txt", b"Not matched.");
    let pattern = format!("{}/x*.txt", s.0.display());
    let out: Vec<_> = read_inputs(&[Input::parse(&pattern)], &SourceOptions::default()).collect();
    assert_eq!(out.len(), 2);
    let none = format!("{}/z*.txt", s.0.display());
    let out: Vec<_> = read_inputs(&[Input::parse(&none)], &SourceOptions::default()).collect();
    assert_eq!(*kind(&out[0]), SourceErrorKind::NoMatch);
}

#[test]
fn each_bad_input_fails_alone_and_names_itself() {
    let s = Scratch::new("bad");
    let good1 = s.write("good1.txt", b"A good page.");
    let missing = s.0.join("missing.txt");
    let empty = s.write("empty.txt", b"");
    let nul = s.write("nul.txt", b"text\0with NUL bytes");
    let png = s.write("picture.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let bad_utf8 = s.write(
        "claims.html",
        b"<meta charset=\"utf-8\"><p>caf\xe9 \xff\xfe</p>",
    );
    let empty_dir = s.0.join("nothing");
    fs::create_dir_all(empty_dir.join("sub")).unwrap();
    let full = gzip(b"<html><body><p>A compressed page with enough text to need more than one block.</p></body></html>");
    let truncated = s.write("cut.html.gz", &full[..full.len() / 2]);
    let good2 = s.write("good2.txt", b"Another good page.");

    let out = read(&[
        &good1, &missing, &empty, &nul, &png, &bad_utf8, &empty_dir, &truncated, &good2,
    ]);
    assert_eq!(out.len(), 9);
    assert_eq!(out[0].as_ref().unwrap().content.as_str(), "A good page.");
    assert_eq!(*kind(&out[1]), SourceErrorKind::Missing);
    assert_eq!(*kind(&out[2]), SourceErrorKind::Empty);
    assert!(matches!(kind(&out[3]), SourceErrorKind::Binary(m) if m.contains("NUL")));
    assert!(matches!(kind(&out[4]), SourceErrorKind::Binary(m) if m.contains("PNG")));
    assert!(matches!(kind(&out[5]), SourceErrorKind::Encoding(m) if m.contains("UTF-8")));
    assert_eq!(*kind(&out[6]), SourceErrorKind::EmptyDirectory);
    assert!(
        matches!(kind(&out[7]), SourceErrorKind::Gzip(_)),
        "{:?}",
        out[7]
    );
    assert_eq!(
        out[8].as_ref().unwrap().content.as_str(),
        "Another good page."
    );
    // Messages name the input.
    for (r, p) in out
        .iter()
        .zip([
            &good1, &missing, &empty, &nul, &png, &bad_utf8, &empty_dir, &truncated,
        ])
        .skip(1)
    {
        let msg = r.as_ref().unwrap_err().to_string();
        assert!(msg.starts_with(&p.display().to_string()), "{msg}");
    }
}

#[test]
fn file_over_the_limit_is_refused() {
    let s = Scratch::new("large");
    let line = "A line of ordinary news text that repeats to fill the file.\n";
    let big: String = line.repeat((50 * 1024 * 1024) / line.len() + 10);
    let path = s.write("big.txt", big.as_bytes());
    let small = s.write("small.txt", b"Small.");
    let out = read(&[&path, &small]);
    assert!(
        matches!(kind(&out[0]), SourceErrorKind::TooLarge { limit, .. } if *limit == 50 * 1024 * 1024)
    );
    assert!(
        out[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("larger than the limit")
    );
    assert!(out[1].is_ok());
    // The limit is configurable, and applies after decompression too.
    let gz = s.write("small.txt.gz", &gzip(&[b'x'; 4096]));
    let opts = SourceOptions {
        max_bytes: 1000,
        ..Default::default()
    };
    let out: Vec<_> = read_inputs(&[Input::Path(gz)], &opts).collect();
    assert!(matches!(
        kind(&out[0]),
        SourceErrorKind::TooLarge {
            size: 1001,
            limit: 1000
        }
    ));
}

#[test]
fn encodings_are_decoded() {
    let s = Scratch::new("enc");
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251
        .encode("Министр иностранных дел России встретился с госсекретарем.");
    let cyr = s.write("ru.txt", &cp1251);
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Talks in Geneva.".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    let u16 = s.write("u16.txt", &utf16);
    let (gbk, _, _) = encoding_rs::GBK.encode("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>外交部发言人</p></body></html>");
    let zh = s.write("zh.html", &gbk);
    let gz = s.write("page.html.gz", &gzip("<p>Gzipped café</p>".as_bytes()));
    let out = read(&[&cyr, &u16, &zh, &gz]);
    assert!(
        out[0]
            .as_ref()
            .unwrap()
            .content
            .as_str()
            .starts_with("Министр иностранных")
    );
    assert_eq!(
        out[1].as_ref().unwrap().content.as_str(),
        "Talks in Geneva."
    );
    assert!(
        out[2]
            .as_ref()
            .unwrap()
            .content
            .as_str()
            .contains("外交部发言人")
    );
    let page = out[3].as_ref().unwrap();
    assert!(matches!(&page.content, Content::Html(t) if t.contains("café")));
}

#[test]
fn jsonl_and_gzipped_jsonl_stream_one_document_per_line() {
    let s = Scratch::new("jsonl");
    let lines = "{\"id\":\"a\",\"text\":\"One.\",\"url\":\"http://x/1\"}\n{broken\n{\"id\":\"c\",\"html\":\"<p>Three.</p>\"}\n";
    let plain = s.write("docs.jsonl", lines.as_bytes());
    let packed = s.write("docs.jsonl.gz", &gzip(lines.as_bytes()));
    for path in [plain, packed] {
        let out = read(&[&path]);
        assert_eq!(out.len(), 3);
        let a = out[0].as_ref().unwrap();
        assert_eq!(
            (
                a.id.as_deref(),
                a.provenance.line,
                a.provenance.url.as_deref()
            ),
            (Some("a"), Some(1), Some("http://x/1"))
        );
        let e = out[1].as_ref().unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.to_string().contains(&format!("{}:2:", path.display())));
        assert!(matches!(out[2].as_ref().unwrap().content, Content::Html(_)));
    }
}

/// A file mixing UTF-8 with Latin-1 bytes (pasted text) is read as best it
/// can be, with its words intact, and its neighbour is still read.
#[test]
fn mixed_encodings_in_one_file_are_a_best_effort() {
    let s = Scratch::new("mixed");
    let mut bytes = "Der Präsident sagte in Berlin: ".as_bytes().to_vec();
    bytes.extend_from_slice(b"caf\xe9 cr\xe8me, la r\xe9union aura lieu.\n");
    let mixed = s.write("mixed.txt", &bytes);
    let next = s.write("next.txt", b"Next story.");
    let out = read(&[&mixed, &next]);
    assert_eq!(out.len(), 2);
    let text = out[0]
        .as_ref()
        .expect("best effort, not an error")
        .content
        .as_str();
    assert!(
        text.contains("Berlin") && text.contains("union aura lieu"),
        "{text}"
    );
    assert_eq!(out[1].as_ref().unwrap().content.as_str(), "Next story.");
}
