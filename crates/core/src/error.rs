//! Why one document could not be processed.
//!
//! A [`DocumentError`] is about one input only: the route reports it with the
//! input's name and goes on with the other inputs of the run.

use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum DocumentError {
    #[error("empty input: nothing to read")]
    Empty,
    #[error("binary content ({0}), not text or HTML")]
    Binary(String),
    #[error("cannot decode text: {0}")]
    Encoding(String),
    #[error("input of {size} bytes is larger than the limit of {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    #[error("no article text found: {0}")]
    NoText(String),
    #[error("malformed input: {0}")]
    Malformed(String),
    #[error("cannot read: {0}")]
    Io(String),
}
