//! The whole route into the database: read, skip what is stored, analyse on
//! all cores, write.
//!
//! ```text
//! source ──▶ hash ──(stored? skip)──▶ detente::batch::run ──▶ channel ──▶ writer thread ──▶ Store
//! ```
//!
//! Hashes of stored documents are loaded once, so a re-run after a crash
//! skips them before any analysis: resuming costs little. Analysis runs on
//! the rayon pool while a writer thread stores the previous results, a
//! group of documents per transaction, so the cores never wait for the disk. [`detente::batch::run`] hands outcomes
//! back in input order; a queue of the hashes read, in the same order,
//! pairs each outcome with its document. An input that cannot be read or
//! analysed is a [`Failure`] and the run goes on; only a database error
//! (disk full, server gone) stops it, after the documents already written.

use std::cell::RefCell;
use std::collections::{HashSet, VecDeque};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::sync_channel;
use std::thread;

use detente::source::SourceError;
use detente::{Document, Failure, Pipeline, batch};

use crate::error::Result;
use crate::hash::ContentHash;
use crate::store::Store;
use crate::write::{NewDocument, Written};

/// Results in flight between the analysis and the writer: enough to keep
/// the writer busy, few enough to keep memory flat.
const IN_FLIGHT: usize = 512;

/// Most documents written in one transaction (see [`crate::write`]): a
/// killed run loses at most this many, and stores them on the next run.
const GROUP: usize = 256;

/// Running totals, shared by the writer thread and the caller.
#[derive(Debug, Default)]
pub struct Counters {
    read: AtomicU64,
    stored: AtomicU64,
    skipped: AtomicU64,
    failed: AtomicU64,
    events: AtomicU64,
    mentions: AtomicU64,
    quotes: AtomicU64,
}

/// A snapshot of the totals of an ingest.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Documents read from the inputs (stored, skipped or failed, or still in flight).
    pub read: u64,
    /// Documents written by this run.
    pub stored: u64,
    /// Documents already in the database (or twice in the inputs).
    pub skipped: u64,
    pub failed: u64,
    /// Distinct events of the stored documents (one per document and identity).
    pub events: u64,
    /// Event mentions: every sentence that reports an event.
    pub mentions: u64,
    pub quotes: u64,
}

impl Counters {
    pub fn snapshot(&self) -> Counts {
        let get = |a: &AtomicU64| a.load(Ordering::Relaxed);
        Counts {
            read: get(&self.read),
            stored: get(&self.stored),
            skipped: get(&self.skipped),
            failed: get(&self.failed),
            events: get(&self.events),
            mentions: get(&self.mentions),
            quotes: get(&self.quotes),
        }
    }

    fn add(&self, counter: impl Fn(&Self) -> &AtomicU64, n: u64) {
        counter(self).fetch_add(n, Ordering::Relaxed);
    }
}

/// What an ingest did.
#[derive(Debug, Default)]
pub struct Summary {
    pub counts: Counts,
    /// Every input that could not be read or analysed, with the reason.
    pub failures: Vec<Failure>,
}

/// Runs every document of `docs` through `pipeline` into `store`.
/// `on_progress` is called after each document with the totals so far.
/// Returns the store back with the summary.
pub fn ingest<I>(
    store: Store,
    pipeline: &Pipeline,
    docs: I,
    counters: Arc<Counters>,
    mut on_progress: impl FnMut(Counts),
) -> (Result<Summary>, Store)
where
    I: IntoIterator<Item = Result<Document, SourceError>>,
{
    let mut seen = match store.stored_hashes() {
        Ok(seen) => seen,
        Err(e) => return (Err(e), store),
    };
    let (tx, rx) = sync_channel::<NewDocument>(IN_FLIGHT);
    let writer_counters = Arc::clone(&counters);
    let writer = thread::spawn(move || {
        let result = (|| {
            while let Ok(first) = rx.recv() {
                // Whatever else is already waiting joins this transaction.
                let group: Vec<NewDocument> = std::iter::once(first)
                    .chain(rx.try_iter().take(GROUP - 1))
                    .collect();
                write_group(&store, group, &writer_counters)?;
            }
            Ok(())
        })();
        (result, store)
    });

    // Inputs handed to the analysis, in order: the hash and name of a
    // document, or None for an input that could not be read.
    let queue: RefCell<VecDeque<Option<(ContentHash, String)>>> = RefCell::default();
    let reading = docs.into_iter().filter_map(|d| {
        counters.add(|c| &c.read, 1);
        match d {
            Ok(doc) => {
                let hash = ContentHash::of(&doc);
                if !seen.insert(short(&hash)) {
                    counters.add(|c| &c.skipped, 1);
                    return None;
                }
                queue.borrow_mut().push_back(Some((hash, doc.name())));
                Some(Ok(doc))
            }
            Err(e) => {
                queue.borrow_mut().push_back(None);
                Some(Err(e))
            }
        }
    });
    let mut failures = Vec::new();
    let sent = batch::run(pipeline, reading, |outcome| {
        let front = queue.borrow_mut().pop_front().flatten();
        let result = match (outcome, front) {
            (Ok(analysis), Some((hash, input))) => tx
                .send(NewDocument {
                    hash,
                    input,
                    analysis,
                })
                .map_err(drop),
            (Ok(_), None) => unreachable!("an analysis always comes from a document that was read"),
            (Err(failure), _) => {
                counters.add(|c| &c.failed, 1);
                failures.push(failure);
                Ok(())
            }
        };
        on_progress(counters.snapshot());
        result
    });
    drop(tx);
    let (written, store) = writer.join().expect("the writer thread does not panic");
    // A failed send means the writer stopped: its error says why.
    let result = written.map(|()| {
        debug_assert!(sent.is_ok());
        Summary {
            counts: counters.snapshot(),
            failures,
        }
    });
    (result, store)
}

fn write_group(store: &Store, group: Vec<NewDocument>, counters: &Counters) -> Result<()> {
    for written in store.write_all(group)? {
        match written {
            Written::Stored {
                events,
                mentions,
                quotes,
                ..
            } => {
                counters.add(|c| &c.stored, 1);
                counters.add(|c| &c.events, events);
                counters.add(|c| &c.mentions, mentions);
                counters.add(|c| &c.quotes, quotes);
            }
            Written::AlreadyStored => counters.add(|c| &c.skipped, 1),
        }
    }
    Ok(())
}

/// The first 128 bits of a content hash: what the skip check keeps in
/// memory per stored document (the database compares all 256).
pub(crate) fn short(hash: &ContentHash) -> u128 {
    u128::from_str_radix(&hash.as_str()[..32], 16).unwrap_or_default()
}

/// The in-memory set of stored document hashes.
pub(crate) type HashSetShort = HashSet<u128>;
