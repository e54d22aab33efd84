//! The store on a real database: ingest is idempotent, wire copies collapse,
//! repeated events merge, queries answer, errors are clear. Every test runs
//! on a fresh SQLite file, and on PostgreSQL when DETENTE_TEST_POSTGRES is set.

mod common;

use common::{corpus, day, run};
use detente_store::export::ExportFormat;
use detente_store::query::{CodePattern, EventFilter, Period, RelationsQuery, Trend};
use detente_store::{Access, Store, StoreError};

fn on_every_backend(test: &str, check: impl Fn(&str)) {
    let dir = tempfile::tempdir().unwrap();
    check(&common::sqlite(dir.path()));
    if let Some(url) = common::postgres(test) {
        check(&url);
    }
}

#[test]
fn ingest_twice_stores_once_and_merges_wire_copies() {
    on_every_backend("ingest_twice", |url| {
        let first = run(url, corpus());
        assert_eq!(first.counts.stored, 4, "{url}");
        assert_eq!(
            first.counts.failed, 1,
            "the broken input is reported, the rest stored"
        );
        assert!(first.failures[0].to_string().contains("broken.html"));
        let store = Store::open(url, Access::ReadOnly).unwrap();
        let before = store.stats().unwrap();
        assert_eq!(before.documents, 4);
        assert_eq!(
            before.stories, 3,
            "the wire copy joins its original's cluster"
        );

        let again = run(url, corpus());
        assert_eq!((again.counts.stored, again.counts.skipped), (0, 4), "{url}");
        assert_eq!(
            store.stats().unwrap(),
            before,
            "a second run changes nothing"
        );
    });
}

#[test]
fn a_repeated_event_is_one_event_with_more_mentions() {
    on_every_backend("repeated_event", |url| {
        run(url, corpus());
        let store = Store::open(url, Access::ReadOnly).unwrap();
        let filter = EventFilter {
            actor: "RUS".parse().ok(),
            code: None,
            since: None,
            until: None,
            limit: 100,
        };
        let events = store.events(&filter).unwrap();
        let condemn = events
            .iter()
            .find(|e| {
                e.date.as_deref() == Some("2016-03-25")
                    && e.source.as_deref().is_some_and(|s| s.starts_with("RUS"))
            })
            .unwrap_or_else(|| panic!("Russia's condemnation is stored: {events:#?}"));
        assert_eq!(condemn.num_articles, 2, "the story and its wire copy");
        assert_eq!(condemn.num_sources, 2, "two outlets");
        assert!(
            condemn.num_mentions >= 4,
            "two sentences in each of two articles: {condemn:?}"
        );
        assert!(condemn.is_root, "reported in the lead paragraph");
        let same_key = events
            .iter()
            .filter(|e| {
                (&e.date, &e.source, &e.target, &e.code)
                    == (
                        &condemn.date,
                        &condemn.source,
                        &condemn.target,
                        &condemn.code,
                    )
            })
            .count();
        assert_eq!(same_key, 1);
    });
}

#[test]
fn queries_answer_from_the_stored_events() {
    on_every_backend("queries", |url| {
        run(url, corpus());
        let store = Store::open(url, Access::ReadOnly).unwrap();

        let q = RelationsQuery {
            a: "RUS".parse().unwrap(),
            b: "USA".parse().unwrap(),
            from: Some(day("2016-01-01")),
            to: None,
            by: Period::Month,
        };
        let rows = store.relations(&q).unwrap();
        let periods: Vec<&str> = rows.iter().map(|r| r.period.as_str()).collect();
        assert_eq!(
            periods,
            [
                "2016-03", "2016-03", "2016-03", "2016-04", "2016-04", "2016-04", "2016-05",
                "2016-05", "2016-05"
            ]
        );
        let march_both = &rows[2];
        assert_eq!(march_both.direction, "RUS<->USA");
        assert!(
            march_both.events >= 1
                && march_both.verbal_conflict + march_both.material_conflict >= 1,
            "{march_both:?}"
        );
        assert!(
            march_both.goldstein_mean.is_some_and(|g| g < 0.0),
            "condemnation is conflict: {march_both:?}"
        );
        assert_eq!(rows[5].events, 0, "April is an empty period, shown");
        assert!(
            rows.iter().all(|r| r.trend == Trend::Unknown),
            "three periods are too few for a trend"
        );
        assert_eq!(
            rows[0].events + rows[1].events,
            rows[2].events,
            "both = the two directions"
        );

        let none = store
            .relations(&RelationsQuery {
                from: Some(day("2017-01-01")),
                ..q.clone()
            })
            .unwrap();
        assert!(none.is_empty());

        let conflict = EventFilter {
            actor: "USA".parse().ok(),
            code: Some("1*".parse::<CodePattern>().unwrap()),
            since: Some(day("2016-03-01")),
            until: None,
            limit: 10,
        };
        let events = store.events(&conflict).unwrap();
        assert!(
            !events.is_empty() && events.iter().all(|e| e.code.starts_with('1')),
            "{events:?}"
        );
        assert!(events.iter().all(|e| !e.evidence.is_empty()));

        let hits = store.search("sanctions Crimea", 10).unwrap();
        assert_eq!(hits.len(), 2, "the story and its copy: {hits:?}");
        assert!(
            hits[0].snippet.contains('['),
            "matched words are marked: {}",
            hits[0].snippet
        );
        assert!(
            store.search("sanctions interest", 10).unwrap().is_empty(),
            "every word must occur"
        );

        let actors = store.actors(5).unwrap();
        assert!(
            actors.iter().any(|a| a.actor.starts_with("RUS")),
            "{actors:?}"
        );
        assert!(!store.dyads(5).unwrap().is_empty());
    });
}

