//! What can go wrong while loading the knowledge base.
//!
//! Every error names the data file and, where it is about one line, the
//! 1-based line number and what was expected there, so a dictionary author
//! can go straight to the fault.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum KnowledgeError {
    /// One line of a data file is malformed or refers to something unknown.
    #[error("{file}:{line}: {message}")]
    Line {
        file: String,
        line: usize,
        message: String,
    },
    /// A data file could not be read.
    #[error("{file}: cannot read: {source}")]
    Io {
        file: String,
        #[source]
        source: std::io::Error,
    },
    /// A whole-file problem (e.g. a required entry is missing).
    #[error("{file}: {message}")]
    File { file: String, message: String },
}

impl KnowledgeError {
    pub fn line(file: &str, line: usize, message: impl Into<String>) -> Self {
        KnowledgeError::Line {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}
