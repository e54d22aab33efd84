//! The schema on SQLite. Each entry of [`MIGRATIONS`] is one version; an
//! entry is never edited once released, a change is a new entry.

/// Version 1: documents, events with their mentions and sources, quotes,
/// entities, and FTS5 over titles and bodies.
const V1: &str = r#"
CREATE TABLE documents (
    id         INTEGER PRIMARY KEY,
    hash       TEXT NOT NULL UNIQUE,
    input      TEXT NOT NULL,
    doc_id     TEXT,
    url        TEXT,
    title      TEXT,
    publisher  TEXT,
    source     TEXT NOT NULL,
    date       TEXT,
    language   TEXT,
    body       TEXT NOT NULL,
    tone       REAL NOT NULL,
    word_count INTEGER NOT NULL,
    minhash    BLOB,
    cluster    INTEGER REFERENCES documents(id),
    analysis   TEXT NOT NULL,
    added      TEXT NOT NULL
);
CREATE INDEX documents_date ON documents(date);

-- MinHash LSH: one row per band of a document's signature.
CREATE TABLE document_bands (
    band     INTEGER NOT NULL,
    document INTEGER NOT NULL REFERENCES documents(id)
);
CREATE INDEX document_bands_band ON document_bands(band);

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    key            TEXT NOT NULL UNIQUE,
    date           TEXT,
    source         TEXT,
    target         TEXT,
    code           TEXT NOT NULL,
    root           INTEGER NOT NULL,
    quad           INTEGER NOT NULL,
    goldstein      REAL NOT NULL,
    name           TEXT NOT NULL,
    num_mentions   INTEGER NOT NULL,
    num_sources    INTEGER NOT NULL,
    num_articles   INTEGER NOT NULL,
    is_root        INTEGER NOT NULL,
    tone_sum       REAL NOT NULL,
    first_document INTEGER NOT NULL REFERENCES documents(id),
    first_index    INTEGER NOT NULL
);
CREATE INDEX events_source ON events(source, date);
CREATE INDEX events_target ON events(target, date);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_first ON events(first_document);

CREATE TABLE event_sources (
    event  INTEGER NOT NULL REFERENCES events(id),
    source TEXT NOT NULL,
    PRIMARY KEY (event, source)
);

CREATE TABLE mentions (
    id        INTEGER PRIMARY KEY,
    event     INTEGER NOT NULL REFERENCES events(id),
    document  INTEGER NOT NULL REFERENCES documents(id),
    idx       INTEGER NOT NULL,
    sentence  INTEGER NOT NULL,
    is_root   INTEGER NOT NULL,
    modality  TEXT NOT NULL,
    rule      TEXT NOT NULL,
    evidence  TEXT NOT NULL
);
CREATE INDEX mentions_event ON mentions(event);
CREATE INDEX mentions_document ON mentions(document);

CREATE TABLE quotes (
    id            INTEGER PRIMARY KEY,
    document      INTEGER NOT NULL REFERENCES documents(id),
    kind          TEXT NOT NULL,
    speaker       TEXT,
    speaker_actor TEXT,
    cue           TEXT,
    text          TEXT NOT NULL
);
CREATE INDEX quotes_document ON quotes(document);

CREATE TABLE entities (
    id       INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents(id),
    kind     TEXT NOT NULL,
    name     TEXT NOT NULL,
    actor    TEXT,
    start    INTEGER NOT NULL
);
CREATE INDEX entities_document ON entities(document);
CREATE INDEX entities_actor ON entities(actor);

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body, content='documents', content_rowid='id'
);
"#;

pub const MIGRATIONS: &[(i64, &str, &str)] =
    &[(1, "documents, events, mentions, quotes, entities, fts5", V1)];
