//! Shared by the store tests: the databases to run against and a small
//! corpus with a wire copy, a repeated event and a broken input.

#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use detente::source::{SourceError, SourceErrorKind};
use detente::{Document, Knowledge, Pipeline};
use detente_store::ingest::{Counters, Summary, ingest};
use detente_store::{Access, Store};

/// The environment variable naming a PostgreSQL database the tests may use.
pub const POSTGRES_ENV: &str = "DETENTE_TEST_POSTGRES";

pub fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(Arc::new(Knowledge::embedded().expect("embedded knowledge"))))
}

/// A fresh SQLite database in `dir`.
pub fn sqlite(dir: &Path) -> String {
    dir.join("test.db").display().to_string()
}

/// A fresh PostgreSQL database named after `test`, or `None` (with a
/// message saying the test is skipped) when DETENTE_TEST_POSTGRES is unset.
pub fn postgres(test: &str) -> Option<String> {
    let Ok(base) = std::env::var(POSTGRES_ENV) else {
        // Straight to the stream, past the test harness's capture, so the
        // skip shows in every run's output.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED {test} on PostgreSQL: set {POSTGRES_ENV}=postgres://... (bash .ci/postgres prints one)"
        );
        return None;
    };
    let name = format!("detente_{}_{}", test, std::process::id());
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    sqlx::any::install_default_drivers();
    rt.block_on(async {
        let pool = sqlx::AnyPool::connect(&base)
            .await
            .expect("the test PostgreSQL server answers");
        let drop = format!("DROP DATABASE IF EXISTS {name}");
        sqlx::raw_sql(sqlx::AssertSqlSafe(drop))
            .execute(&pool)
            .await
            .unwrap();
        let create = format!("CREATE DATABASE {name}");
        sqlx::raw_sql(sqlx::AssertSqlSafe(create))
            .execute(&pool)
            .await
            .unwrap();
    });
    let (server, _) = base.rsplit_once('/').expect("a database URL ends in /NAME");
    Some(format!("{server}/{name}"))
}

pub fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn doc(text: &str, url: &str, date: &str) -> Result<Document, SourceError> {
    let mut d = Document::text(text);
    d.provenance.url = Some(url.to_string());
    d.provenance.path = Some(url.to_string());
    d.date = Some(day(date));
    Ok(d)
}

pub const STORY: &str = "Russia condemned the United States over the new sanctions on Crimea.\n\n\
    Foreign Minister Sergei Lavrov said Moscow was ready to restore ties with the West, but that \
    the sanctions over Crimea stood in the way of any improvement in relations with Washington. \
    He added that the talks in Geneva had been useful and constructive for both sides and that \
    the ceasefire in Syria had largely held since late February.\n\n\
    Russia condemned the United States again later in the day.";

/// Four documents and one unreadable input: a story, its wire copy at
/// another outlet, an unrelated story, a story in a later month, and the
/// broken one. Both copies report the same event on the same day.
pub fn corpus() -> Vec<Result<Document, SourceError>> {
    vec![
        doc(
            STORY,
            "https://news.example.org/russia-sanctions",
            "2016-03-25",
        ),
        Err(SourceError {
            input: "broken.html".into(),
            line: None,
            kind: SourceErrorKind::Io("permission denied".into()),
        }),
        doc(
            &format!("MOSCOW, March 25 (Xinhua) -- {STORY}"),
            "https://wire.example.com/a/1",
            "2016-03-25",
        ),
        doc(
            "The central bank raised interest rates by half a point on Tuesday, citing inflation that \
             had risen faster than forecast for three months in a row.",
            "https://news.example.org/rates",
            "2016-03-22",
        ),
        doc(
            "The United States praised Russia for its help with the Syrian ceasefire talks.",
            "https://news.example.org/praise",
            "2016-05-02",
        ),
    ]
}

/// Ingests `docs` into the database at `url`.
pub fn run(url: &str, docs: Vec<Result<Document, SourceError>>) -> Summary {
    let store = Store::open(url, Access::ReadWrite).expect("open for writing");
    let (summary, _store) = ingest(
        store,
        pipeline(),
        docs,
        Arc::new(Counters::default()),
        |_| {},
    );
    summary.expect("ingest succeeds")
}
