//! Many documents on all cores, results in input order.
//!
//! Documents are read lazily from the source and processed in chunks: each
//! chunk is analysed in parallel with rayon, then handed to the caller in
//! the order the documents were read. Memory stays bounded by the chunk size
//! and the output is the same whatever the number of threads.

use detente_core::{Analysis, Document};
use detente_source::SourceError;
use rayon::prelude::*;

use crate::{Failure, Pipeline};

/// The result for one input document.
pub type Outcome = Result<Analysis, Failure>;

/// Documents per thread in one chunk: large enough to keep every core busy
/// when document sizes vary, small enough to keep memory flat.
const PER_THREAD: usize = 32;

/// Runs every document of `docs` through `pipeline`, calling `emit` once per
/// document in input order. Stops early, returning the error, if `emit` fails
/// (e.g. the output pipe was closed).
pub fn run<I, E>(
    pipeline: &Pipeline,
    docs: I,
    mut emit: impl FnMut(Outcome) -> Result<(), E>,
) -> Result<(), E>
where
    I: IntoIterator<Item = Result<Document, SourceError>>,
{
    let chunk_size = PER_THREAD * rayon::current_num_threads().max(1);
    let mut docs = docs.into_iter();
    loop {
        let chunk: Vec<_> = docs.by_ref().take(chunk_size).collect();
        if chunk.is_empty() {
            return Ok(());
        }
        let outcomes: Vec<Outcome> = chunk
            .into_par_iter()
            .map(|d| process(pipeline, d))
            .collect();
        for outcome in outcomes {
            emit(outcome)?;
        }
    }
}

fn process(pipeline: &Pipeline, doc: Result<Document, SourceError>) -> Outcome {
    let doc = doc.map_err(|e| Failure {
        input: e.input.clone() + &e.line.map(|l| format!(":{l}")).unwrap_or_default(),
        message: e.kind.to_string(),
    })?;
    pipeline.run(&doc).map_err(|e| Failure {
        input: doc.name(),
        message: e.to_string(),
    })
}