#[test]
fn export_writes_every_format() {
    on_every_backend("export", |url| {
        run(url, corpus());
        let store = Store::open(url, Access::ReadOnly).unwrap();
        let export = |format, since| {
            let mut out = Vec::new();
            let n = store.export(format, since, &mut out).unwrap();
            (n, String::from_utf8(out).unwrap())
        };
        let stats = store.stats().unwrap();
        let (n, events) = export(ExportFormat::GdeltEvents, None);
        assert_eq!(n as i64, stats.events);
        assert!(events.lines().all(|l| l.split('\t').count() == 61));
        let (n, mentions) = export(ExportFormat::GdeltMentions, None);
        assert_eq!(n as i64, stats.mentions);
        assert!(mentions.lines().all(|l| l.split('\t').count() == 16));
        let (n, _) = export(ExportFormat::GdeltGkg, None);
        assert_eq!(n, 4);
        let (n, jsonl) = export(ExportFormat::Jsonl, None);
        assert_eq!(n, 4);
        for line in jsonl.lines() {
            let a: detente::Analysis = serde_json::from_str(line).unwrap();
            assert!(!a.article.body.is_empty());
        }
        let (n, _) = export(ExportFormat::Jsonl, Some(day("2016-04-01")));
        assert_eq!(n, 1, "only the May story is dated after April 1");
        let (_, csv) = export(ExportFormat::Csv, None);
        assert_eq!(
            csv.lines().count() as i64,
            stats.events + 1,
            "a header and one row per event"
        );
        let (_, plover) = export(ExportFormat::Plover, None);
        for line in plover.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert!(v["event"].is_array());
        }
    });
}

#[test]
fn errors_say_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.db");
    let e = Store::open(missing.to_str().unwrap(), Access::ReadOnly)
        .err()
        .unwrap();
    assert!(matches!(e, StoreError::Missing { .. }), "{e}");
    assert!(
        e.to_string().contains("none.db") && e.to_string().contains("detente ingest"),
        "{e}"
    );

    let url = common::sqlite(dir.path());
    run(&url, corpus());
    let mut perms = std::fs::metadata(&url).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&url, perms).unwrap();
    let e = Store::open(&url, Access::ReadWrite).err().unwrap();
    assert!(
        e.to_string().contains("read-only") && e.to_string().contains("test.db"),
        "{e}"
    );
    assert!(
        Store::open(&url, Access::ReadOnly)
            .unwrap()
            .stats()
            .unwrap()
            .documents
            == 4,
        "still readable"
    );

    // Nothing listens on port 1 of this machine.
    let e = Store::open(
        "postgres://detente:secret@127.0.0.1:1/detente",
        Access::ReadWrite,
    )
    .err()
    .unwrap();
    let message = e.to_string();
    assert!(
        message.contains("cannot connect to postgres://detente:***@127.0.0.1:1/detente"),
        "{message}"
    );
    assert!(!message.contains("secret"), "{message}");

    let e = Store::open("mysql://localhost/x", Access::ReadWrite)
        .err()
        .unwrap();
    assert!(matches!(e, StoreError::BadUrl { .. }), "{e}");
}

#[test]
fn readers_query_while_ingest_writes() {
    let dir = tempfile::tempdir().unwrap();
    let url = common::sqlite(dir.path());
    run(&url, corpus());
    let docs: Vec<_> = (0..200)
        .map(|i| {
            let mut d = detente::Document::text(format!(
                "Russia criticised the United States for the {i}th time on Friday."
            ));
            d.date = Some(day("2016-06-03"));
            Ok(d)
        })
        .collect();
    let writer_url = url.clone();
    let writer = std::thread::spawn(move || run(&writer_url, docs));
    let reader = Store::open(&url, Access::ReadOnly).unwrap();
    let mut last = 0;
    while !writer.is_finished() {
        let n = reader
            .stats()
            .expect("a reader is never locked out")
            .documents;
        assert!(n >= last, "counts only grow");
        last = n;
    }
    assert_eq!(writer.join().unwrap().counts.stored, 200);
    assert_eq!(reader.stats().unwrap().documents, 204);
}
