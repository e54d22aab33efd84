//! Bad inputs never stop a run: each gets an error on stderr that names it,
//! the good inputs of the same run are still coded, and the exit status is 1.

mod common;

use std::fs;
use std::path::Path;

const GOOD: &str = "Russia condemned the sanctions imposed by the United States on Monday.";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

/// Runs `detente code` over `bad` with a good file before and after it.
fn check(bad: &str, expect: &str) {
    let dir = tempfile::tempdir().unwrap();
    let first = write(dir.path(), "first.txt", GOOD.as_bytes());
    let last = write(dir.path(), "last.txt", GOOD.as_bytes());
    let o = common::detente(&["code", &first, bad, &last], b"");
    let err = common::stderr(&o);
    assert_eq!(o.status.code(), Some(1), "exit status; stderr: {err}");
    let line = err
        .lines()
        .find(|l| l.contains(bad))
        .unwrap_or_else(|| panic!("{bad} not named: {err}"));
    assert!(
        line.to_lowercase().contains(expect),
        "{line:?} should say {expect:?}"
    );
    let paths: Vec<String> = common::records(&o)
        .iter()
        .map(|r| r["path"].to_string())
        .collect();
    assert_eq!(paths.len(), 2, "both good inputs coded: {paths:?}");
    assert!(
        paths[0].contains("first.txt") && paths[1].contains("last.txt"),
        "{paths:?}"
    );
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    check(&write(dir.path(), "empty.txt", b""), "empty");
}

#[test]
fn binary_file() {
    let dir = tempfile::tempdir().unwrap();
    let bytes: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    check(&write(dir.path(), "photo.html", &bytes), "binary");
}

#[test]
fn invalid_utf8_in_a_page_that_declares_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let page = b"<html><head><meta charset=\"utf-8\"><title>T</title></head><body><p>Moscow \xff\xfe said</p></body></html>";
    check(&write(dir.path(), "bad.html", page), "utf-8");
}

#[test]
fn invalid_utf8_in_a_json_lines_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "feed.jsonl",
        b"{\"id\":\"x\",\"text\":\"Moscow \xff said\"}\n",
    );
    check(&path, "utf-8");
}

#[test]
fn file_of_50_megabytes() {
    let dir = tempfile::tempdir().unwrap();
    let line = format!("{GOOD}\n");
    let big = line.repeat(50_000_000 / line.len() + 1);
    check(
        &write(dir.path(), "big.txt", big.as_bytes()),
        "larger than the limit",
    );
}

#[test]
fn missing_path() {
    let dir = tempfile::tempdir().unwrap();
    check(
        dir.path().join("nowhere.txt").to_str().unwrap(),
        "no such file",
    );
}

#[test]
fn folder_without_readable_files() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    check(empty.to_str().unwrap(), "no readable files");
}

#[test]
fn usage_errors_exit_2() {
    let o = common::detente(&["code", "--date", "25/03/2016", "--text", "x"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(common::stderr(&o).contains("YYYY-MM-DD"));
    let o = common::detente(&["code", "--format", "xml", "--text", "x"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(common::stderr(&o).contains("jsonl"));
}

#[test]
fn broken_tone_lexicon_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let lexicon = write(dir.path(), "tone.tsv", b"good\t2\nbad word without score\n");
    let o = common::detente(&["code", "--lexicon", &lexicon, "--text", GOOD], b"");
    assert_eq!(o.status.code(), Some(2));
    let err = common::stderr(&o);
    assert!(err.contains("tone.tsv") && err.contains('2'), "{err}");
}
