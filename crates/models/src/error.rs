//! What can go wrong when reading corpora or model files.

use std::path::PathBuf;

use thiserror::Error;

#[derive(Debug, Error)]
pub enum ModelError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A training or evaluation corpus line did not parse.
    #[error("{path}:{line}: {msg}")]
    Corpus {
        path: PathBuf,
        line: usize,
        msg: String,
    },
    /// A model file is damaged, truncated or of the wrong kind.
    #[error("model {what}: {msg}")]
    Corrupt { what: String, msg: String },
    /// Training was asked to do something impossible (no data, say).
    #[error("training: {0}")]
    Training(String),
}

impl ModelError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        ModelError::Io {
            path: path.into(),
            source,
        }
    }

    pub(crate) fn corrupt(what: &str, msg: impl Into<String>) -> Self {
        ModelError::Corrupt {
            what: what.to_string(),
            msg: msg.into(),
        }
    }
}
