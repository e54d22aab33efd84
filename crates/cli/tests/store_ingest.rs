//! `detente ingest` as a user runs it: killed with SIGKILL half-way and run
//! again, it ends with exactly what one clean run stores.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{detente, stderr, stdout};
use detente_store::{Access, Store};

/// Documents in the folder: enough that ingest is still running when killed.
const DOCS: usize = 1500;

fn write_corpus(dir: &Path) {
    let actors = [
        "Russia",
        "the United States",
        "China",
        "France",
        "Germany",
        "Iran",
    ];
    let verbs = [
        "condemned",
        "praised",
        "criticised",
        "met with",
        "threatened",
        "accused",
    ];
    for i in 0..DOCS {
        let (a, b) = (actors[i % 6], actors[(i / 6 + 1 + i % 6) % 6]);
        let text = format!(
            "{a} {} {b} on Friday, officials said in report number {i}.\n\n\
             \"We will not accept this,\" a spokesman said after talks number {i} ended.",
            verbs[(i / 36) % 6]
        );
        std::fs::write(dir.join(format!("doc{i:05}.txt")), text).unwrap();
    }
}

/// The totals that must not depend on how the run went.
fn totals(db: &str) -> serde_json::Value {
    let out = detente(&["stats", "--db", db, "--format", "json"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let mut v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    v.as_object_mut().unwrap().remove("database");
    v
}

fn stored(db: &str) -> i64 {
    Store::open(db, Access::ReadOnly)
        .and_then(|s| s.stats())
        .map_or(0, |s| s.documents)
}

#[test]
fn killed_ingest_resumes_to_the_same_database() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    std::fs::create_dir(&news).unwrap();
    write_corpus(&news);
    let news = news.to_str().unwrap();

    let clean = dir.path().join("clean.db").display().to_string();
    let out = detente(
        &["ingest", news, "--db", &clean, "--date", "2016-03-25"],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!("{DOCS} documents stored")),
        "{}",
        stdout(&out)
    );

    let killed = dir.path().join("killed.db").display().to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_detente"))
        .args(["ingest", news, "--db", &killed, "--date", "2016-03-25"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while stored(&killed) < (DOCS / 10) as i64 && started.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap(); // SIGKILL: no chance to clean up
    child.wait().unwrap();
    let at_kill = stored(&killed);
    assert!(
        at_kill > 0 && at_kill < DOCS as i64,
        "killed mid-way: {at_kill} of {DOCS} stored"
    );

    let out = detente(
        &["ingest", news, "--db", &killed, "--date", "2016-03-25"],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let summary = stdout(&out);
    let resumed = DOCS as i64 - at_kill;
    assert!(
        summary.contains(&format!("{resumed} documents stored")),
        "{summary}"
    );
    assert!(summary.contains(&format!("{at_kill} skipped")), "{summary}");
    assert_eq!(totals(&killed), totals(&clean));
}

/// A disk that fills up mid-run: the file size limit of the process
/// (`ulimit -f`, with SIGXFSZ ignored so the write fails instead) stands in
/// for a full disk, as both make the database's writes come up short.
#[test]
#[cfg(unix)]
fn full_disk_stops_cleanly_and_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    std::fs::create_dir(&news).unwrap();
    write_corpus(&news);
    let news = news.to_str().unwrap();
    let args = |db: &str| ["ingest", news, "--db", db, "--date", "2016-03-25"].map(String::from);

    let clean = dir.path().join("clean.db").display().to_string();
    assert!(
        detente(
            &["ingest", news, "--db", &clean, "--date", "2016-03-25"],
            b""
        )
        .status
        .success()
    );

    let full = dir.path().join("full.db").display().to_string();
    let out = Command::new("sh")
        .arg("-c")
        .arg(r#"trap '' XFSZ; ulimit -f 2000; exec "$@""#)
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_detente"))
        .args(args(&full))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let message = stderr(&out);
    assert!(message.contains("full.db"), "{message}");
    assert!(
        message.contains("the disk is full or refused the write"),
        "{message}"
    );
    assert!(message.contains("run the same command again"), "{message}");
    assert_eq!(
        message.matches("disk I/O error").count(),
        1,
        "each cause said once: {message}"
    );
    let at_full = stored(&full);
    assert!(
        at_full > 0 && at_full < DOCS as i64,
        "stopped mid-way: {at_full} of {DOCS} stored"
    );

    let args = args(&full);
    let out = detente(&args.each_ref().map(String::as_str), b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!("{at_full} skipped")),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        totals(&full),
        totals(&clean),
        "nothing half-written, nothing lost"
    );
}

#[test]
fn bad_databases_give_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("a.txt");
    std::fs::write(&page, "Russia condemned the United States.").unwrap();
    let page = page.to_str().unwrap();

    let out = detente(
        &["ingest", page, "--db", "postgres://me:pw@127.0.0.1:1/none"],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot connect to postgres://me:***@127.0.0.1:1/none"),
        "{}",
        stderr(&out)
    );

    let db = dir.path().join("ro.db");
    let out = detente(&["ingest", page, "--db", db.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let mut perms = std::fs::metadata(&db).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&db, perms).unwrap();
    let out = detente(&["ingest", page, "--db", db.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));

    let out = detente(
        &[
            "query",
            "actors",
            "--db",
            dir.path().join("no.db").to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no detente database"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn one_bad_input_never_aborts_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let db_dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "Russia condemned the United States on Friday.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("binary.txt"),
        [0u8, 159, 146, 150, 0, 1, 2, 3],
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(
        dir.path().join("other.txt"),
        "China praised France for the new trade agreement.",
    )
    .unwrap();
    let db = db_dir.path().join("x.db");
    let out = detente(
        &[
            "ingest",
            dir.path().to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "some inputs failed: {}",
        stderr(&out)
    );
    assert!(
        stdout(&out).contains("2 documents stored") && stdout(&out).contains("2 failed"),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains("binary.txt") && stderr(&out).contains("empty.txt"),
        "{}",
        stderr(&out)
    );
}
